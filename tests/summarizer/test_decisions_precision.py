"""Sentences that mention a decision without reporting one: the reader gets no false directive."""

from __future__ import annotations

from summarizer.cleaning import clean_page
from summarizer.decisions import extract_decisions


def _texts(*sentences: str) -> list[str]:
    article = clean_page("Tin địa phương\n\n" + " ".join(sentences))
    return [d.text for d in extract_decisions(article, ())]


def test_a_thing_described_by_an_old_decision_is_no_news() -> None:
    assert _texts(
        "Ngôi nhà cổ này là di tích được UBND tỉnh Nam Định công nhận từ năm 1998.",
    ) == []
    assert _texts(
        "Loại xe ba bánh thuộc danh mục phương tiện cấm lưu thông do UBND thành phố Vinh ban "
        "hành năm 2019."
    ) == []
    assert _texts("Việc tạm dừng và thu hồi giấy phép của nhà hàng Hoa Sen là đúng quy định.") == []


def test_a_decision_told_after_a_copula_as_a_first_still_counts() -> None:
    (text,) = _texts("Đây là lần đầu tiên UBND tỉnh Nam Định cấm xe tải vào trung tâm thành phố.")
    assert "cấm xe tải" in text


def test_what_is_still_being_weighed_is_not_decided() -> None:
    assert _texts(
        "Sở Giao thông vận tải Đà Nẵng đang nghiên cứu ứng dụng cho phép tài xế báo ổ gà.",
        "Hiện ông Lâm đang bị Công an tỉnh Phú Yên xem xét thi hành kỷ luật.",
    ) == []


def test_a_weighed_request_followed_by_a_decision_keeps_the_decision() -> None:
    (text,) = _texts("Sau khi xem xét, UBND tỉnh Phú Yên cho phép ngư dân ra khơi từ ngày mai.")
    assert "cho phép ngư dân ra khơi" in text


def test_a_consequence_or_a_meeting_ahead_is_no_plan() -> None:
    assert _texts(
        "Sau vụ sạt lở, UBND huyện Nam Trà My sẽ phải chi thêm hàng tỷ đồng để sửa đường.",
        "Tuần tới, Sở Tài nguyên và Môi trường Quảng Nam sẽ tổ chức cuộc họp bàn về bãi rác.",
    ) == []


def test_a_plan_an_authority_announces_still_counts() -> None:
    (text,) = _texts("Sở Giáo dục Quảng Nam sẽ tổ chức thi tuyển giáo viên vào tháng sau.")
    assert "sẽ tổ chức thi tuyển giáo viên" in text


def test_a_range_or_a_hyphenated_name_does_not_cut_the_decision_short() -> None:
    (ban,) = _texts("UBND tỉnh Lai Châu cấm khai thác cát trên sông Nậm Na từ 3 - 6 tháng.")
    assert ban.endswith("từ 3 - 6 tháng")
    (charge,) = _texts(
        "Công an tỉnh Lạng Sơn khởi tố ông Hà Văn Dũng, cựu giám đốc Sở GD - ĐT Lạng Sơn."
    )
    assert charge.endswith("Sở GD - ĐT Lạng Sơn")


def test_a_denial_with_no_object_is_no_rejected_proposal() -> None:
    assert _texts("Bộ Ngoại giao Iran bác bỏ, gọi đây là luận điệu bịa đặt của phương Tây.") == []
    (text,) = _texts("Toà án tỉnh Bình Dương bác bỏ kháng cáo của ông Trần Văn Tư.")
    assert "bác bỏ kháng cáo" in text


def test_a_cue_in_a_relative_clause_or_a_list_of_examples_is_no_decision() -> None:
    assert _texts(
        "Trong vụ án mà toà đang xét xử, nhiều bị cáo đã khai báo thành khẩn.",
        "Giám đốc Lê Hữu Nghĩa nêu nhiều yếu kém trong năm, như khâu thẩm định, phê duyệt và "
        "giám sát dự án còn chậm.",
    ) == []


def test_a_contrast_with_but_keeps_the_decision() -> None:
    (text,) = _texts("Sở Y tế Cà Mau không cấm mà chỉ yêu cầu các nhà thuốc niêm yết giá.")
    assert "yêu cầu các nhà thuốc niêm yết giá" in text
    (task,) = _texts("Hội nghị mà UBND tỉnh tổ chức đã thống nhất giao Sở Y tế kiểm tra nhà thuốc.")
    assert "giao Sở Y tế kiểm tra" in task


def test_an_inspections_findings_are_no_order_unless_they_oblige() -> None:
    assert _texts(
        "Theo kết luận của Thanh tra tỉnh Nghệ An, nhiều xã đã thu sai quy định hàng tỷ đồng."
    ) == []
    (text,) = _texts(
        "Theo kết luận của Thanh tra tỉnh Nghệ An, các xã phải hoàn trả số tiền thu sai cho dân."
    )
    assert "các xã phải hoàn trả" in text


def test_a_quoted_emphasis_shows_the_order_not_the_reasoning_before_it() -> None:
    (text,) = _texts(
        "“Đường vành đai chỉ phát huy hiệu quả khi được nối thông, còn làm từng đoạn thì phải hơn "
        "20 năm nữa mới xong. Sở Giao thông cần trình lộ trình cụ thể trong quý tới”, ông Trần Văn "
        "Nam nhấn mạnh."
    )
    assert text == "Trần Văn Nam nhấn mạnh: “Sở Giao thông cần trình lộ trình cụ thể trong quý tới”"
    said = "“Làm từng đoạn thì phải hơn 20 năm nữa mới xong”, ông Trần Văn Nam nhấn mạnh."
    assert _texts(said) == []


def test_a_conclusion_drawn_after_an_order_is_not_part_of_it() -> None:
    order = "Bộ Nông nghiệp đã chỉ đạo các tỉnh ven biển kiểm tra toàn bộ đê điều."
    texts = _texts(order, "Vì vậy, các hội đoàn thể cũng cần nhắc nhở người dân chằng chống nhà.")
    assert len(texts) == 1 and texts[0].startswith("Bộ Nông nghiệp đã chỉ đạo")
    assert len(_texts(order, "Các tỉnh phải báo cáo kết quả trước ngày 10.")) == 2


def test_the_reason_given_for_a_sanction_is_background() -> None:
    assert _texts(
        "Lý do bị kỷ luật là năm 2015, khi làm giám đốc sở, ông Hùng đã ký quyết định giao đất "
        "cho Công ty Hoàng Long mà không qua đấu giá."
    ) == []


def test_a_duty_with_no_one_who_assigned_it_is_no_decision() -> None:
    assert _texts("Đêm đó, anh Tú được phân công trực ở cổng chính của bệnh viện.") == []
    (text,) = _texts("Anh Tú được Sở Y tế tỉnh Quảng Trị phân công phụ trách khoa Nội.")
    assert text.startswith("Anh Tú được Sở Y tế tỉnh Quảng Trị phân công phụ trách khoa Nội")


def test_a_private_persons_choice_is_no_decision_but_a_states_is() -> None:
    assert _texts(
        "Cặp vợ chồng trẻ quyết định mở quán cà phê sách ở đầu ngõ.",
        "Vận động viên người Kenya đã quyết định bỏ cuộc ở cây số thứ 30.",
    ) == []
    (state,) = _texts("Nhật Bản quyết định nối lại viện trợ cho nước láng giềng.")
    assert state.startswith("Nhật Bản quyết định nối lại viện trợ")
    (body,) = _texts("UBND tỉnh Gia Lai quyết định dừng dự án thuỷ điện trên sông Ba.")
    assert body.startswith("UBND tỉnh Gia Lai quyết định dừng dự án")


def test_a_place_after_a_comma_stays_with_the_body_it_locates() -> None:
    (text,) = _texts(
        "Hôm qua, Công an huyện Tuy Phước, tỉnh Bình Định đã ra lệnh tạm giữ hình sự ông Lò Sáu."
    )
    assert text.startswith("Công an huyện Tuy Phước, tỉnh Bình Định đã ra lệnh tạm giữ")

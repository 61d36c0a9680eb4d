"""Sentences that mention a decision without reporting one: the reader gets no false directive."""

from __future__ import annotations

import pytest

from summarizer.cleaning import clean_page
from summarizer.decisions import extract_decisions


def _texts(*sentences: str) -> list[str]:
    article = clean_page("Tin địa phương\n\n" + " ".join(sentences))
    return [d.text for d in extract_decisions(article, ())]


# One article each (its sentences joined) that mentions a decision but reports none.
NO_DECISION: dict[str, tuple[str, ...]] = {
    "a-thing-described-by-an-old-decision": (
        "Ngôi nhà cổ này là di tích được UBND tỉnh Nam Định công nhận từ năm 1998.",
    ),
    "a-list-an-old-decision-issued": (
        "Loại xe ba bánh thuộc danh mục phương tiện cấm lưu thông do UBND thành phố Vinh ban "
        "hành năm 2019.",
    ),
    "an-act-judged": ("Việc tạm dừng và thu hồi giấy phép của nhà hàng Hoa Sen là đúng quy định.",),
    "still-being-weighed": (
        "Sở Giao thông vận tải Đà Nẵng đang nghiên cứu ứng dụng cho phép tài xế báo ổ gà.",
        "Hiện ông Lâm đang bị Công an tỉnh Phú Yên xem xét thi hành kỷ luật.",
    ),
    "a-consequence-or-a-meeting-ahead": (
        "Sau vụ sạt lở, UBND huyện Nam Trà My sẽ phải chi thêm hàng tỷ đồng để sửa đường.",
        "Tuần tới, Sở Tài nguyên và Môi trường Quảng Nam sẽ tổ chức cuộc họp bàn về bãi rác.",
    ),
    "a-denial-with-no-object": (
        "Bộ Ngoại giao Iran bác bỏ, gọi đây là luận điệu bịa đặt của phương Tây.",
    ),
    "a-relative-clause-or-a-list-of-examples": (
        "Trong vụ án mà toà đang xét xử, nhiều bị cáo đã khai báo thành khẩn.",
        "Giám đốc Lê Hữu Nghĩa nêu nhiều yếu kém trong năm, như khâu thẩm định, phê duyệt và "
        "giám sát dự án còn chậm.",
    ),
    "an-inspections-findings": (
        "Theo kết luận của Thanh tra tỉnh Nghệ An, nhiều xã đã thu sai quy định hàng tỷ đồng.",
    ),
    "the-reason-given-for-a-sanction": (
        "Lý do bị kỷ luật là năm 2015, khi làm giám đốc sở, ông Hùng đã ký quyết định giao đất "
        "cho Công ty Hoàng Long mà không qua đấu giá.",
    ),
}


@pytest.mark.parametrize("sentences", NO_DECISION.values(), ids=NO_DECISION.keys())
def test_a_mention_of_a_decision_reports_none(sentences: tuple[str, ...]) -> None:
    assert _texts(*sentences) == []


# The near twins of those mentions that do report a decision: the sentence, then what it shows.
STILL_COUNTS: dict[str, tuple[str, str]] = {
    "a-first-told-after-a-copula": (
        "Đây là lần đầu tiên UBND tỉnh Nam Định cấm xe tải vào trung tâm thành phố.",
        "cấm xe tải",
    ),
    "decided-after-weighing": (
        "Sau khi xem xét, UBND tỉnh Phú Yên cho phép ngư dân ra khơi từ ngày mai.",
        "cho phép ngư dân ra khơi",
    ),
    "a-plan-an-authority-announces": (
        "Sở Giáo dục Quảng Nam sẽ tổ chức thi tuyển giáo viên vào tháng sau.",
        "sẽ tổ chức thi tuyển giáo viên",
    ),
    "a-rejected-appeal": (
        "Toà án tỉnh Bình Dương bác bỏ kháng cáo của ông Trần Văn Tư.",
        "bác bỏ kháng cáo",
    ),
    "a-contrast-with-but": (
        "Sở Y tế Cà Mau không cấm mà chỉ yêu cầu các nhà thuốc niêm yết giá.",
        "yêu cầu các nhà thuốc niêm yết giá",
    ),
    "the-main-clause-after-a-relative-one": (
        "Hội nghị mà UBND tỉnh tổ chức đã thống nhất giao Sở Y tế kiểm tra nhà thuốc.",
        "giao Sở Y tế kiểm tra",
    ),
    "findings-that-oblige": (
        "Theo kết luận của Thanh tra tỉnh Nghệ An, các xã phải hoàn trả số tiền thu sai cho dân.",
        "các xã phải hoàn trả",
    ),
}


@pytest.mark.parametrize(("sentence", "shown"), STILL_COUNTS.values(), ids=STILL_COUNTS.keys())
def test_a_decision_beside_such_a_mention_still_counts(sentence: str, shown: str) -> None:
    (text,) = _texts(sentence)
    assert shown in text


def test_a_range_or_a_hyphenated_name_does_not_cut_the_decision_short() -> None:
    (ban,) = _texts("UBND tỉnh Lai Châu cấm khai thác cát trên sông Nậm Na từ 3 - 6 tháng.")
    assert ban.endswith("từ 3 - 6 tháng")
    (longer,) = _texts("UBND tỉnh Lai Châu cấm khai thác cát trên sông Nậm Na từ 10 - 12 tháng.")
    assert longer.endswith("từ 10 - 12 tháng")
    (charge,) = _texts(
        "Công an tỉnh Lạng Sơn khởi tố ông Hà Văn Dũng, cựu giám đốc Sở GD - ĐT Lạng Sơn."
    )
    assert charge.endswith("Sở GD - ĐT Lạng Sơn")


def test_a_quoted_emphasis_shows_the_order_not_the_reasoning_before_it() -> None:
    (text,) = _texts(
        "“Đường vành đai chỉ phát huy hiệu quả khi được nối thông, còn làm từng đoạn thì phải hơn "
        "20 năm nữa mới xong. Sở Giao thông cần trình lộ trình cụ thể trong quý tới”, ông Trần Văn "
        "Nam nhấn mạnh."
    )
    assert text == "Trần Văn Nam nhấn mạnh: “Sở Giao thông cần trình lộ trình cụ thể trong quý tới”"
    abbreviated = (
        "“Đường vành đai đã chậm hai năm. UBND TP. HCM phải bàn giao mặt bằng trong quý tới”,"
        " ông Trần Văn Nam nhấn mạnh."
    )
    (order,) = _texts(abbreviated)  # `TP.` abbreviates a city: no sentence ends there
    assert order.endswith("“UBND TP. HCM phải bàn giao mặt bằng trong quý tới”")
    said = "“Làm từng đoạn thì phải hơn 20 năm nữa mới xong”, ông Trần Văn Nam nhấn mạnh."
    assert _texts(said) == []


def test_a_conclusion_drawn_after_an_order_is_not_part_of_it() -> None:
    order = "Bộ Nông nghiệp đã chỉ đạo các tỉnh ven biển kiểm tra toàn bộ đê điều."
    texts = _texts(order, "Vì vậy, các hội đoàn thể cũng cần nhắc nhở người dân chằng chống nhà.")
    assert len(texts) == 1 and texts[0].startswith("Bộ Nông nghiệp đã chỉ đạo")
    assert len(_texts(order, "Các tỉnh phải báo cáo kết quả trước ngày 10.")) == 2


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

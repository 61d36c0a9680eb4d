"""Who made each decision, as the guideline says: the body in the clause, the passive's agent."""

from __future__ import annotations

from summarizer.cleaning import clean_page
from summarizer.decisions import extract_decisions
from summarizer.digest import Decision
from summarizer.officials import extract_officials


def _decisions(page: str) -> tuple[Decision, ...]:
    article = clean_page(page)
    return extract_decisions(article, extract_officials(article))


def _actor_of(found: tuple[Decision, ...], words: str) -> list[str | None]:
    return [d.actor for d in found if words in d.text]


def test_the_agent_of_a_passive_verb_is_the_actor_not_the_person_it_names() -> None:
    found = _decisions(
        "Bắt giám đốc doanh nghiệp gỗ\n\n"
        "Chiều 3/8, đại diện Cục Kiểm lâm tỉnh cho biết ông Đỗ Văn Lực (52 tuổi, trú TP Vinh) "
        "vừa bị Cơ quan cảnh sát điều tra Công an tỉnh khởi tố, bắt tạm giam về hành vi vận "
        "chuyển lâm sản trái phép."
    )
    actors = _actor_of(found, "khởi tố, bắt tạm giam")
    assert actors and actors[0] is not None and actors[0].startswith("Cơ quan cảnh sát điều tra")


def test_after_said_a_time_phrase_does_not_hide_the_body_that_decided() -> None:
    found = _decisions(
        "Xử lý vụ chìm tàu du lịch\n\n"
        "Bí thư Thành uỷ Trịnh Quốc Bảo cho biết, vừa qua Ban Thường vụ Thành uỷ đã họp và "
        "quyết định cách chức giám đốc cảng cùng hai trưởng phòng liên quan."
    )
    assert _actor_of(found, "quyết định cách chức giám đốc cảng") == ["Ban Thường vụ Thành uỷ"]


def test_the_subject_after_said_is_the_actor_even_when_it_is_no_office() -> None:
    found = _decisions(
        "Đường tránh thị xã chậm tiến độ\n\n"
        "Ông Lại Văn Khiêm, Giám đốc Sở Giao thông vận tải tỉnh, cho biết, nhà đầu tư đã có "
        "văn bản đề nghị tạm dừng thu phí trạm BOT từ ngày 1/9 để sửa mặt đường."
    )
    assert _actor_of(found, "văn bản đề nghị tạm dừng thu phí") == ["nhà đầu tư"]


def test_a_unit_the_speaker_heads_is_the_speaker_s_body() -> None:
    found = _decisions(
        "Khởi tố vụ án phá rừng phòng hộ\n\n"
        "Thượng tá Mạc Văn Tùng, Trưởng Công an huyện Kỳ Sơn, cho biết, đơn vị đã khởi tố vụ án "
        "huỷ hoại rừng và khởi tố bị can đối với 3 người."
    )
    actors = _actor_of(found, "khởi tố vụ án huỷ hoại rừng")
    assert actors and actors[0] is not None and "Công an huyện Kỳ Sơn" in actors[0]


def test_a_given_name_alone_is_written_as_the_article_s_fullest_form() -> None:
    found = _decisions(
        "Góp ý dự thảo luật chăn nuôi\n\n"
        "Tại phiên thảo luận, đại biểu Trương Thị Ngọc Ánh phát biểu về quy định giết mổ gia súc. "
        "Bà Ánh đề nghị ban soạn thảo bổ sung quy định về thời gian nhốt gia súc trước khi giết "
        "mổ để bảo đảm an toàn thực phẩm."
    )
    assert _actor_of(found, "đề nghị ban soạn thảo bổ sung quy định") == ["Trương Thị Ngọc Ánh"]


def test_a_lead_phrase_with_a_cue_word_is_not_the_verb() -> None:
    found = _decisions(
        "Xét xử vụ đe doạ cán bộ thuế\n\n"
        "Sau khi xét xử, chiều 14-3, TAND tỉnh Khánh Hoà đã tuyên phạt bị cáo Lê Văn Hậu 2 năm tù "
        "về tội chống người thi hành công vụ."
    )
    decision = [d for d in found if "tuyên phạt bị cáo Lê Văn Hậu" in d.text]
    assert decision and decision[0].actor == "TAND tỉnh Khánh Hoà"
    assert decision[0].text.startswith("TAND tỉnh Khánh Hoà đã tuyên phạt")


def test_a_name_in_apposition_opens_the_clause_as_its_actor() -> None:
    found = _decisions(
        "Xung đột tại Dải Gaza\n\n"
        "Thủ tướng Israel Benjamin Netanyahu tuyên bố tiếp tục chiến dịch. Hezbollah, lực lượng vũ "
        "trang ở Lebanon, đã kêu gọi các nước Arab cắt quan hệ ngoại giao với Israel."
    )
    assert _actor_of(found, "kêu gọi các nước Arab cắt quan hệ") == ["Hezbollah"]


def test_a_city_is_not_read_as_an_official_with_the_same_given_name() -> None:
    found = _decisions(
        "Hà Nội cấm túi nilon tại chợ\n\n"
        "Bộ trưởng Tài nguyên và Môi trường Đặng Quốc Hà phát động phong trào chống rác thải nhựa. "
        "Theo Bộ, ngay sau lễ phát động, TP Hà Nội đã quyết định cấm dùng túi nilon tại các chợ "
        "truyền thống từ tháng 10."
    )
    actors = _actor_of(found, "quyết định cấm dùng túi nilon")
    assert actors and actors[0] is not None and "Hà Nội" in actors[0]


def test_a_tally_of_past_cases_is_no_decision_but_todays_sanction_with_numbers_is() -> None:
    found = _decisions(
        "Kiểm tra an toàn thực phẩm dịp Tết\n\n"
        "Theo số liệu thống kê, trong 11 tháng qua, lực lượng quản lý thị trường tỉnh đã xử phạt "
        "215 trường hợp vi phạm về an toàn thực phẩm. Sáng 9/1, Chi cục Quản lý thị trường tỉnh "
        "quyết định xử phạt cơ sở sản xuất giò chả Minh Phát 45 triệu đồng và tiêu huỷ 300 kg "
        "hàng không rõ nguồn gốc."
    )
    assert not [d for d in found if "215 trường hợp" in d.text]
    assert [d.actor for d in found if "xử phạt cơ sở sản xuất giò chả" in d.text] == [
        "Chi cục Quản lý thị trường tỉnh"
    ]


def test_a_bare_province_is_named_in_full_not_after_its_chairman() -> None:
    found = _decisions(
        "Quảng Trị hạn chế đồ nhựa dùng một lần\n\n"
        "Chủ tịch UBND tỉnh Võ Văn Hưng vừa ký ban hành kế hoạch chống rác thải nhựa của tỉnh "
        "Quảng Trị. Tỉnh cũng chỉ đạo các sở, ngành không dùng chai nhựa, ống hút nhựa trong các "
        "cuộc họp từ ngày 1/7."
    )
    assert _actor_of(found, "không dùng chai nhựa") == ["tỉnh Quảng Trị"]


def test_a_decision_restated_later_in_the_article_is_one_item() -> None:
    found = _decisions(
        "Tạm dừng dự án lấn biển Sơn Trà\n\n"
        "UBND thành phố quyết định tạm dừng dự án lấn biển tại bán đảo Sơn Trà để đánh giá lại tác "
        "động môi trường. Chiều 4/3, người dân ven biển vui mừng khi nghe tin này. Như vậy, UBND "
        "thành phố đã quyết định tạm dừng dự án lấn biển tại bán đảo Sơn Trà cho đến khi có kết "
        "quả đánh giá."
    )
    assert len([d for d in found if "tạm dừng dự án lấn biển" in d.text]) == 1


def test_a_ministry_after_a_subordinate_clause_is_the_actor_not_its_minister() -> None:
    found = _decisions(
        "Nâng cấp quốc lộ 14\n\n"
        "Bộ trưởng Bộ GTVT Trần Hồng Minh cho biết thêm sau khi đã hoàn chỉnh báo cáo khả thi, "
        "Bộ GTVT sẽ trình Chính phủ phương án dùng vốn ngân sách để nâng cấp quốc lộ 14."
    )
    assert _actor_of(found, "trình Chính phủ phương án dùng vốn ngân sách") == ["Bộ GTVT"]


def test_a_country_as_actor_is_not_stretched_into_its_leader_s_name() -> None:
    found = _decisions(
        "Thoả thuận thương mại Mỹ - Canada\n\n"
        "Thủ tướng Canada Justin Trudeau gặp Tổng thống Mỹ tại Washington. Canada đồng ý mở rộng "
        "hạn ngạch nhập khẩu sữa từ Mỹ và giảm thuế với gỗ xẻ từ năm sau."
    )
    assert _actor_of(found, "mở rộng hạn ngạch nhập khẩu sữa") == ["Canada"]


def test_a_quotation_over_two_paragraphs_belongs_to_the_speaker_named_at_its_end() -> None:
    found = _decisions(
        "Xử lý nhân viên ngân hàng vi phạm\n\n"
        "Ông Phạm Quốc Vinh, Giám đốc chi nhánh ngân hàng Phú Mỹ, đã nhận được đơn của khách hàng. "
        "Chủ tịch UBND huyện Trịnh Văn Sơn cũng đã yêu cầu làm rõ vụ việc. "
        "“Chúng tôi đã quyết định tạm đình chỉ công tác 3 tháng đối với nhân viên giao dịch liên "
        "quan.\n\nChúng tôi rất tiếc vì sự việc này”, ông Vinh cho biết."
    )
    assert _actor_of(found, "tạm đình chỉ công tác 3 tháng") == ["Phạm Quốc Vinh"]


def test_a_subject_that_opens_with_an_official_s_post_is_that_official() -> None:
    found = _decisions(
        "Đẩy nhanh giải ngân vốn đầu tư công\n\n"
        "Sáng 12/9, Chủ tịch UBND tỉnh Lê Hồng Quang làm việc với các huyện miền núi. Chủ tịch "
        "UBND tỉnh hoan nghênh khi huyện Nam Trà My được giao vốn sớm và yêu cầu các sở hoàn thành "
        "giải ngân trước ngày 31/12."
    )
    assert _actor_of(found, "yêu cầu các sở hoàn thành giải ngân") == ["Lê Hồng Quang"]


def test_an_official_named_right_before_the_verb_is_the_actor_after_a_lead_clause() -> None:
    found = _decisions(
        "Tỉnh lộ 12 hư hỏng nặng\n\n"
        "Ông Trần Minh Quang, Chủ tịch UBND huyện Tân Phước, và ông Lê Hữu Tài, Giám đốc Sở Giao "
        "thông vận tải tỉnh, đã khảo sát tuyến đường sáng 14/10. "
        "Mặt đường tỉnh lộ 12 xuống cấp nhưng chưa được sửa, ông Quang đề nghị Sở Giao thông "
        "vận tải sớm bố trí vốn làm lại đoạn qua xã Phước Lập."
    )
    assert _actor_of(found, "đề nghị Sở Giao thông") == ["Trần Minh Quang"]


def test_a_word_holding_a_body_s_syllable_is_no_actor() -> None:
    found = _decisions(
        "Sập giàn giáo công trình chợ mới\n\n"
        "Trưa 9/4, Chủ tịch UBND huyện Đông Hưng Phạm Văn Hùng đến hiện trường yêu cầu chủ đầu "
        "tư tạm dừng thi công toàn bộ công trình để kiểm tra an toàn."
    )
    assert _actor_of(found, "tạm dừng thi công") == ["Phạm Văn Hùng"]


def test_of_two_officials_acting_together_the_first_named_is_the_actor() -> None:
    found = _decisions(
        "Kiểm tra đê biển trước bão\n\n"
        "Phó Thủ tướng Lê Quang Định và Bộ trưởng Bộ Nông nghiệp Vũ Thành Nam trực tiếp đến "
        "đê biển Giao Thuỷ chỉ đạo gia cố các đoạn xung yếu trước khi bão vào."
    )
    assert _actor_of(found, "chỉ đạo gia cố") == ["Lê Quang Định"]


def test_a_clause_with_no_subject_goes_to_the_last_clause_s_subject_not_its_informant() -> None:
    found = _decisions(
        "Rà soát kỳ thi tuyển công chức\n\n"
        "Theo Bộ trưởng Nội vụ Trương Văn Khải, Thủ tướng Chính phủ đã đặt ra hai yêu cầu với "
        "các tỉnh. Thứ nhất, giao Sở Nội vụ các tỉnh rà soát toàn bộ kết quả thi tuyển công "
        "chức năm 2019 và báo cáo trước ngày 30/6."
    )
    assert _actor_of(found, "giao Sở Nội vụ các tỉnh rà soát") == ["Thủ tướng Chính phủ"]


def test_a_body_inside_the_titles_after_a_person_s_name_is_part_of_a_post_not_the_actor() -> None:
    found = _decisions(
        "Hội nghị giao ban công tác dân vận quý III\n\n"
        "Sáng 5/10, Ban Dân vận Tỉnh uỷ Hà Tĩnh tổ chức hội nghị giao ban quý III. "
        "Đồng chí Nguyễn Đình Toản, Uỷ viên Ban Thường vụ Tỉnh uỷ, Trưởng đoàn ĐBQH tỉnh, đề "
        "nghị các huyện tiếp tục lắng nghe ý kiến cử tri trước kỳ họp cuối năm. "
        "Bà Trần Thị Mai Hương, Uỷ viên Ban Thường vụ Tỉnh uỷ, Trưởng Ban Dân vận Tỉnh uỷ yêu "
        "cầu các xã hoàn thành việc kiện toàn tổ hoà giải trước ngày 30/11."
    )
    toan = [d for d in found if "tiếp tục lắng nghe" in d.text]
    huong = [d for d in found if "kiện toàn tổ hoà giải" in d.text]
    assert [d.actor for d in toan] == ["Nguyễn Đình Toản"]
    assert [d.actor for d in huong] == ["Trần Thị Mai Hương"]
    # The clause opens with its actor: the reader sees no second name beside it.
    assert [d.actor_to_show() for d in toan + huong] == [None, None]


def test_a_directive_opening_with_its_verb_is_not_its_capitalised_addressee_s() -> None:
    found = _decisions(
        "Chấn chỉnh tiến độ dự án cầu Bến Lức\n\n"
        "Chiều 12/10, Chủ tịch UBND tỉnh Long An Trần Văn Cần chủ trì cuộc họp về dự án cầu "
        "Bến Lức. Yêu cầu Ban quản lý dự án giao thông tỉnh hoàn thành giải phóng mặt bằng "
        "trước ngày 30/11 và báo cáo UBND tỉnh."
    )
    actors = _actor_of(found, "Ban quản lý dự án giao thông tỉnh hoàn thành")
    assert actors and actors[0] != "Ban quản lý dự án giao thông tỉnh"


def test_an_official_whose_titles_follow_a_dash_is_the_actor_not_his_office() -> None:
    found = _decisions(
        "Khởi tố nguyên giám đốc công ty xăng dầu\n\n"
        "Thiếu tướng Lê Văn Tuyến - Phó Thủ trưởng Cơ quan CSĐT Bộ Công an, vừa ký quyết định "
        "khởi tố bị can đối với ông Phạm Minh Đức về tội vi phạm quy định quản lý đất đai."
    )
    assert _actor_of(found, "khởi tố bị can đối với ông Phạm Minh Đức") == ["Lê Văn Tuyến"]


def test_a_quotation_closed_by_a_dash_and_its_speaker_ends_at_the_quotation() -> None:
    found = _decisions(
        "Tỉnh uỷ họp bàn về dự án lấn biển\n\n"
        "Chiều 5/9, Thường trực Tỉnh uỷ Bình Định họp nghe báo cáo về dự án khu đô thị ven biển. "
        "“Tôi yêu cầu UBND tỉnh dừng ngay việc san lấp, rà soát lại toàn bộ hồ sơ và báo cáo "
        "trước ngày 20/9” - Bí thư Tỉnh uỷ Hồ Quốc Dũng nhấn mạnh."
    )
    said = [d for d in found if "dừng ngay việc san lấp" in d.text]
    assert [d.actor for d in said] == ["Hồ Quốc Dũng"]
    assert not said[0].text.endswith("nhấn mạnh")


def test_every_sentence_of_a_quotation_closed_by_a_dash_belongs_to_its_speaker() -> None:
    found = _decisions(
        "Hội nghị chuẩn bị đại hội đảng bộ xã\n\n"
        "Sáng 14/8, Bí thư Tỉnh uỷ Vũ Minh Khôi dự hội nghị với các xã vùng biên. Chủ tịch "
        "UBND huyện Lò Văn Tâm báo cáo tình hình nhân sự của huyện. “Các xã phải "
        "rà soát lại nhân sự trước ngày 30/8. Đảng uỷ các xã phải tổ chức đại hội đúng tiến độ, "
        "báo cáo kết quả về Ban Tổ chức Tỉnh uỷ” - Bí thư Tỉnh uỷ Vũ Minh Khôi nhấn mạnh."
    )
    said = _actor_of(found, "tổ chức đại hội đúng tiến độ")
    assert said == ["Vũ Minh Khôi"]


def test_the_standing_committee_is_the_body_not_the_whole_provincial_committee() -> None:
    found = _decisions(
        "Giải quyết vướng mắc ở cấp xã\n\n"
        "Chiều 9/9, Thường trực Tỉnh uỷ Hậu Giang làm việc với lãnh đạo các xã. Các đồng chí "
        "Thường trực Tỉnh uỷ đề nghị các xã sớm kiện toàn bộ máy, bố trí cán bộ đúng chuyên môn."
    )
    actors = _actor_of(found, "sớm kiện toàn bộ máy")
    assert actors and actors[0] is not None and actors[0].startswith("Thường trực Tỉnh uỷ")


def test_a_subject_that_only_points_back_is_never_shown_as_the_actor() -> None:
    found = _decisions(
        "Đình chỉ phòng khám tư nhân\n\n"
        "Ông Trần Văn Minh, Giám đốc Sở Y tế tỉnh Bình Phước, cho biết cơ quan này đã quyết định "
        "đình chỉ hoạt động phòng khám Đông Á trong 3 tháng và thu hồi giấy phép của hai bác sĩ."
    )
    actors = _actor_of(found, "đình chỉ hoạt động phòng khám")
    assert actors and actors[0] != "cơ quan này"

"""Decisions the reader sees: short clauses, attributed to whoever made them, never invented."""

from __future__ import annotations

from pathlib import Path

from summarizer.cleaning import clean_page
from summarizer.decisions import extract_decisions
from summarizer.digest import Official

KHOA = Official("Trần Minh Khoa", ("Bí thư Tỉnh uỷ",))
NHUNG = Official("Lê Thị Hồng Nhung", ("Chủ tịch UBND tỉnh",))


def _texts(fixtures_dir: Path, name: str, officials: tuple[Official, ...]) -> list[str]:
    article = clean_page((fixtures_dir / name).read_text(encoding="utf-8"))
    return [d.text for d in extract_decisions(article, officials)]


def test_directives_are_attributed_to_the_official_without_the_title(fixtures_dir: Path) -> None:
    texts = _texts(fixtures_dir, "text_cluttered_page.txt", (KHOA, NHUNG))
    assert texts[0].startswith("Trần Minh Khoa yêu cầu các phường kiểm tra toàn bộ bờ kè")
    assert texts[1].startswith("Lê Thị Hồng Nhung đề nghị Sở Xây dựng sớm trình phương án")
    assert not any(t.startswith("Bí thư") or t.startswith("Chủ tịch") for t in texts)


def test_a_body_decision_keeps_the_body_as_actor(fixtures_dir: Path) -> None:
    texts = _texts(fixtures_dir, "text_cluttered_page.txt", (KHOA, NHUNG))
    assert any(
        t.startswith("Ban Thường vụ Tỉnh uỷ thống nhất giao UBND tỉnh bố trí") for t in texts
    )


def test_names_are_found_even_before_officials_are_known(fixtures_dir: Path) -> None:
    texts = _texts(fixtures_dir, "text_cluttered_page.txt", ())
    assert texts[0].startswith("Trần Minh Khoa yêu cầu")


def test_article_without_decisions_gives_none(fixtures_dir: Path) -> None:
    assert _texts(fixtures_dir, "text_no_decisions.txt", ()) == []


def test_plain_reporting_and_citizens_requests_are_not_decisions() -> None:
    article = clean_page(
        "Họp báo về giá điện\n\n"
        "Giám đốc Công ty Điện lực Phan Quốc Bảo cho biết sản lượng điện tăng 8% so với cùng kỳ. "
        "Nhiều cử tri đề nghị giảm giá điện sinh hoạt vào mùa nắng nóng. "
        "Giá bán lẻ hiện đã đáp ứng yêu cầu của thị trường."
    )
    assert extract_decisions(article, (Official("Phan Quốc Bảo", ("Giám đốc",)),)) == ()


def test_long_clauses_are_cut_at_a_clause_boundary() -> None:
    article = clean_page(
        "Chấn chỉnh công tác cấp phép xây dựng\n\n"
        "Chủ tịch UBND thành phố Đặng Văn Lực yêu cầu các quận rà soát toàn bộ hồ sơ cấp phép "
        "xây dựng trong năm, xử lý nghiêm các cán bộ làm sai quy định, công khai kết quả trên "
        "cổng thông tin điện tử và báo cáo bằng văn bản trước ngày 20 tháng sau."
    )
    (decision,) = extract_decisions(article, (Official("Đặng Văn Lực", ("Chủ tịch",)),))
    assert decision.actor == "Đặng Văn Lực"
    assert decision.text.startswith("Đặng Văn Lực yêu cầu các quận rà soát toàn bộ hồ sơ")
    assert decision.text.endswith("…")
    assert len(decision.text.split()) <= 26


def test_quoted_emphasis_is_attributed_to_its_speaker() -> None:
    article = clean_page(
        "Kiện toàn bộ máy cấp xã\n\n"
        "Hội nghị đã thảo luận nhiều vấn đề về tổ chức bộ máy sau sắp xếp đơn vị hành chính. "
        "“Các xã phải hoàn thành việc bố trí cán bộ trong tháng này” - Bí thư Tỉnh uỷ "
        "Trần Minh Khoa nhấn mạnh."
    )
    texts = [d.text for d in extract_decisions(article, (KHOA,))]
    assert texts == [
        "Trần Minh Khoa nhấn mạnh: “Các xã phải hoàn thành việc bố trí cán bộ trong tháng này”"
    ]


def test_old_and_new_tone_placement_both_match_an_official() -> None:
    article = clean_page(
        "Xử lý vi phạm đất đai\n\n"
        "Chủ tịch UBND huyện Hoàng Văn Thuỷ chỉ đạo lực lượng chức năng cưỡng chế công trình "
        "xây dựng trái phép trên đất nông nghiệp."
    )
    (decision,) = extract_decisions(article, (Official("Hoàng Văn Thủy", ("Chủ tịch",)),))
    assert decision.actor == "Hoàng Văn Thủy"
    assert decision.text.startswith("Hoàng Văn Thuỷ chỉ đạo lực lượng chức năng cưỡng chế")


def test_tasks_listed_after_an_assignment_are_decisions_too() -> None:
    article = clean_page(
        "Chuẩn bị mùa khô\n\n"
        "Chủ tịch UBND tỉnh giao Sở Nông nghiệp chủ trì kiểm tra các cống ngăn mặn. "
        "Sở Tài chính bố trí kinh phí nạo vét kênh trước tháng 2. "
        "Mực nước các sông chính đang ở mức thấp."
    )
    texts = [d.text for d in extract_decisions(article, ())]
    assert texts == [
        "Chủ tịch UBND tỉnh giao Sở Nông nghiệp chủ trì kiểm tra các cống ngăn mặn",
        "Sở Tài chính bố trí kinh phí nạo vét kênh trước tháng 2",
    ]


def test_words_that_only_look_like_cues_are_not_decisions() -> None:
    article = clean_page(
        "Tên lửa thế hệ mới\n\n"
        "Loại tên lửa này có sức huỷ diệt lớn và tầm bắn xa hơn các thế hệ trước. "
        "Việc đáp ứng yêu cầu kỹ thuật mất nhiều năm thử nghiệm. "
        "Đây là một quyết định mang tính chiến lược của nhà sản xuất."
    )
    assert extract_decisions(article, ()) == ()


def _one_sentence(sentence: str, officials: tuple[Official, ...] = ()) -> list[str]:
    article = clean_page("Tin địa phương\n\n" + sentence)
    return [d.text for d in extract_decisions(article, officials)]


def test_a_meeting_gives_directives_plans_and_sanctions_but_no_reporting(
    fixtures_dir: Path,
) -> None:
    quan = Official("Đỗ Minh Quân", ("Chủ tịch UBND huyện",))
    hau = Official("Lâm Văn Hậu", ("Phó chủ tịch UBND xã Phú Mỹ",))
    article = clean_page(
        (fixtures_dir / "decisions_district_meeting.txt").read_text(encoding="utf-8")
    )
    decisions = extract_decisions(article, (quan, hau))
    assert [(d.text, d.actor) for d in decisions] == [
        (
            "Đỗ Minh Quân yêu cầu các xã rà soát toàn bộ hộ thiếu nước sinh hoạt và lập danh "
            "sách trước ngày 20/3",
            "Đỗ Minh Quân",
        ),
        # The directive goes on in the next sentence, still his.
        ("Các xã phải bố trí điểm cấp nước miễn phí cho người dân ở vùng sâu", "Đỗ Minh Quân"),
        (
            "Sở Nông nghiệp sẽ cử cán bộ kỹ thuật hỗ trợ huyện vận hành cống trong suốt mùa khô",
            None,
        ),
        # Sanctioned, not the one who decided: the passive stays and no actor is given.
        ("Lâm Văn Hậu đã bị kỷ luật khiển trách vì chậm báo cáo tình hình thiệt hại", None),
    ]


def test_a_plan_counts_only_when_an_authority_announces_it() -> None:
    assert _one_sentence(
        "Sở Giáo dục và Đào tạo sẽ tổ chức kỳ thi thử cho toàn bộ học sinh lớp 12 vào đầu tháng 5."
    ) == [
        "Sở Giáo dục và Đào tạo sẽ tổ chức kỳ thi thử cho toàn bộ học sinh lớp 12 vào đầu tháng 5"
    ]
    assert _one_sentence("Bộ trưởng Bộ Công thương sẽ dự lễ khai mạc hội chợ vào sáng mai.") == []
    assert _one_sentence("Nếu mưa lớn kéo dài, tỉnh sẽ sơ tán người dân khỏi vùng trũng.") == []
    assert _one_sentence("Giá xăng sẽ tăng nhẹ trong kỳ điều hành tới.") == []


def test_an_obligation_an_official_states_is_attributed_to_the_speaker() -> None:
    tam = Official("Lê Văn Tâm", ("Giám đốc Sở Giáo dục",))
    vinh = Official("Hồ Quang Vinh", ("Giám đốc Công an tỉnh",))
    assert _one_sentence(
        "“Các trường phải công khai toàn bộ khoản thu trước khi khai giảng”, Giám đốc Sở Giáo dục "
        "Lê Văn Tâm nói.",
        (tam,),
    ) == ["Lê Văn Tâm nói: “Các trường phải công khai toàn bộ khoản thu trước khi khai giảng”"]
    assert _one_sentence(
        "Giám đốc Công an tỉnh Hồ Quang Vinh cho biết, từ tháng tới các chốt kiểm soát phải hoạt "
        "động suốt đêm.",
        (vinh,),
    ) == ["Hồ Quang Vinh cho biết: từ tháng tới các chốt kiểm soát phải hoạt động suốt đêm"]


def test_a_citizens_complaint_with_must_is_no_directive() -> None:
    assert (
        _one_sentence(
            "“Chúng tôi phải chờ hơn ba tiếng mới được khám”, chị Hoa, một người bệnh, nói."
        )
        == []
    )
    assert _one_sentence("Nhiều hộ dân đề nghị xã sớm sửa chữa tuyến đường liên thôn.") == []
    assert _one_sentence("Ông Lý cho biết mực nước sông đang xuống thấp.") == []


def test_rules_and_tasks_stated_without_a_cue_word() -> None:
    assert _one_sentence(
        "Quy định mới có hiệu lực từ ngày 1/7 và áp dụng cho mọi phương tiện cơ giới."
    ) == ["Quy định mới có hiệu lực từ ngày 1/7 và áp dụng cho mọi phương tiện cơ giới"]
    assert _one_sentence(
        "Việc kiểm tra tải trọng xe sẽ do Thanh tra Sở Giao thông vận tải thực hiện."
    ) == ["Việc kiểm tra tải trọng xe sẽ do Thanh tra Sở Giao thông vận tải thực hiện"]
    assert _one_sentence(
        "Du lịch được xác định là ngành kinh tế mũi nhọn của tỉnh trong giai đoạn tới."
    ) == ["Du lịch được xác định là ngành kinh tế mũi nhọn của tỉnh trong giai đoạn tới"]
    assert _one_sentence("Nghi phạm được xác định là người sống cùng xóm với nạn nhân.") == []


def test_an_act_on_an_authoritys_order_but_not_on_a_customers_request() -> None:
    assert _one_sentence(
        "Lực lượng chức năng đã tháo dỡ toàn bộ lều quán lấn chiếm bờ sông theo chỉ đạo của "
        "UBND quận."
    ) == [
        "Lực lượng chức năng đã tháo dỡ toàn bộ lều quán lấn chiếm bờ sông theo chỉ đạo của "
        "UBND quận"
    ]
    assert (
        _one_sentence("Cửa hàng đã đổi sản phẩm mới cho chị Lan theo yêu cầu của khách hàng.") == []
    )


def test_passive_approvals_and_sanctions_keep_their_voice() -> None:
    assert _one_sentence(
        "Dự án cải tạo chợ trung tâm đã được UBND thành phố phê duyệt với tổng vốn 300 tỷ đồng."
    ) == ["Dự án cải tạo chợ trung tâm đã được UBND thành phố phê duyệt với tổng vốn 300 tỷ đồng"]
    binh = Official("Trần Văn Bình", ("Giám đốc Sở Tài chính",))
    article = clean_page(
        "Tin địa phương\n\nÔng Trần Văn Bình, Giám đốc Sở Tài chính, đã bị cách chức vì sai phạm "
        "trong đấu thầu."
    )
    (decision,) = extract_decisions(article, (binh,))
    assert decision.text == "Trần Văn Bình đã bị cách chức vì sai phạm trong đấu thầu"
    assert decision.actor is None


def test_the_body_citizens_approve_of_is_the_decider() -> None:
    assert _one_sentence(
        "Cử tri phường 5 đồng tình việc Nhà nước thu hồi đất của các dự án chậm triển khai."
    ) == ["Nhà nước thu hồi đất của các dự án chậm triển khai"]


def test_state_acts_need_an_authority() -> None:
    assert _one_sentence(
        "Bộ Y tế cấm các cơ sở thẩm mỹ quảng cáo dịch vụ sai sự thật trên mạng xã hội."
    ) == ["Bộ Y tế cấm các cơ sở thẩm mỹ quảng cáo dịch vụ sai sự thật trên mạng xã hội"]
    assert _one_sentence("Bố mẹ cấm em đi chơi xa trong dịp nghỉ lễ.") == []
    assert _one_sentence("Sau khi thương lượng, nhóm đối tượng đồng ý nhận 50 triệu đồng.") == []
    assert _one_sentence("Cả hai nhà văn đều đồng ý với nhận định này.") == []


def test_more_words_that_only_look_like_decisions() -> None:
    for sentence in (
        "Hội đồng xét xử đã đặt nhiều câu hỏi cho bị cáo về nguồn tiền.",
        "Tên lửa có cơ cấu tự huỷ khi bay lệch khỏi quỹ đạo.",
        "Hiện mỗi hộ chỉ phải trả 20.000 đồng theo quyết định số 88 của thành phố.",
        "Thoả thuận này có thể quyết định số phận của cả khu vực.",
        "Phía Nhật cũng tuyên bố chủ quyền đối với hòn đảo.",
        "Công ty đề xuất Bộ Giao thông vận tải chấp thuận phương án thu phí mới.",
        "Quyết định của Mỹ tiếp tục làm căng thẳng quan hệ giữa hai nước.",
        "Công an huyện đã vào cuộc điều tra, kết luận chính thức phải chờ kết quả giám định.",
    ):
        assert _one_sentence(sentence) == [], sentence


def test_a_declaration_counts_only_when_it_declares_an_act() -> None:
    assert _one_sentence("Do vậy, Hội đồng xét xử tuyên bố hoãn phiên toà sang tháng sau.") == [
        "Hội đồng xét xử tuyên bố hoãn phiên toà sang tháng sau"
    ]
    assert (
        _one_sentence(
            "Tổng thống Pháp luôn tuyên bố chính phủ của ông cố gắng làm cầu nối giữa hai bên."
        )
        == []
    )
    assert _one_sentence("Người phát ngôn Bộ Ngoại giao tuyên bố trước báo giới chiều 5/6.") == []


def test_denials_opinions_and_mentions_are_not_decisions() -> None:
    for sentence in (
        "Văn phòng Chính phủ đã ra thông cáo bác bỏ thông tin này.",
        "“Washington sẵn sàng huỷ bỏ các hợp đồng đã ký để gây sức ép”, chuyên gia Lâm Hải "
        "đánh giá.",
        "Nhóm vũ trang không tuân thủ thoả thuận rút khỏi khu vực giao tranh.",
        "Họ không có tên trong danh sách vận động viên và huấn luyện viên được Uỷ ban Olympic "
        "chấp thuận cho thi đấu.",
        "“Quân số tuỳ mục tiêu diễn tập, và bạn luôn phải chọn điều cần tập trung”, Bộ trưởng "
        "Quốc phòng Lê Huy nói.",
        "Tổng thống từng nói Mỹ sẽ cân nhắc rút bớt binh sĩ khỏi khu vực.",
    ):
        assert _one_sentence(sentence) == [], sentence


def test_a_state_act_needs_no_named_subject() -> None:
    assert _one_sentence("Vụ án đã khởi tố hai bị can là cựu lãnh đạo công ty cấp nước.") == [
        "Vụ án đã khởi tố hai bị can là cựu lãnh đạo công ty cấp nước"
    ]


def test_judgements_about_a_decision_are_not_decisions() -> None:
    for sentence in (
        "Không quân vẫn giữ lợi thế mang tính quyết định trên chiến trường.",
        "Giá thức ăn chăn nuôi quyết định đáng kể đến giá trứng bán ra.",
        "Chính phủ nước này công nhận nguồn nước là một vấn đề an ninh quan trọng.",
        "Các chính trị gia nhấn mạnh thoả thuận về nguồn nước sẽ cần thêm nhiều năm đàm phán.",
        "Ông Khánh chỉ thừa nhận hành vi nhận tiền khi đã bị khởi tố.",
        "Ông Lợi khẳng định quyết định huỷ buổi gặp là một bước lùi cho cả hai bên.",
        "Tổng thống cho rằng những phát biểu gay gắt là lý do khiến ông huỷ chuyến thăm.",
        "Kể cả người xứng đáng bị cách chức cũng phải được xử lý đúng quy trình.",
    ):
        assert _one_sentence(sentence) == [], sentence


def test_a_province_is_not_mistaken_for_a_person() -> None:
    article = clean_page(
        "Tin địa phương\n\nCông an huyện đã gửi hồ sơ lên Công an tỉnh Hà Tĩnh đề nghị giáng cấp "
        "một cán bộ vi phạm điều lệnh."
    )
    # A district police's request to demote is a decision; `Hà Tĩnh` is where, not who.
    (decision,) = extract_decisions(article, ())
    assert decision.text.startswith("Công an huyện") and "đề nghị giáng cấp" in decision.text
    assert decision.actor is None


def test_conditions_absences_and_private_cancellations_are_not_decisions() -> None:
    for sentence in (
        "Theo ông Hùng, dự án phải được Bộ Tài nguyên thẩm định, được Bộ Công thương cho phép "
        "đấu nối điện.",
        "Nhiều cán bộ hết hạn hợp đồng vẫn chưa có quyết định bổ nhiệm lại.",
        "“Bất kể quyết định họ đưa ra là gì, chúng tôi vẫn giữ lập trường”, ông Karimi nói.",
        "Phía ca sĩ cho biết đã phải huỷ vé máy bay và khách sạn đã đặt trước.",
        "“Nhiều tàu đã quá cũ, cần đại tu hoặc thay mới”, Giám đốc Cơ quan Hàng hải Mark Lee "
        "cho biết.",
    ):
        assert _one_sentence(sentence) == [], sentence


def test_reactions_backgrounds_and_verdicts_are_not_decisions() -> None:
    for sentence in (
        "Việt Nam hoan nghênh việc Toà Trọng tài ra phán quyết bác bỏ yêu sách phi lý.",
        "Trước khi được bổ nhiệm làm Giám đốc Sở Y tế, ông Hải từng là hiệu trưởng.",
        "Vì vậy, ban chỉ đạo về phòng chống thiên tai cũng cần nhắc nhở các địa phương.",
    ):
        assert _one_sentence(sentence) == [], sentence
    article = clean_page(
        "Xử lý tài xế dùng điện thoại\n\n"
        "Uỷ ban An toàn giao thông Quốc gia đã yêu cầu Sở Giao thông vận tải xác minh vụ việc. "
        "Uỷ ban An toàn giao thông đánh giá, đây là hành vi vi phạm nghiêm trọng."
    )
    assert [d.text for d in extract_decisions(article, ())] == [
        "Uỷ ban An toàn giao thông Quốc gia đã yêu cầu Sở Giao thông vận tải xác minh vụ việc"
    ]


def test_nouns_trades_and_bare_denials_are_not_decisions() -> None:
    for sentence in (
        "Vàng miếng đang được giao dịch quanh mức 36 triệu đồng mỗi lượng.",
        "Người dân phàn nàn về lời nói khiếm nhã và không biết cách chỉ đạo của cán bộ xã.",
        "Chính phủ cũng nhận thấy kỷ luật, kỷ cương ở nhiều cơ quan còn chưa tốt.",
        "Thông qua chương trình, người bệnh được tư vấn miễn phí.",
        "Giám đốc Nguyễn Anh Minh khẳng định đã phải chi hai tỷ đồng cho lễ khởi công.",
        "Song phía Tehran luôn bác bỏ.",
        "Thu hồi tài sản chậm chủ yếu là do thiếu quyết liệt.",
        "Đơn vị trực tiếp chỉ đạo tại hiện trường cho biết, các xe đã được giải toả.",
    ):
        assert _one_sentence(sentence) == [], sentence


def test_praise_hopes_fears_and_habits_are_not_decisions() -> None:
    for sentence in (
        "Thủ tướng nước này ca ngợi quyết định của Tổng thống Mỹ là một cột mốc.",
        "Cách chỉ huy từ mặt đất khiến phi công mất khả năng tự quyết định.",
        "Bộ trưởng Quốc phòng được kỳ vọng sẽ tuyên bố tiếp tục các cuộc tuần tra.",
        "Nhiều nước lo ngại rằng việc Mỹ rút khỏi hiệp định sẽ gây bất ổn.",
        "Ông Mattis nói sẽ đề cập đến trật tự quốc tế trong bài phát biểu ngày mai.",
        "Bộ Quốc phòng khẳng định các tiêm kích chịu bất lợi khi phải đối đầu số đông.",
        "Các phi công chỉ được giao chiến ở khoảng cách 30 km.",
        "Số tiền cán bộ thanh tra yêu cầu chung chi lên tới hàng chục tỷ đồng.",
        "Thông cáo nhấn mạnh Bộ Xây dựng luôn quán triệt, chỉ đạo xây dựng đội ngũ trong sạch.",
    ):
        assert _one_sentence(sentence) == [], sentence


def test_guessed_names_rumours_and_forced_acts_are_not_decisions() -> None:
    for sentence in (
        "Ngô Phương Anh và Huỳnh Thanh Trực sẽ góp mặt ở vòng tiếp theo của cuộc thi.",
        "Có đồn đại rằng Tổng thống bí mật dừng chân ở Iraq khi bay về nước.",
        "“Chúng tôi thường làm theo yêu cầu của Nhà Trắng vì lý do an ninh”, ông nói.",
        "Tài xế phản ứng gây kẹt xe khiến đơn vị thu phí phải xả trạm.",
        "Công ty bảo hiểm có công văn đề nghị tỉnh chỉ đạo các huyện hỗ trợ tuyên truyền.",
        "Quan hệ hai nước xuống thấp sau khi chính quyền Mỹ thông báo sẽ rút khỏi thoả thuận.",
    ):
        assert _one_sentence(sentence) == [], sentence


def test_a_request_pointed_back_at_is_not_a_new_one() -> None:
    cau = Official("Nguyễn Hữu Cầu", ("Giám đốc Công an Nghệ An",))
    assert (
        _one_sentence(
            "Đại biểu Nguyễn Hữu Cầu cho hay yêu cầu này đã được nhiều nước thực hiện.", (cau,)
        )
        == []
    )

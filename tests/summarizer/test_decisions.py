"""Decisions the reader sees: the clause as the article wrote it, with who made the decision."""

from __future__ import annotations

from pathlib import Path

from summarizer.cleaning import clean_page
from summarizer.decisions import extract_decisions
from summarizer.digest import Decision, Official
from summarizer.officials import extract_officials

KHOA = Official("Trần Minh Khoa", ("Bí thư Tỉnh uỷ",))
NHUNG = Official("Lê Thị Hồng Nhung", ("Chủ tịch UBND tỉnh",))


def _decisions(page: str) -> tuple[Decision, ...]:
    article = clean_page(page)
    return extract_decisions(article, extract_officials(article))


def test_directives_keep_the_article_words_and_name_their_official(fixtures_dir: Path) -> None:
    article = clean_page((fixtures_dir / "text_cluttered_page.txt").read_text(encoding="utf-8"))
    found = extract_decisions(article, (KHOA, NHUNG))
    assert found[0] == Decision(
        "Bí thư Tỉnh uỷ Trần Minh Khoa yêu cầu các phường kiểm tra toàn bộ bờ kè, hoàn thành "
        "việc gia cố các đoạn xung yếu trước ngày 30/11",
        "Trần Minh Khoa",
    )
    assert found[1].actor == "Lê Thị Hồng Nhung"
    assert found[1].text.endswith("lắp đặt thêm trạm bơm tại các điểm thường xuyên ngập")


def test_a_body_decision_has_the_body_as_actor_and_drops_the_lead_phrase(
    fixtures_dir: Path,
) -> None:
    article = clean_page((fixtures_dir / "text_cluttered_page.txt").read_text(encoding="utf-8"))
    found = extract_decisions(article, (KHOA, NHUNG))
    body = [d for d in found if d.text.startswith("Ban Thường vụ Tỉnh uỷ thống nhất giao UBND")]
    assert body and body[0].actor == "Ban Thường vụ Tỉnh uỷ"


def test_article_without_decisions_gives_none(fixtures_dir: Path) -> None:
    article = clean_page((fixtures_dir / "text_no_decisions.txt").read_text(encoding="utf-8"))
    assert extract_decisions(article, ()) == ()


def test_a_quoted_first_person_directive_belongs_to_its_speaker() -> None:
    found = _decisions(
        "Làm rõ sai phạm tại dự án khu dân cư Bắc Sơn\n\n"
        "Chiều 14/3, Chủ tịch UBND tỉnh Phan Đức Lâm chủ trì buổi làm việc về dự án khu dân cư "
        "Bắc Sơn. Người dân phản ánh dự án chậm bàn giao đất tái định cư suốt 5 năm. "
        # Another official named just before: the quote is still the speaker's, not his.
        "Giám đốc Sở Xây dựng Võ Thành Nam cho biết hồ sơ dự án còn thiếu nhiều giấy tờ. "
        "“Tôi giao Thanh tra tỉnh vào cuộc, làm rõ trách nhiệm của từng đơn vị và báo cáo "
        "trước ngày 30/4”, ông Lâm nói."
    )
    quoted = [d for d in found if d.text.startswith("Tôi giao Thanh tra tỉnh vào cuộc")]
    assert quoted and quoted[0].actor == "Phan Đức Lâm"
    assert "ông Lâm nói" not in quoted[0].text


def test_plans_an_authority_announces_are_decisions() -> None:
    found = _decisions(
        "Sửa quy định về đăng kiểm xe cơ giới\n\n"
        "Bộ Giao thông vận tải dự kiến trình Chính phủ dự thảo nghị định sửa đổi quy định về "
        "đăng kiểm xe cơ giới trong tháng 10. Theo Bộ, nhiều trung tâm đăng kiểm đã quá tải."
    )
    assert [d.actor for d in found if "dự kiến trình Chính phủ dự thảo nghị định" in d.text] == [
        "Bộ Giao thông vận tải"
    ]


def test_a_city_that_will_review_responsibility_has_decided() -> None:
    found = _decisions(
        "Hà Nội kiểm điểm vụ sập giàn giáo\n\n"
        "Sau vụ sập giàn giáo khiến 3 công nhân bị thương, Hà Nội sẽ kiểm điểm trách nhiệm của "
        "các đơn vị quản lý trật tự xây dựng tại quận Cầu Giấy."
    )
    assert [d.text for d in found] == [
        "Hà Nội sẽ kiểm điểm trách nhiệm của các đơn vị quản lý trật tự xây dựng tại quận Cầu Giấy"
    ]


def test_an_agreement_between_two_parties_is_a_decision() -> None:
    found = _decisions(
        "Hợp tác thương mại Việt Nam - Lào\n\n"
        "Chiều 2/6, Bộ trưởng Công thương Vũ Minh Đức hội đàm với Bộ trưởng Công thương Lào "
        "Sousath Phomvihane. Hai bên nhất trí nâng kim ngạch thương mại song phương lên 3 tỷ USD "
        "vào năm 2027 và đơn giản hoá thủ tục thông quan tại các cửa khẩu."
    )
    assert any(d.text.startswith("Hai bên nhất trí nâng kim ngạch") for d in found)


def test_statistics_of_past_enforcement_are_not_decisions() -> None:
    found = _decisions(
        "Tổng kết công tác chống buôn lậu\n\n"
        "Theo báo cáo tổng kết, năm qua lực lượng chức năng toàn tỉnh đã khởi tố 120 vụ buôn lậu, "
        "thu giữ hàng hoá trị giá hơn 40 tỷ đồng. Số vụ việc tăng 15% so với năm trước. Nhiều đối "
        "tượng dùng mạng xã hội để tiêu thụ hàng lậu."
    )
    assert found == ()


def test_a_long_clause_keeps_what_was_requested() -> None:
    found = _decisions(
        "Khẩn cấp ứng phó bão số 5\n\n"
        "Chủ tịch UBND tỉnh Nguyễn Hữu Tài vừa ký văn bản khẩn đề nghị các cơ quan, đơn vị trên "
        "địa bàn cho cán bộ, công chức nghỉ làm từ 14 giờ chiều nay để chủ động phòng tránh bão, "
        "đồng thời yêu cầu các huyện ven biển hoàn thành sơ tán người dân khỏi vùng nguy hiểm "
        "trước 17 giờ, bố trí lực lượng trực 24/24 giờ tại các điểm xung yếu và báo cáo tình hình "
        "về Ban Chỉ huy phòng chống thiên tai tỉnh."
    )
    request = [d for d in found if "ký văn bản khẩn đề nghị" in d.text]
    assert request and "cho cán bộ, công chức nghỉ làm từ 14 giờ chiều nay" in request[0].text
    assert request[0].actor == "Nguyễn Hữu Tài"
    # Two independent decisions in one sentence are two items, each with its actor.
    evacuation = [d for d in found if "hoàn thành sơ tán người dân" in d.text]
    assert evacuation and evacuation[0].actor == "Nguyễn Hữu Tài"
    assert evacuation[0] is not request[0]


def test_a_leading_connective_is_dropped() -> None:
    found = _decisions(
        "Xử lý vi phạm trật tự đô thị\n\n"
        "UBND quận Hải Châu vừa họp bàn về tình trạng lấn chiếm vỉa hè. Theo đó, UBND quận yêu "
        "cầu các phường lập đoàn kiểm tra liên ngành và xử phạt nghiêm các hộ kinh doanh tái "
        "lấn chiếm."
    )
    assert any(d.text.startswith("UBND quận yêu cầu các phường lập đoàn kiểm tra") for d in found)


def test_a_body_named_in_the_clause_beats_the_official_who_announced_it() -> None:
    found = _decisions(
        "Dừng thu phí trạm BOT Cầu Rào\n\n"
        "Phó Chủ tịch UBND tỉnh Lương Văn Hoà cho biết, UBND tỉnh đã quyết định tạm dừng thu phí "
        "tại trạm BOT Cầu Rào từ ngày 1/10 để rà soát lại phương án tài chính của dự án."
    )
    assert [d.actor for d in found if "quyết định tạm dừng thu phí" in d.text] == ["UBND tỉnh"]


def test_a_body_whose_name_has_va_is_named_whole() -> None:
    found = _decisions(
        "Siết quản lý thiết bị đo lường tại chợ\n\n"
        "Sở Khoa học và Công nghệ vừa yêu cầu ban quản lý các chợ đầu mối kiểm định lại toàn bộ "
        "cân điện tử trước ngày 15/12, sau nhiều phản ánh của người tiêu dùng về tình trạng cân "
        "thiếu."
    )
    assert [d.actor for d in found if "kiểm định lại" in d.text] == ["Sở Khoa học và Công nghệ"]


def test_a_bare_ministry_is_named_as_its_official_s_position_names_it() -> None:
    found = _decisions(
        "Lùi hạn nộp thuế cho hộ kinh doanh vùng bão\n\n"
        "Thứ trưởng Bộ Tài chính Lê Văn Nam cho biết nhiều hộ kinh doanh ở miền Trung gặp khó "
        "khăn sau bão. Ông Nam cho biết Bộ sẽ trình Chính phủ cho phép lùi thời hạn nộp thuế "
        "thêm ba tháng đối với các hộ kinh doanh ở những tỉnh bị thiệt hại nặng."
    )
    assert [d.actor for d in found if "lùi thời hạn" in d.text] == ["Bộ Tài chính"]  # not `Bộ Tài`


def test_parties_that_have_not_agreed_have_made_no_agreement() -> None:
    found = _decisions(
        "Đàm phán giá điện Việt Nam - Lào\n\n"
        "Chiều 2/6, đoàn đàm phán của hai nước gặp nhau lần thứ ba tại Viêng Chăn. Hai bên vẫn "
        "chưa thống nhất được giá mua điện cho giai đoạn 2026 - 2030."
    )
    assert not [d for d in found if "giá mua điện" in d.text]


def test_a_difficulty_the_article_reports_is_no_decision_but_the_directive_on_it_is() -> None:
    found = _decisions(
        "Tháo gỡ vướng mắc cho các phường sau sáp nhập\n\n"
        "Chiều 14/8, Chủ tịch UBND tỉnh Đặng Quốc Thái làm việc với lãnh đạo các phường mới "
        "thành lập. Theo báo cáo, hệ thống mạng nội bộ của nhiều phường chưa bảo đảm nên việc "
        "tiếp nhận hồ sơ theo yêu cầu của người dân còn bị gián đoạn. "
        "Nhà làm việc của một số phường còn phân tán, cán bộ gặp khó khăn khi chỉ đạo, điều "
        "hành công việc hằng ngày. "
        "Ông Đặng Quốc Thái yêu cầu Sở Khoa học và Công nghệ nâng cấp đường truyền cho các "
        "phường trước ngày 15/9."
    )
    texts = [d.text for d in found]
    assert not any("chưa bảo đảm" in t or "phân tán" in t for t in texts)
    assert [d.actor for d in found if "nâng cấp đường truyền" in d.text] == ["Đặng Quốc Thái"]


def test_a_long_decision_is_not_cut_inside_a_dashed_term() -> None:
    found = _decisions(
        "Hỗ trợ doanh nghiệp nhỏ\n\n"
        "HĐND tỉnh Quảng Trị đã ban hành nghị quyết về chính sách hỗ trợ lãi suất cho doanh "
        "nghiệp nhỏ và vừa, hợp tác xã, tổ hợp tác thuộc các tổ chức chính trị - xã hội và các hộ "
        "kinh doanh "
        "tại các xã miền núi, vùng sâu, vùng xa, vùng đồng bào dân tộc thiểu số trong giai đoạn "
        "2024 - 2026 nhằm phục hồi sản xuất sau dịch bệnh và thiên tai kéo dài nhiều tháng liền."
    )
    policy = [d for d in found if "ban hành nghị quyết" in d.text]
    assert policy and "tổ chức chính trị - xã hội và các hộ kinh doanh" in policy[0].text

"""Key officials as a reader sees them: who holds which position, one entry per person."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from summarizer.cleaning import clean_page
from summarizer.digest import Article, Official
from summarizer.officials import extract_officials
from summarizer.textnorm import fold_tones


def _officials(path: Path) -> tuple[Official, ...]:
    return extract_officials(clean_page(path.read_text(encoding="utf-8")))


def _article(*paragraphs: str) -> tuple[Official, ...]:
    return extract_officials(Article(title="Tin tức", paragraphs=paragraphs))


def _by_name(officials: tuple[Official, ...]) -> dict[str, tuple[str, ...]]:
    return {o.name: o.titles for o in officials}


@pytest.fixture
def conference(fixtures_dir: Path) -> dict[str, tuple[str, ...]]:
    return _by_name(_officials(fixtures_dir / "officials_conference.txt"))


def test_list_joined_by_semicolons_gives_each_person_their_positions(conference):
    assert conference["Vũ Thị Lan Anh"] == (
        "Phó Bí thư Thường trực Tỉnh uỷ",
        "Trưởng đoàn ĐBQH tỉnh",
    )
    assert conference["Đào Văn Thắng"] == ("Chủ tịch HĐND tỉnh",)
    assert conference["Lương Quốc Bình"] == ("Chủ tịch UBND tỉnh",)


def test_positions_keep_the_articles_abbreviations(conference):
    assert conference["Hà Văn Tiến"] == ("UV BTV Tỉnh uỷ", "Trưởng Ban Tổ chức Tỉnh ủy")
    assert "Uỷ viên BCH Trung ương Đảng" in conference["Trần Minh Khoa"]


def test_person_named_three_ways_is_listed_once_with_every_position(conference):
    # "Trần Minh Khoa, …, Bí thư Tỉnh uỷ", "Bí thư Tỉnh ủy Trần Minh Khoa", "ông Khoa".
    assert conference["Trần Minh Khoa"] == ("Uỷ viên BCH Trung ương Đảng", "Bí thư Tỉnh uỷ")
    assert [name for name in conference if "Khoa" in name] == ["Trần Minh Khoa"]


def test_former_position_counts(conference):
    assert conference["Quách Đình Lộc"] == ("nguyên Bộ trưởng Bộ Thông tin và Truyền thông",)


def test_rank_and_academic_title_alone_are_not_positions(conference):
    assert conference["Phan Văn Lực"] == ("Giám đốc Công an tỉnh",)
    assert "Lê Quang Vinh" not in conference
    assert "Đỗ Thu Hằng" not in conference


def test_byline_authors_are_not_officials(conference):
    assert not any("Châu" in name or "Tùng" in name for name in conference)


def test_most_important_official_comes_first(fixtures_dir):
    officials = _officials(fixtures_dir / "officials_conference.txt")
    assert officials[0].name == "Trần Minh Khoa"
    assert len(officials) == 7


def test_victims_and_suspects_are_not_officials(fixtures_dir):
    officials = _officials(fixtures_dir / "officials_incident.txt")
    assert officials == (Official("Đặng Quốc Bảo", ("Phó Chủ tịch UBND huyện Yên Châu",)),)


def test_foreign_leaders_count_and_spouses_do_not(fixtures_dir):
    found = _by_name(_officials(fixtures_dir / "officials_foreign.txt"))
    assert found == {
        "Emmanuel Macron": ("Tổng thống Pháp",),
        "Olaf Scholz": ("Thủ tướng Đức",),
        "Maud Bregeon": ("người phát ngôn Điện Elysee",),
    }


def test_old_and_new_tone_placement_are_one_position_and_one_person():
    officials = _article(
        "Bí thư Tỉnh uỷ Nguyễn Hoà Bình chủ trì buổi làm việc.",
        "Bí thư Tỉnh ủy Nguyễn Hòa Bình yêu cầu các sở báo cáo trước ngày 10.",
    )
    assert len(officials) == 1
    assert fold_tones(officials[0].name) == fold_tones("Nguyễn Hoà Bình")
    assert officials[0].titles == ("Bí thư Tỉnh uỷ",)


def test_title_before_name_with_province_between():
    officials = _article("Chủ tịch UBND tỉnh Quảng Trị Võ Thành Nam cho biết dự án sẽ khởi công.")
    assert officials == (Official("Võ Thành Nam", ("Chủ tịch UBND tỉnh Quảng Trị",)),)


def test_two_positions_before_one_name():
    officials = _article("Tổng Bí thư, Chủ tịch nước Phan Đức Long gửi thư chúc mừng.")
    assert officials == (Official("Phan Đức Long", ("Tổng Bí thư", "Chủ tịch nước")),)


def test_comma_list_of_titled_names_keeps_people_apart():
    officials = _by_name(
        _article(
            "Dự lễ có Thủ tướng Lê Văn Hào, Phó Chủ tịch nước Trương Thị Mai Hoa, "
            "Bộ trưởng Bộ Y tế Đinh Quang Huy cùng nhiều đại biểu."
        )
    )
    assert officials == {
        "Lê Văn Hào": ("Thủ tướng",),
        "Trương Thị Mai Hoa": ("Phó Chủ tịch nước",),
        "Đinh Quang Huy": ("Bộ trưởng Bộ Y tế",),
    }


def test_dash_and_parenthesis_appositives():
    officials = _by_name(
        _article(
            "Thành uỷ ra quyết định kỷ luật ông Tạ Văn Định - Bí thư Đảng uỷ xã Hoà Phú do "
            "khai man hồ sơ. Trước đó ông Tạ Văn Định (thời điểm giữ chức Chủ tịch UBND xã "
            "Hoà Phú) đã nhận tiền trợ cấp."
        )
    )
    assert officials == {
        "Tạ Văn Định": ("Bí thư Đảng uỷ xã Hoà Phú", "Chủ tịch UBND xã Hoà Phú"),
    }


def test_article_without_officials_gives_none():
    assert _article("Mưa lớn kéo dài khiến nhiều tuyến đường ngập sâu.") == ()


def test_country_between_position_and_foreign_name_goes_to_the_position():
    officials = _article("Thủ tướng Anh Keir Starmer đón đoàn đại biểu tại số 10 phố Downing.")
    assert officials == (Official("Keir Starmer", ("Thủ tướng Anh",)),)


def test_clause_after_the_source_of_a_quote_is_not_a_position():
    officials = _by_name(
        _article(
            "Theo người phát ngôn Bộ Ngoại giao Nga Maria Zakharova, Tổng thống Pháp sẽ tới "
            "Moscow vào tuần sau."
        )
    )
    assert officials == {"Maria Zakharova": ("người phát ngôn Bộ Ngoại giao Nga",)}


def test_company_inside_a_bracketed_position_is_not_a_person():
    officials = _article(
        "Phát biểu tại lễ ký kết, ông Hồ Sĩ Nguyên (Chủ tịch Hội đồng quản trị Vinacomin) "
        "cho biết đơn hàng đầu tiên sẽ giao vào tháng 8."
    )
    assert officials == (Official("Hồ Sĩ Nguyên", ("Chủ tịch Hội đồng quản trị Vinacomin",)),)


def test_official_in_the_headline_ranks_first():
    officials = extract_officials(
        Article(
            title="Giám đốc Sở Y tế Lâm Văn Đạt: Bệnh viện tuyến huyện phải tự chủ",
            paragraphs=(
                "Chủ tịch UBND tỉnh Kiều Minh Sơn dự hội nghị.",
                "Chủ tịch UBND tỉnh Kiều Minh Sơn đề nghị các sở phối hợp.",
                "Ông Lâm Văn Đạt cho biết sở sẽ trình đề án trong tháng 10.",
            ),
        )
    )
    assert [o.name for o in officials] == ["Lâm Văn Đạt", "Kiều Minh Sơn"]


def test_position_then_comma_then_honorific_and_name():
    officials = _article(
        "Phó Chủ tịch UBND tỉnh Bình Định, ông Lạc Văn Hùng cho biết đã có kết luận."
    )
    assert officials == (Official("Lạc Văn Hùng", ("Phó Chủ tịch UBND tỉnh Bình Định",)),)


def test_bare_role_word_is_not_a_position():
    officials = _article("Với tư cách là người đứng đầu, ông Mạc Văn Quý nhận trách nhiệm.")
    assert officials == ()


def test_decomposed_unicode_reads_like_composed_text():
    text = unicodedata.normalize("NFD", "Chủ tịch UBND tỉnh Trịnh Văn Lợi phát biểu.")
    officials = _article(text)
    assert officials == (Official("Trịnh Văn Lợi", ("Chủ tịch UBND tỉnh",)),)


def test_position_after_age_in_brackets_but_not_a_relatives():
    officials = _by_name(
        _article(
            "Bốn người bị kỷ luật gồm ông Mai Đức Thịnh (52 tuổi, phó chủ tịch UBND xã) và "
            "bà Lò Thị Nhung (vợ ông Chủ tịch xã)."
        )
    )
    assert officials == {"Mai Đức Thịnh": ("phó chủ tịch UBND xã",)}


def test_position_held_at_the_time_in_brackets():
    officials = _article(
        "Đề án được trình khi Giám đốc Sở Tài chính (lúc ấy là ông Khổng Minh Trí) đã nghỉ hưu."
    )
    assert officials == (Official("Khổng Minh Trí", ("Giám đốc Sở Tài chính",)),)


def test_loose_role_words_are_not_read_as_a_persons_position():
    officials = _by_name(
        _article(
            "Sau cuộc gặp giữa hai nhà lãnh đạo tại Phủ Chủ tịch, ông Kiều Văn Lâm nói. "
            "Ông Triệu Quang Hưng, Huyện uỷ viên, Phó Chủ tịch UBND huyện, phát biểu."
        )
    )
    assert officials == {"Triệu Quang Hưng": ("Huyện uỷ viên", "Phó Chủ tịch UBND huyện")}

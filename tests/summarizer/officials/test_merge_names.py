"""Which written form of a person's name the reader is shown, across mentions."""

from __future__ import annotations

from summarizer.officials.mention import Mention
from summarizer.officials.mentions import article_mentions
from summarizer.officials.merge import merge_mentions, position_words


def _mention(name: str, order: int, *titles: str) -> Mention:
    words = tuple(w for w in name.lower().split() if w.isalnum())
    return Mention(name, words, titles, False, order, False)


def _shown(*mentions: Mention, lone: frozenset[str] = frozenset()) -> list[str]:
    return [p.shown_name(lone) for p in merge_mentions(list(mentions)) if p.titles]


def test_a_company_that_opened_a_name_once_is_dropped():
    shown = _shown(
        _mention("Zentrix Liam Okafor", 1, "Chủ tịch Tập đoàn"),
        _mention("Liam Okafor", 3),
        lone=frozenset({"zentrix"}),
    )
    assert shown == ["Liam Okafor"]


def test_lone_words_are_the_capitalised_words_with_no_capitalised_neighbour():
    lone: set[str] = set()
    paragraphs = ("Tập đoàn Zentrix mở văn phòng mới.", "Ông Liam Okafor, Zentrix cho biết")
    article_mentions("", paragraphs, lone)
    assert "zentrix" in lone
    assert "okafor" not in lone


def test_the_fullest_name_stays_when_its_first_word_never_stands_alone():
    shown = _shown(
        _mention("Emily Rose Carter", 1, "Thống đốc bang"),
        _mention("Rose Carter", 2),
    )
    assert shown == ["Emily Rose Carter"]


def test_a_surname_used_alone_does_not_cut_the_name():
    shown = _shown(
        _mention("Park Min - jun", 1, "Thủ tướng Hàn Quốc"),
        _mention("Park", 2, "Thủ tướng"),
        _mention("Park", 3),
        lone=frozenset({"park"}),
    )
    assert shown == ["Park Min - jun"]


def test_a_city_that_opened_a_foreign_name_is_dropped():
    shown = _shown(
        _mention("Brayton Lena Hawkes", 1, "Thị trưởng"),
        lone=frozenset({"brayton"}),
    )
    assert shown == ["Lena Hawkes"]


def test_a_korean_name_keeps_its_surname_even_when_it_stands_alone():
    shown = _shown(
        _mention("Moon Jae - in", 1, "Tổng thống Hàn Quốc"),
        lone=frozenset({"moon"}),
    )
    assert shown == ["Moon Jae - in"]


def test_a_company_inside_a_position_does_not_open_the_name_shown():
    people = merge_mentions(
        [
            _mention("Weibang Ma Kaiwen", 1, "giám đốc điều hành"),
            _mention("Ma Kaiwen", 2, "chủ tịch tập đoàn công nghệ Weibang Holdings"),
        ]
    )
    words = frozenset(position_words(people))
    assert "weibang" in words
    assert [p.shown_name(words) for p in people] == ["Ma Kaiwen"]


def test_a_full_name_misspelt_once_is_the_same_person_when_the_post_agrees():
    people = merge_mentions(
        [
            _mention("Đỗ Văn Khiêm", 1, "Giám đốc Sở Giao thông Hà Nội"),
            _mention("Đỗ Viên Khiêm", 2, "Giám đốc Sở Giao thông Vận tải"),
        ]
    )
    assert [p.shown_name() for p in people] == ["Đỗ Văn Khiêm"]


def test_two_people_who_share_a_surname_and_a_given_name_stay_two():
    people = merge_mentions(
        [
            _mention("Nguyễn Văn Hùng", 1, "Chủ tịch UBND xã"),
            _mention("Nguyễn Vĩnh Hùng", 2, "Bộ trưởng Bộ Công thương"),
            _mention("Nguyễn Mạnh Hùng", 3, "Chủ tịch UBND huyện"),
        ]
    )
    assert [p.shown_name() for p in people] == [
        "Nguyễn Văn Hùng",
        "Nguyễn Vĩnh Hùng",
        "Nguyễn Mạnh Hùng",
    ]

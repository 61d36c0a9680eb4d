"""A plural position shared by a list of names ("các Phó Thủ tướng A, B và C")."""

from __future__ import annotations

from summarizer.digest import Article
from summarizer.officials import extract_officials
from summarizer.officials.lists import share_plural
from summarizer.officials.reconcile import Titles
from summarizer.officials.tagger import Span
from summarizer.officials.tokens import Token, clean, tokenize
from summarizer.textnorm import fold_tones


def _found(*paragraphs: str) -> dict[str, tuple[str, ...]]:
    officials = extract_officials(Article(title="Tin trong nước", paragraphs=paragraphs))
    return {o.name: o.titles for o in officials}


def _has(titles: tuple[str, ...], words: str) -> bool:
    return any(fold_tones(words) in fold_tones(t) for t in titles)


def _at(tokens: list[Token], words: str) -> tuple[int, int]:
    texts, first = [t.text for t in tokens], words.split()
    start = next(i for i in range(len(texts)) if texts[i : i + len(first)] == first)
    return start, start + len(first)


def _shared(sentence: str, people: list[str], holder: str, position: str) -> Titles:
    tokens = tokenize(clean(sentence))
    names: Titles = {Span("PER", *_at(tokens, p)): [] for p in people}
    names[Span("PER", *_at(tokens, holder))].append(_at(tokens, position))
    share_plural(tokens, names)
    return names


def test_a_plural_position_before_a_list_goes_to_every_name():
    found = _found(
        "Buổi gặp mặt có sự tham dự của các Phó Thủ tướng Lê Minh Khái, Trần Lưu Quang "
        "và Trần Hồng Hà."
    )
    for name in ("Lê Minh Khái", "Trần Lưu Quang", "Trần Hồng Hà"):
        assert _has(found[name], "Phó Thủ tướng")


def test_a_plural_position_after_a_list_goes_to_every_name():
    found = _found(
        "Hội nghị do ông Nguyễn Văn Bình và ông Hồ Quốc Dũng, hai Phó Chủ tịch UBND tỉnh, chủ trì."
    )
    assert _has(found["Nguyễn Văn Bình"], "Phó Chủ tịch UBND tỉnh")
    assert _has(found["Hồ Quốc Dũng"], "Phó Chủ tịch UBND tỉnh")


def test_a_position_of_two_countries_goes_to_both_ministers():
    sentence = "Bộ trưởng Ngoại giao hai nước Kim Min Soo và Tanaka Hiroshi đã điện đàm hôm qua."
    names = _shared(
        sentence, ["Kim Min Soo", "Tanaka Hiroshi"], "Kim Min Soo", "Bộ trưởng Ngoại giao hai nước"
    )
    assert all(names.values())


def test_a_singular_position_stays_with_its_own_name():
    found = _found("Phó Thủ tướng Lê Minh Khái và ông Trần Văn Sơn dự lễ khánh thành cầu.")
    assert _has(found["Lê Minh Khái"], "Phó Thủ tướng")
    assert "Trần Văn Sơn" not in found


def test_a_plural_word_opening_the_sentence_counts():
    sentence = "Các Phó Chủ tịch Lê Văn Tám và Trần Văn Hai cùng ký biên bản."
    names = _shared(sentence, ["Lê Văn Tám", "Trần Văn Hai"], "Lê Văn Tám", "Phó Chủ tịch")
    assert all(names.values())


def test_a_name_ending_in_hai_is_no_plural_word():
    sentence = "Ông Trần Văn Hai Phó Chủ tịch Lê Văn Tám và ông Lý Văn Sơn ký biên bản."
    names = _shared(sentence, ["Lê Văn Tám", "Lý Văn Sơn"], "Lê Văn Tám", "Phó Chủ tịch")
    assert [bool(t) for t in names.values()] == [True, False]


def test_names_with_their_own_positions_between_are_no_list():
    sentence = "Các Thiếu tá Lê Văn Năm, Đại uý Trần Văn Sáu nhận nhiệm vụ mới."
    names = _shared(sentence, ["Lê Văn Năm", "Trần Văn Sáu"], "Lê Văn Năm", "Thiếu tá")
    assert [bool(t) for t in names.values()] == [True, False]

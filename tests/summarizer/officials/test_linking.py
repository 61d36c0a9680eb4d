"""Which name a tagged position is given to, and positions only the marginals show."""

from __future__ import annotations

from summarizer.officials.mentions import owner
from summarizer.officials.tagger import Span
from summarizer.officials.tokens import clean, tokenize
from summarizer.officials.unsure import unsure_positions

SENTENCE = (
    "Bí thư hứa sẽ chỉ đạo các sở ngành, Phó chủ tịch UBND tỉnh Sóc Trăng "
    "Huỳnh Thanh Phước cho biết tỉnh đang rà soát thủ tục."
)


def _span(tokens: list, kind: str, words: str) -> Span:
    texts = [t.text for t in tokens]
    first = words.split()
    start = next(i for i in range(len(texts)) if texts[i : i + len(first)] == first)
    return Span(kind, start, start + len(first))


def test_a_position_marked_for_the_name_before_goes_to_the_next_when_none_is_before():
    tokens = tokenize(clean(SENTENCE))
    name = _span(tokens, "PER", "Huỳnh Thanh Phước")
    position = _span(tokens, "POSL", "Phó chủ tịch UBND tỉnh Sóc Trăng")
    assert owner([name], position, tokens) == name


def test_a_position_after_a_name_stays_with_that_name():
    tokens = tokenize(
        clean("Ông Huỳnh Thanh Phước, Phó chủ tịch UBND tỉnh, và ông Lý Minh Quân dự họp.")
    )
    first = _span(tokens, "PER", "Huỳnh Thanh Phước")
    second = _span(tokens, "PER", "Lý Minh Quân")
    position = _span(tokens, "POSL", "Phó chủ tịch UBND tỉnh")
    assert owner([first, second], position, tokens) == first


def _odds(tokens: list, likely: str) -> list[float]:
    span = _span(tokens, "POS", likely)
    return [0.6 if span.start <= i < span.end else 0.01 for i in range(len(tokens))]


def test_a_position_only_the_marginals_show_is_read_before_the_name():
    tokens = tokenize(clean("Phó giám đốc Sở Kế hoạch - đầu tư Lê Minh Khoa chia sẻ thêm."))
    name = _span(tokens, "PER", "Lê Minh Khoa")
    posr = _odds(tokens, "Phó giám đốc Sở Kế hoạch - đầu tư")
    found = unsure_positions(tokens, (posr, [0.0] * len(tokens)), name, set())
    assert [(s.start, s.end) for s in found] == [(0, name.start)]


def test_a_position_only_the_marginals_show_is_read_after_the_name_and_its_comma():
    tokens = tokenize(clean("Ông Lê Minh Khoa, đại biểu đoàn Cà Mau, chất vấn bộ trưởng."))
    name = _span(tokens, "PER", "Lê Minh Khoa")
    posl = _odds(tokens, "đại biểu đoàn Cà Mau")
    found = unsure_positions(tokens, ([0.0] * len(tokens), posl), name, set())
    assert [tokens[s.start].text for s in found] == ["đại"]
    assert tokens[found[0].end].text == ","


def test_unlikely_words_and_other_names_positions_are_not_taken():
    tokens = tokenize(clean("Phó giám đốc Sở Kế hoạch - đầu tư Lê Minh Khoa chia sẻ thêm."))
    name = _span(tokens, "PER", "Lê Minh Khoa")
    posr = _odds(tokens, "Phó giám đốc Sở Kế hoạch - đầu tư")
    taken = set(range(name.start))
    assert unsure_positions(tokens, (posr, posr), name, taken) == []
    flat = [0.05] * len(tokens)
    assert unsure_positions(tokens, (flat, flat), name, set()) == []


def test_a_position_with_a_name_right_after_it_and_none_close_before_is_that_names():
    tokens = tokenize(
        clean(
            "Ông Lý Minh Quân phát biểu về thương mại hai nước trong nhiều năm tới. "
            "Cùng với Thủ tướng Lào, Sonexay Siphandone dự lễ khánh thành."
        )
    )
    first = _span(tokens, "PER", "Lý Minh Quân")
    second = _span(tokens, "PER", "Sonexay Siphandone")
    position = _span(tokens, "POSL", "Thủ tướng Lào")
    assert owner([first, second], position, tokens) == second


def test_a_position_after_and_introduces_the_next_person():
    tokens = tokenize(
        clean("Thủ tướng Úc Anthony Albanese và Thủ tướng New Zealand Chris Hipkins đã điện đàm.")
    )
    first = _span(tokens, "PER", "Anthony Albanese")
    second = _span(tokens, "PER", "Chris Hipkins")
    position = _span(tokens, "POSL", "Thủ tướng New Zealand")
    assert owner([first, second], position, tokens) == second

"""Which name a tagged position is given to."""

from __future__ import annotations

from summarizer.officials.mentions import owner
from summarizer.officials.tagger import Span
from summarizer.officials.tokens import clean, tokenize

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

"""Position phrases: a head word ("Bí thư") and the body it heads ("Tỉnh uỷ Cà Mau").

This module says what may sit inside a position; `before` and `appositives` walk from a name
to the positions written before and after it.
"""

from __future__ import annotations

from summarizer.gazetteers import heads, places
from summarizer.officials.names import Token
from summarizer.officials.position_words import (
    BODY_PAIRS,
    BODY_WORDS,
    JOINERS,
    PLACE_TYPES,
    PREFIX_COMPOUNDS,
    PREFIXES,
    STOP,
    WEAK_HEADS,
)


def _inside_places(folded: list[str]) -> set[int]:
    """Indices inside a place name, after its first word ("Trung Quốc", "Phủ Chủ tịch")."""
    where, i = places(), 0
    inside: set[int] = set()
    while i < len(folded):
        n = where.match_at(folded, i)
        inside.update(range(i + 1, i + n))
        i += max(n, 1)
    return inside


def head_spans(folded: list[str]) -> list[tuple[int, int]]:
    """Head words of positions in a paragraph, longest match first, left to right."""
    gaz, inside, spans, i = heads(), _inside_places(folded), [], 0
    while i < len(folded):
        # "Trung Quốc Vương Nghị" holds no "Quốc vương", "Phủ Chủ tịch" no "Chủ tịch".
        n = 0 if i in inside else gaz.match_at(folded, i)
        if n:
            spans.append((i, i + n))
            i += n
        else:
            i += 1
    return spans


class Paragraph:
    """A tokenised paragraph with its heads and names, and the walks that read positions."""

    def __init__(self, tokens: list[Token], heads_: list[tuple[int, int]]) -> None:
        self.tokens = tokens
        self.folded = [t.fold for t in tokens]
        self.head_at = dict(heads_)
        self.head_ending = {end - 1: start for start, end in heads_}
        self.name_tokens: set[int] = set()
        self.name_starts: set[int] = set()
        self.name_ends: set[int] = set()
        self.name_span: dict[int, int] = {}
        # Names read as part of a position in brackets ("(Chủ tịch HĐQT Thaco)").
        self.consumed: set[int] = set()

    def add_name(self, start: int, end: int, strong: bool) -> None:
        """Mark a name span: positions never run through it."""
        self.name_tokens.update(range(start, end))
        self.name_ends.add(end - 1)
        self.name_span[start] = end
        if strong:
            self.name_starts.add(start)

    # -- what may sit inside a position --------------------------------------------------
    def _capital(self, i: int) -> bool:
        tok = self.tokens[i]
        return tok.is_word and not tok.is_lower and i not in self.name_tokens

    def _ends_place(self, i: int) -> bool:
        # One-word countries start compounds too ("Ban Pháp chế"): only longer places end here.
        return places().match_ending(self.folded, i) > 1

    def _continues(self, i: int) -> bool:
        """A lower-case second syllable of a capitalised word ("Tỉnh uỷ", "Sở Y tế")."""
        return (
            i > 0
            and self.tokens[i].is_lower
            and self.folded[i] not in STOP
            and self.tokens[i - 1].is_title_case
            and self._capital(i - 1)
            and not self._ends_place(i - 1)
            and not self._in_place(i - 1)
        )

    def _in_pair(self, i: int) -> bool:
        """Token i is one half of a two-word part of a position ("thường trực")."""
        f = self.folded
        return (i > 0 and (f[i - 1], f[i]) in BODY_PAIRS) or (
            i + 1 < len(f) and (f[i], f[i + 1]) in BODY_PAIRS
        )

    def _in_place(self, i: int) -> bool:
        """Token i belongs to the name of a place ("xã Quảng Hùng")."""
        while i >= 0 and self.tokens[i].is_title_case:
            i -= 1
        return i >= 0 and self.folded[i] in PLACE_TYPES

    def body(self, i: int) -> bool:
        """Token i may be part of a position's body."""
        tok, n = self.tokens[i], len(self.tokens)
        if i in self.name_tokens:
            return False
        if self._capital(i):
            return True
        if tok.text in {"-", "&"} or self.folded[i] in JOINERS:
            return 0 < i < n - 1 and self._capital(i + 1) and self.tokens[i - 1].is_word
        if tok.is_lower and (self.folded[i] in BODY_WORDS or self._in_pair(i)):
            return True
        return self._continues(i)

    def prefix_at(self, i: int) -> bool:
        """A "nguyên"/"cựu" word opening a position, not the end of "chính quyền"."""
        if i < 0 or self.folded[i] not in PREFIXES:
            return False
        return i == 0 or self.folded[i - 1] not in PREFIX_COMPOUNDS

    def weak(self, start: int) -> bool:
        """The position at `start` opens with "nhà lãnh đạo": only good right before a name."""
        head = start + 1 if self.prefix_at(start) else start
        end = self.head_at.get(head)
        return end is not None and tuple(self.folded[head:end]) in WEAK_HEADS

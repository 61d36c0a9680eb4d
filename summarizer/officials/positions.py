"""Position phrases: a head word ("Bí thư") and the body it heads ("Tỉnh uỷ Cà Mau")."""

from __future__ import annotations

from summarizer.gazetteers import heads, places, ranks
from summarizer.officials.names import HONORIFICS, Token
from summarizer.officials.position_words import (
    BODY_PAIRS,
    BODY_WORDS,
    CLOSERS,
    HOLDING,
    JOINERS,
    LEAD_INS,
    MAX_BODY,
    MAX_TAIL,
    PLACE_TYPES,
    PREFIX_COMPOUNDS,
    PREFIXES,
    RELATIVES,
    SEPARATORS,
    STOP,
    TAIL_STOP,
    WEAK_HEADS,
    WHEN,
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

    def _body(self, i: int) -> bool:
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

    # -- title before a name -------------------------------------------------------------
    def _position_ending(self, k: int, limit: int) -> int | None:
        """Start of a position whose last token is k (walking left), else None."""
        steps = 0
        while k >= limit and steps < MAX_BODY:
            if k in self.head_ending:
                start = self.head_ending[k]
                while start - 1 in self.head_ending and start - 1 not in self.name_tokens:
                    start = self.head_ending[start - 1]
                if self._prefix_at(start - 1):
                    start -= 1
                return start
            if not self._body(k):
                return None
            k -= 1
            steps += 1
        return None

    def _skip_between(self, k: int) -> int:
        """Last token of a position before a name ending at k: past honorific, rank, "lúc đó là"."""
        for _ in range(6):
            if k < 0:
                break
            two = f"{self.folded[k - 1]} {self.folded[k]}" if k > 0 else ""
            rank = 0 if k in self.head_ending else ranks().match_ending(self.folded, k)
            if two in HONORIFICS or self.folded[k] in HONORIFICS:
                k -= 2 if two in HONORIFICS else 1
                # "Phó Chủ tịch UBND tỉnh, ông Lê Văn Tâm", "… kiêm Phó Tổng giám đốc - bà X"
                if (
                    k > 0
                    and self.tokens[k].text in {",", "-", "–"}
                    and k - 1 not in self.name_tokens
                ):
                    k -= 1
            elif self.folded[k] == "là":
                k -= 1
                while k >= 0 and self.folded[k] in WHEN:
                    k -= 1
                # "bộ trưởng Bộ GTVT (lúc ấy là ông Đinh La Thăng)"
                if k > 0 and self.tokens[k].text == "(":
                    k -= 1
            elif rank:
                k -= rank
                if k >= 0 and self.tokens[k].text == ",":
                    k -= 1
            else:
                break
        return k

    def titles_before(self, name_start: int) -> list[tuple[int, int]]:
        """Positions written before the name ("Bí thư Tỉnh uỷ Nguyễn Hồ Hải")."""
        k = self._skip_between(name_start - 1)
        titles: list[tuple[int, int]] = []
        start = self._position_ending(k, 0) if k >= 0 else None
        if start is not None and k != name_start - 1 and self._weak(start):
            return titles  # "hai nhà lãnh đạo tại …, ông Duterte": a loose role, not his
        while start is not None:
            titles.append((start, k + 1))
            # "Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng": more positions joined by commas.
            joiner = start - 1
            if joiner < 1 or not (self.tokens[joiner].text == "," or self.folded[joiner] == "kiêm"):
                break
            if joiner - 1 in self.name_ends:
                break
            k = joiner - 1
            start = self._position_ending(k, 0)
            if start is not None and self._weak(start):
                break
        return titles[::-1]

    def _weak(self, start: int) -> bool:
        """The position at `start` opens with "nhà lãnh đạo": only good right before a name."""
        head = start + 1 if self._prefix_at(start) else start
        end = self.head_at.get(head)
        return end is not None and tuple(self.folded[head:end]) in WEAK_HEADS

    # -- appositives after a name ----------------------------------------------------------
    def _extent(self, i: int, absorb: bool = False) -> tuple[int, bool]:
        """End of the position body starting at i; True when it runs into another name.

        With `absorb`, a lone foreign word is read as an organisation inside the position.
        """
        n = len(self.tokens)
        while i < n:
            if i in self.name_starts or (i in self.name_span and not absorb):
                return i, True
            if i in self.name_span:
                self.consumed.add(i)
                i = self.name_span[i]
                continue
            if i in self.head_at:
                i = self.head_at[i]
                continue
            if not self._body(i):
                break
            i += 1
        return i, False

    def _closed_tail(self, end: int) -> int:
        """Stretch an appositive over plain words when a comma closes it soon after.

        ("Fletcher Barkdull, giám đốc khu vực của Boeing, đã có mặt …")
        """
        n, k = len(self.tokens), end
        while k < n and k - end < MAX_TAIL:
            tok = self.tokens[k]
            if tok.text in CLOSERS:
                return k
            if not tok.is_word or self.folded[k] in TAIL_STOP or k in self.name_tokens:
                return end
            k += 1
        return end

    def _prefix_at(self, i: int) -> bool:
        """A "nguyên"/"cựu" word opening a position, not the end of "chính quyền"."""
        if i < 0 or self.folded[i] not in PREFIXES:
            return False
        return i == 0 or self.folded[i - 1] not in PREFIX_COMPOUNDS

    def _trim(self, start: int, end: int) -> int:
        while end > start + 1 and (
            self.folded[end - 1] in JOINERS or self.tokens[end - 1].text in {"-", "&"}
        ):
            end -= 1
        return end

    def _head_in_brackets(self, j: int, start: int) -> int | None:
        """A head a little further inside brackets, not past "vợ", "con" and the like.

        ("(thời điểm giữ chức Chủ tịch …)", "(41 tuổi, phó chủ tịch …)")
        """
        n = len(self.tokens)
        while (
            j < n
            and j - start < 8
            and j not in self.head_at
            and self.tokens[j].text != ")"
            and not self.tokens[j].is_title_case
            and self.folded[j] not in RELATIVES
        ):
            j += 1
        return j if j in self.head_at else None

    def _appositive_head(self, j: int) -> tuple[int, int, bool] | None:
        """(start, head, in brackets) of an appositive position opening at separator j."""
        n = len(self.tokens)
        if j + 1 < n and (self.folded[j], self.folded[j + 1]) in HOLDING:
            j += 1
        elif not (self.tokens[j].text in SEPARATORS or self.folded[j] in SEPARATORS):
            return None
        opened = self.tokens[j].text == "("
        j += 1
        skipped = 0
        while j < n and j not in self.head_at and self.folded[j] in LEAD_INS and skipped < 5:
            j += 1
            skipped += 1
        start = j
        if j < n and self._prefix_at(j):
            j += 1
        if j not in self.head_at:
            found = self._head_in_brackets(j, start) if opened else None
            if found is None:
                return None
            start = j = found
        return None if self._weak(j) else (start, j, opened)

    def titles_after(
        self, name_end: int, need_close: bool = False, absorb: bool = False
    ) -> list[tuple[int, int]]:
        """Appositive positions ("Lữ Văn Hùng, Uỷ viên BCH Trung ương Đảng, Trưởng đoàn …").

        With `need_close` ("Theo ông X, …") an appositive must end in punctuation, since a
        clause follows the comma.
        """
        titles: list[tuple[int, int]] = []
        j, n = name_end, len(self.tokens)
        while j < n:
            opening = self._appositive_head(j)
            if opening is None:
                break
            start, j, opened = opening
            end, hit_name = self._extent(self.head_at[j], absorb)
            if hit_name:
                name_end = self.name_span.get(end, end)
                if not (opened and name_end < n and self.tokens[name_end].text == ")"):
                    break
                self.consumed.add(end)
                end = name_end
            end = self._closed_tail(end)
            if need_close and end < n and self.tokens[end].is_word:
                break
            titles.append((start, self._trim(start, end)))
            j = end
        return titles

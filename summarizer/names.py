"""Tokens and person names: Vietnamese surname rules and foreign-looking names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarizer.gazetteers import fold, places, surnames
from summarizer.textnorm import strip_diacritics

_TOKEN = re.compile(r"\w+(?:\.\w+)*|[^\w\s]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# One Vietnamese syllable once diacritics are gone: onset, one to three vowels, coda.
_VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?"
    r"(?:[aeiouy]{1,3})(?:ch|nh|ng|[cmnpt])?"
)
HONORIFICS = frozenset({"ông", "bà", "ngài", "đồng chí", "đ/c"})
MAX_VI_NAME = 4
MAX_FOREIGN_NAME = 4


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark of a paragraph, with its place in the text."""

    text: str
    start: int
    end: int
    fold: str

    @property
    def is_word(self) -> bool:
        """A word rather than punctuation."""
        return self.text[0].isalnum()

    @property
    def is_abbrev(self) -> bool:
        """All-capital abbreviation such as UBND, HĐND, ĐBQH, TP."""
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def is_title_case(self) -> bool:
        """Starts with a capital letter and is not an abbreviation."""
        return self.text[0].isupper() and not self.is_abbrev

    @property
    def is_lower(self) -> bool:
        """A lower-case word."""
        return self.text[0].islower()


def clean(text: str) -> str:
    """Text without invisible characters (zero-width spaces break names apart)."""
    return _INVISIBLE.sub("", text)


def tokenize(text: str) -> list[Token]:
    """Words and punctuation of a cleaned text, with offsets into it."""
    return [Token(m.group(0), m.start(), m.end(), fold(m.group(0))) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=16384)
def is_foreign(word: str) -> bool:
    """True when a capitalised word cannot be one Vietnamese syllable (Merkel, Trump)."""
    bare = strip_diacritics(word)
    if any(c in "fjwz" for c in bare) or not bare.isalpha():
        return True
    return _VI_SYLLABLE.fullmatch(bare) is None


@dataclass(frozen=True)
class NameSpan:
    """Token range [start, end) holding a person's name; `given` for a lone Vietnamese name."""

    start: int
    end: int
    foreign: bool

    @property
    def size(self) -> int:
        """Number of tokens."""
        return self.end - self.start


def _runs(tokens: list[Token], blocked: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words; ' - ' joins two foreign words (Frank - Walter)."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if i in blocked or not (tokens[i].is_word and tokens[i].is_title_case):
            i += 1
            continue
        j = i + 1
        while j < n:
            tok = tokens[j]
            if j not in blocked and tok.is_word and tok.is_title_case:
                j += 1
            elif (
                tok.text == "-"
                and j + 1 < n
                and j + 1 not in blocked
                and tokens[j + 1].is_word
                and tokens[j + 1].is_title_case
                and is_foreign(tokens[j - 1].text)
                and is_foreign(tokens[j + 1].text)
            ):
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _strip_places(folded: list[str], start: int, end: int) -> int:
    """First index after the places that open the run (Đức, Nhật Bản, Điện Kremlin)."""
    gaz = places()
    while start < end:
        n = gaz.match_at(folded[:end], start)
        if not n:
            break
        start += n
    return start


def _vietnamese_name(folded: list[str], start: int, end: int, free: bool) -> int | None:
    """Start of the Vietnamese name that closes the run, when there is one."""
    gaz, family = places(), surnames()
    for i in range(start, end):
        size = end - i
        if size > MAX_VI_NAME:
            continue
        if size < 2:
            break
        if tuple(folded[i:end]) in gaz:
            return None
        if folded[i] in family:
            return i
    if free and 2 <= end - start <= MAX_VI_NAME and tuple(folded[start:end]) not in gaz:
        return start
    return None


def find_names(tokens: list[Token], blocked: set[int]) -> list[NameSpan]:
    """Every name in a paragraph; `blocked` tokens (position words) never belong to a name."""
    folded = [t.fold for t in tokens]
    spans: list[NameSpan] = []
    for start, end in _runs(tokens, blocked):
        if folded[start] in HONORIFICS:
            # A sentence that opens with "Ông ..." capitalises the honorific itself.
            start += 1
            if start == end:
                continue
        words = [t.text for t in tokens[start:end] if t.is_word]
        after_honorific = start > 0 and (
            folded[start - 1] in HONORIFICS
            or (start > 1 and f"{folded[start - 2]} {folded[start - 1]}" in HONORIFICS)
        )
        if any(is_foreign(w) for w in words):
            first = _strip_places(folded, start, end)
            if first < end and sum(t.is_word for t in tokens[first:end]) <= MAX_FOREIGN_NAME:
                spans.append(NameSpan(first, end, foreign=True))
            continue
        first_vi = _vietnamese_name(folded, start, end, free=after_honorific)
        if first_vi is not None:
            spans.append(NameSpan(first_vi, end, foreign=False))
        elif end - start == 1 and after_honorific:
            # "ông Hải": a given name that points back to someone named in full.
            spans.append(NameSpan(start, end, foreign=False))
    return spans

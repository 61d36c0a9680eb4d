"""Tokens of a paragraph: words and punctuation with their offsets, and what each looks like."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarizer.gazetteers import fold
from summarizer.textnorm import nfc, strip_diacritics

_TOKEN = re.compile(r"\w+(?:\.\w+)*|[^\w\s]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# One Vietnamese syllable once diacritics are gone: onset, one to three vowels, coda.
_VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?"
    r"(?:[aeiouy]{1,3})(?:ch|nh|ng|[cmnpt])?"
)


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
    """NFC text without invisible characters (zero-width spaces break names apart)."""
    return _INVISIBLE.sub("", nfc(text))


def tokenize(text: str) -> list[Token]:
    """Words and punctuation of a cleaned text, with offsets into it."""
    return [Token(m.group(0), m.start(), m.end(), fold(m.group(0))) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=16384)
def is_foreign(word: str) -> bool:
    """True when a word cannot be one Vietnamese syllable (Merkel, Trump)."""
    bare = strip_diacritics(word)
    if any(c in "fjwz" for c in bare) or not bare.isalpha():
        return True
    return _VI_SYLLABLE.fullmatch(bare) is None


@lru_cache(maxsize=65536)
def shape(word: str) -> str:
    """Coarse look of a token: Xx (title case), X (all capitals), x, 9 (digits), or itself."""
    if not word[0].isalnum():
        return word
    if word[0].isdigit():
        return "9"
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "X"
    return "Xx" if word[0].isupper() else "x"

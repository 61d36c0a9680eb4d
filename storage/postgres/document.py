"""A digest's search document built in Python, equal to what the SQL path would make.

`to_tsvector('simple', tomtat_fold(text))` costs the server ~0.25 ms a digest, nearly all of
it in the text parser. For text made only of letters we can fold exactly (ASCII letters and
digits, Vietnamese and other Latin letters whose unaccent form is one ASCII letter:
FOLDABLE_LETTERS, proven against the server by tests/storage/test_pg_document.py), the same
tsvector is written here as one literal ("lexeme:position+weight" per syllable) and the
server only casts it.

Anything else returns None and the caller indexes that digest with the SQL expression: a
character outside the table, a token the parser would split (digits, `e`, digits, then a
letter: `2e5km` reads as the number `2e5` and the word `km`), or a limit of to_tsvector
reached (document_literal says which).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from functools import cache
from itertools import chain

from summarizer.textnorm import nfc, syllables

MAX_WORD_BYTES = 2047  # to_tsvector skips longer words (MAXSTRLEN), with a NOTICE
MAX_POSITION = 16383  # MAXENTRYPOS - 1: later words all share the last position
MAX_POSITIONS = 255  # to_tsvector keeps a lexeme's first 255 positions (MAXNUMPOS - 1)
_LATIN = (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))


def fold(text: str) -> str:
    """Lower-case ASCII: `đ` spelled `d`, other letters decomposed and their marks dropped.

    Exact for FOLDABLE_LETTERS only (anything else non-ASCII just vanishes): callers check.
    """
    plain = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFD", plain).encode("ascii", "ignore").decode("ascii").lower()


def _foldable() -> dict[str, str]:
    """ASCII letters and digits, and the letters whose fold is one ASCII letter, folded.

    Latin-1 Supplement, Latin Extended-A and B, Latin Extended Additional: every Vietnamese
    letter and the accented Latin letters of foreign names. Letters that unaccent expands or
    leaves alone (æ, ß, ø, ł) are not here: their digests take the SQL path.
    """
    candidates = [chr(c) for c in (*range(0x30, 0x3A), *range(0x41, 0x5B), *range(0x61, 0x7B))]
    candidates += [chr(c) for c in _LATIN if chr(c).isalpha()]
    return {c: fold(c) for c in candidates if len(fold(c)) == 1 and fold(c).isalnum()}


FOLDABLE_LETTERS = _foldable()
_OTHER = re.compile("[^ " + re.escape("".join(FOLDABLE_LETTERS)) + "]")
_MAYBE_SCIENTIFIC = re.compile("[0-9]e[0-9]")
_SCIENTIFIC = re.compile(r"(?<![a-z0-9])[0-9]+e[0-9]+[a-z]")


def lexemes(text: str) -> list[str] | None:
    """The text's lexemes in order, as the SQL path makes them; None if it cannot say."""
    joined = " ".join(syllables(nfc(text)))
    return _folded(joined)


def _folded(joined: str) -> list[str] | None:
    if _OTHER.search(joined):
        return None
    folded = fold(joined)
    if _MAYBE_SCIENTIFIC.search(folded) and _SCIENTIFIC.search(folded):
        return None
    return folded.split(" ") if folded else []


def document_literal(fields: Sequence[str], weights: Sequence[str]) -> str | None:
    """tsvector input text for the weighted fields concatenated (`||`), or None when only
    the SQL path can say (a character or token above, or a limit of to_tsvector reached).

    Within limits, to_tsvector gives each syllable the next position and `a || b` shifts b's
    positions by a's last one: the document's words are simply numbered on across fields,
    and tsvector input merges a repeated lexeme's positions. A lexeme repeated more than
    255 times (to_tsvector and `||` drop positions then), a word of 2,047 bytes or more
    (skipped) or 16,383 words (positions clamped) take the SQL path.
    """
    per_field = [syllables(nfc(text)) for text in fields]
    words = _folded(" ".join(chain.from_iterable(per_field)))
    if words is None or not _within_limits(words):
        return None
    suffixes: list[str] = []
    for field, weight in zip(per_field, weights, strict=True):
        suffixes += _suffixes(weight)[len(suffixes) : len(suffixes) + len(field)]
    # "word:1A word:2A …": lexemes are [a-z0-9]+, nothing to quote; joined without a loop.
    return "".join(chain.from_iterable(zip(words, suffixes, strict=True)))


@cache
def _suffixes(weight: str) -> tuple[str, ...]:
    return tuple(f":{position}{weight} " for position in range(1, MAX_POSITION))


def _within_limits(words: list[str]) -> bool:
    if len(words) >= MAX_POSITION or (words and max(map(len, words)) >= MAX_WORD_BYTES):
        return False
    # Counted folded (Việt, viet are one lexeme) and over the whole document: `||` keeps
    # 256 positions of a lexeme and shifts the next field past the last position it kept.
    return len(words) <= MAX_POSITIONS or Counter(words).most_common(1)[0][1] <= MAX_POSITIONS

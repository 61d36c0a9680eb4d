"""A digest's search document built in Python, equal to what the SQL path would make.

`to_tsvector('simple', tomtat_fold(text))` costs the server ~0.25 ms a digest, nearly all of
it in the text parser. For text made only of letters we can fold exactly (ASCII letters and
digits, Vietnamese and other Latin letters whose unaccent form is one ASCII letter:
FOLDABLE_LETTERS, proven against the server by tests/storage/test_pg_document.py), the same
tsvector is written here as a literal and the server only casts it. It reproduces, per field:
one position per syllable (the parser's tokens, given syllables of those letters), words of
2,047 bytes or more skipped without a position, positions clamped at 16,383, at most 255
positions per lexeme; the weights and the concatenation of the four fields stay in SQL.

Anything else returns None and the caller indexes that digest with the SQL expression: a
character outside the table, or a token the parser would split (digits, `e`, digits, then a
letter: `2e5km` reads as the number `2e5` and the word `km`).
"""

from __future__ import annotations

import re

from summarizer.textnorm import nfc, strip_diacritics, syllables

MAX_WORD_BYTES = 2047  # to_tsvector skips longer words (MAXSTRLEN), with a NOTICE
MAX_POSITION = 16383  # MAXENTRYPOS - 1: later words all share the last position
MAX_POSITIONS = 255  # to_tsvector keeps a lexeme's first 255 positions (MAXNUMPOS - 1)
_SCIENTIFIC = re.compile(r"[0-9]+e[0-9]+[a-z]")
_ASCII = "0123456789abcdefghijklmnopqrstuvwxyz"


def _foldable() -> dict[int, str]:
    """Letters whose fold is one lower-case ASCII letter, with that letter (and ASCII itself).

    Latin-1 Supplement, Latin Extended-A and B, Latin Extended Additional: every Vietnamese
    letter and the accented Latin letters of foreign names. Letters that unaccent expands or
    leaves alone (æ, ß, ø, ł) are not here: their digests take the SQL path.
    """
    table = {ord(c): c for c in _ASCII} | {ord(c.upper()): c for c in _ASCII if c.isalpha()}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        folded = strip_diacritics(char)
        if char.isalpha() and len(folded) == 1 and folded in _ASCII and folded.isalpha():
            table[code] = folded
    return table


FOLDABLE_LETTERS = _foldable()
_OTHER = re.compile("[^" + re.escape("".join(map(chr, FOLDABLE_LETTERS))) + "]")


def lexemes(text: str) -> list[str] | None:
    """The text's lexemes in order, as the SQL path makes them; None if it cannot say."""
    words = syllables(nfc(text))
    joined = "".join(words)
    if _OTHER.search(joined):
        return None
    folded = [word.translate(FOLDABLE_LETTERS) for word in words]
    if any(_SCIENTIFIC.match(word) for word in folded):
        return None
    return folded


def field_literal(text: str, weight: str) -> str | None:
    """tsvector input text for one weighted field, or None if only the SQL path can say."""
    words = lexemes(text)
    if words is None:
        return None
    positions: dict[str, list[int]] = {}
    position = 0
    for word in words:
        if len(word) >= MAX_WORD_BYTES:  # ASCII: one byte a character
            continue
        position = min(position + 1, MAX_POSITION)
        seen = positions.setdefault(word, [])
        if not seen or (len(seen) < MAX_POSITIONS and seen[-1] not in (MAX_POSITION, position)):
            seen.append(position)
    # Lexemes are [a-z0-9]+: nothing to quote or escape.
    return " ".join(
        f"{word}:{','.join(f'{p}{weight}' for p in places)}" for word, places in positions.items()
    )

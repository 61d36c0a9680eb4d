"""Unicode normalisation and the folded forms used for matching and search."""

from __future__ import annotations

import re
import unicodedata

# Vietnamese tone marks as combining characters (grave, acute, hook, tilde, dot below).
TONE_MARKS = frozenset("\u0300\u0301\u0309\u0303\u0323")
_WORD = re.compile(r"\w+", re.UNICODE)
_SYLLABLE = re.compile(r"[^\W_]+", re.UNICODE)


def nfc(text: str) -> str:
    """NFC-normalise text; what users see keeps the article's own spelling otherwise."""
    return unicodedata.normalize("NFC", text)


def fold_tones(text: str) -> str:
    """Matching form: NFC, lower case, tone mark moved to the end of each syllable.

    Old and new tone placement (`uỷ`/`ủy`, `hoà`/`hòa`) fold to the same string.
    """

    def fold_word(match: re.Match[str]) -> str:
        decomposed = unicodedata.normalize("NFD", match.group(0))
        tones = "".join(ch for ch in decomposed if ch in TONE_MARKS)
        base = "".join(ch for ch in decomposed if ch not in TONE_MARKS)
        return unicodedata.normalize("NFC", base + tones)

    return _WORD.sub(fold_word, unicodedata.normalize("NFC", text).lower())


def _tone_pairs() -> dict[str, str]:
    """Old-style `oà`/`uỷ` at a syllable's end mapped to the new style `òa`/`ủy`."""
    pairs: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in sorted(TONE_MARKS):
            old = first + unicodedata.normalize("NFC", second + tone)
            pairs[old] = unicodedata.normalize("NFC", first + tone) + second
    return pairs


_PAIRS = _tone_pairs()
_OLD_STYLE = re.compile("(" + "|".join(_PAIRS) + r")(?!\w)")


# Narrower than `fold_tones` (only `oà/oè/uỳ`-style endings move, to the new placement), but
# every offset in the result is one in the NFC text, so a match found in it can be cut out of
# the original; `fold_tones` moves every tone and may add combining marks.
def lower_unify_tones(text: str) -> str:
    """Lower case with old/new tone placement unified; keeps the text's length for slicing."""
    text = unicodedata.normalize("NFC", text)
    lower = text.lower()
    if len(lower) != len(text):
        # `İ` lowers to two characters (`i` and a combining dot); keeping one keeps the offsets.
        lower = "".join(ch.lower()[0] for ch in text)
    return _OLD_STYLE.sub(lambda m: _PAIRS[m.group(1)], lower)


def strip_diacritics(text: str) -> str:
    """Search form: lower case, every diacritic removed and `đ` folded to `d`."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.replace("đ", "d")


def syllables(text: str) -> list[str]:
    """Vietnamese syllable tokens (what 'words' means in budgets and counts)."""
    return _SYLLABLE.findall(text)


def syllable_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of every syllable token in text."""
    return [match.span() for match in _SYLLABLE.finditer(text)]


def count_words(text: str) -> int:
    """Number of syllables in the text."""
    return len(syllables(text))

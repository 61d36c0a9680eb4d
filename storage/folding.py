"""Folded text forms: search form aligned with the original, name keys, content hash."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from summarizer.textnorm import nfc, strip_diacritics, syllables

# Search tokens: letters and digits, as FTS5 unicode61 splits them (`textnorm.syllables`).
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


class _AlignedFold(dict[int, str]):
    """`str.translate` table folding one character to exactly one, computed lazily and cached."""

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        folded = strip_diacritics(char)
        # A character that would vanish or expand keeps its lower-case self, so offsets never shift.
        result = folded if len(folded) == 1 else (char.lower() if len(char.lower()) == 1 else char)
        self[codepoint] = result
        return result


_FOLD = _AlignedFold()


class _IndexFold(dict[int, str]):
    """`str.translate` table: the aligned fold, with every non-token character made a space."""

    def __missing__(self, codepoint: int) -> str:
        folded = _FOLD[codepoint]
        result = folded if _TOKEN.fullmatch(folded) else " "
        self[codepoint] = result
        return result


_INDEX_FOLD = _IndexFold()


def search_form(text: str) -> str:
    """`strip_diacritics` applied per character: same length and offsets as the (NFC) input."""
    return text.translate(_FOLD)


def token_spans(text: str) -> list[tuple[int, int]]:
    """Start/end offsets of every token in text."""
    return [m.span() for m in _TOKEN.finditer(text)]


def name_key(name: str) -> str:
    """Key for an official's name: tone- and diacritic-insensitive, spacing collapsed."""
    return " ".join(syllables(strip_diacritics(nfc(name))))


# Old/new tone placement only differs in the clusters oa, oe, uy (hoà/hòa, khoẻ/khỏe, uỷ/ủy).
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def _starting_with(letters: str) -> str:
    """Every character whose canonical decomposition starts with one of `letters`."""
    # All such characters lie below U+1F00 (checked against the whole Unicode range).
    return "".join(
        chr(c) for c in range(0x1F00) if unicodedata.normalize("NFD", chr(c))[0] in letters
    )


def _toned(vowel: str) -> str:
    """The vowel carrying each of the five tone marks, precomposed."""
    return "".join(unicodedata.normalize("NFC", vowel + mark) for mark in _TONE_MARKS)


# Matched on NFC text, these are exactly the places where the NFD form reads o+tone+a/e or
# u+tone+y; working on NFC skips two whole-text normalisations for most articles.
_TONED_OA_OE = re.compile(f"([{_toned('o')}])([{_starting_with('ae')}])")
_TONED_UY = re.compile(f"([{_toned('u')}])([{_starting_with('y')}])")


def _move_tone(match: re.Match[str]) -> str:
    """o/u + tone + a/e/y becomes o/u + a/e/y + tone (decomposed; NFC comes after)."""
    toned, after = (unicodedata.normalize("NFD", group) for group in match.groups())
    return toned[0] + after[0] + toned[1] + after[1:]


def hash_form(text: str) -> str:
    """Lower case with tones in oa/oe/uy moved to one placement: `fold_tones` for hashing.

    Touches only the syllables where placement varies, so it is far faster than `fold_tones`.
    """
    lowered = unicodedata.normalize("NFC", text.lower())
    moved = _TONED_UY.sub(_move_tone, _TONED_OA_OE.sub(_move_tone, lowered))
    return moved if moved is lowered else unicodedata.normalize("NFC", moved)


def content_hash(text: str) -> str:
    """Hash of an article after NFC, tone folding, lower case and collapsed whitespace."""
    normal = " ".join(hash_form(text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def chat_prefix(chat_id: int) -> str:
    """What every indexed token of a chat starts with (group ids are negative).

    Prefixing partitions the FTS5 index by chat: a query reads only its own chat's postings
    instead of intersecting a small chat with a million-document doclist for a common word.
    Chat ids are digits only, so the first "x" ends the prefix unambiguously.
    """
    return f"c{chat_id}x" if chat_id >= 0 else f"cn{-chat_id}x"


def indexed_form(prefix: str, text: str) -> str:
    """The text as indexed: search-form tokens, each carrying the chat prefix, in order."""
    # Token characters are decided one by one, so folding with separators turned into spaces
    # and splitting yields exactly `syllables(search_form(text))`, in one translate pass.
    words = text.translate(_INDEX_FOLD).split()
    return prefix + (" " + prefix).join(words) if words else ""

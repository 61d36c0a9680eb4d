"""Folded text forms: search and index forms, name keys, content hash."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from summarizer.textnorm import TONE_MARKS, nfc, strip_diacritics, syllables


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


def search_form(text: str) -> str:
    """`strip_diacritics` applied per character: same length and offsets as the (NFC) input."""
    return text.translate(_FOLD)


def name_key(name: str) -> str:
    """Key for an official's name: tone- and diacritic-insensitive, spacing collapsed."""
    return " ".join(syllables(strip_diacritics(nfc(name))))


def _starting_with(letters: str) -> str:
    """Every character whose canonical decomposition starts with one of `letters`."""
    # All such characters lie below U+1F00 (checked against the whole Unicode range).
    return "".join(
        chr(c) for c in range(0x1F00) if unicodedata.normalize("NFD", chr(c))[0] in letters
    )


def _toned(vowel: str) -> str:
    """The vowel carrying each of the five tone marks, precomposed."""
    return "".join(unicodedata.normalize("NFC", vowel + mark) for mark in sorted(TONE_MARKS))


# Old/new tone placement only differs in the clusters oa, oe, uy (hoà/hòa, khoẻ/khỏe, uỷ/ủy).
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


def chat_token(chat_id: int) -> str:
    """The token marking a chat's rows in its search bucket (group ids are negative).

    Chat ids are digits only and the token sits in its own column, so no word of any text
    can equal it or reach another chat's rows.
    """
    return f"c{chat_id}x" if chat_id >= 0 else f"cn{-chat_id}x"


def index_form(text: str) -> str:
    """Text as handed to the FTS5 tokenizer: `đ`/`Đ` spelled `d`/`D`.

    unicode61 with remove_diacritics 2 strips every other Vietnamese mark itself (tones,
    breve, circumflex, horn; precomposed or not), so old and new tone placement fold alike;
    only `đ`, a letter of its own to Unicode, has to be folded before it.
    """
    return text.replace("đ", "d").replace("Đ", "D")

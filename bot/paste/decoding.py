"""Bytes of an uploaded text file to text: BOMs, UTF-8 (a few bad bytes tolerated), UTF-16 with
or without a BOM, then charset detection for legacy Vietnamese encodings."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Share of one byte parity that must be NUL for BOM-less UTF-16 (Latin text: about half, and
# Vietnamese letters live in U+00xx/U+01xx/U+1Exx), while the other parity has almost none.
_UTF16_NULS = 0.2
_UTF16_STRAY = 0.02
# Bad bytes tolerated in otherwise valid UTF-8: a stray byte or a truncated last character,
# not a file in another encoding (cp1258 text fails on nearly every marked letter).
_BAD_UTF8_MAX = 8
_BAD_UTF8_SHARE = 0.002
_REPLACEMENT = "\ufffd"


class BinaryFile(ValueError):
    """Not text, or an encoding that cannot be recognised."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, and how many bad bytes were replaced by U+FFFD to get it."""

    text: str
    replaced: int = 0


def _utf16_without_bom(raw: bytes) -> str | None:
    """The text when `raw` looks like UTF-16 without a BOM, else None."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    half = len(raw) // 2
    even, odd = raw[0::2].count(0) / half, raw[1::2].count(0) / half
    for nuls, stray, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= _UTF16_NULS and stray <= _UTF16_STRAY:
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def stray_bytes(raw: bytes, text: str) -> int:
    """How many U+FFFD in `text` a lenient decode of `raw` put there (not written in `raw`)."""
    return max(text.count(_REPLACEMENT) - raw.count(_REPLACEMENT.encode()), 0)


def lenient_utf8(raw: bytes) -> Decoded:
    """`raw` as UTF-8, each bad byte replaced by U+FFFD (counted), without a BOM.

    The one stray-byte rule of uploads, saved pages and fetched links; each caller says how
    many replaced bytes it tolerates.
    """
    text = raw.decode("utf-8", errors="replace")
    return Decoded(text.removeprefix("\ufeff"), stray_bytes(raw, text))


def _mostly_utf8(raw: bytes) -> Decoded | None:
    """UTF-8 with a few bad bytes, replaced by U+FFFD; None when it is not UTF-8 at all."""
    decoded = lenient_utf8(raw)
    if 0 < decoded.replaced <= max(_BAD_UTF8_MAX, int(len(decoded.text) * _BAD_UTF8_SHARE)):
        return decoded
    return None


def mostly_controls(text: str) -> bool:
    """More than 1% control characters (tabs and line breaks aside): not text."""
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    return controls > len(text) // 100


def _detected(raw: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise BinaryFile("no encoding detected")
    try:
        decoded = raw.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise BinaryFile(str(exc)) from exc
    if mostly_controls(decoded):
        raise BinaryFile("control characters")
    return decoded


def decode_text(raw: bytes) -> Decoded:
    """Decode a text file; BinaryFile when it is not text."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(raw.decode("utf-16"))
        except UnicodeDecodeError as exc:
            raise BinaryFile(str(exc)) from exc
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16 is None:
            raise BinaryFile("NUL bytes")
        return Decoded(utf16)
    try:
        return Decoded(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    return _mostly_utf8(raw) or Decoded(_detected(raw))

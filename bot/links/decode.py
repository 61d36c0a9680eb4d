"""Page bytes to text: the declared charset, with a fallback for windows-1258/UTF-8 mixes."""

from __future__ import annotations

import codecs
import re
import unicodedata

from bot.paste.decoding import lenient_utf8

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Vietnamese sites that are not UTF-8 are almost always Windows' Vietnamese code page.
LEGACY = "cp1258"
# Stray bytes in a page otherwise valid UTF-8 (a truncated character): replaced, whatever the
# page declares. An article pasted in windows-1258 has far more (nearly every marked letter).
STRAY_BYTES = 8


def charset_of(content_type: str | None, head: bytes) -> str | None:
    """The codec named by the Content-Type header, else by a <meta> tag; None if unknown."""
    for declared in (_header_charset(content_type), _meta_charset(head)):
        if declared:
            try:
                return codecs.lookup(declared).name
            except LookupError:
                continue
    return None


def _header_charset(content_type: str | None) -> str | None:
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'")
    return None


def _meta_charset(head: bytes) -> str | None:
    found = _META_CHARSET.search(head[:4096])
    return found.group(1).decode("ascii") if found else None


def decode_page(raw: bytes, charset: str | None) -> str:
    """The page as NFC text.

    Valid UTF-8 is read as UTF-8 whatever the page declares (servers often say windows-1258
    for pages saved as UTF-8), and so is UTF-8 with a few stray bytes (each one U+FFFD).
    Otherwise the declared legacy charset is used; a page that claims UTF-8 but is not (a
    template in UTF-8 around an article pasted in windows-1258) is decoded line by line, each
    line as UTF-8 when it can be, else as windows-1258.
    windows-1258 writes tones as combining marks, hence NFC at the end.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _nearly_utf8(raw) or _legacy(raw, charset)
    return unicodedata.normalize("NFC", text)


def _nearly_utf8(raw: bytes) -> str | None:
    decoded = lenient_utf8(raw)
    return decoded.text if decoded.replaced <= STRAY_BYTES else None


def _legacy(raw: bytes, charset: str | None) -> str:
    if charset and charset not in ("utf-8", "utf-8-sig"):
        return raw.decode(charset, errors="replace")
    return "".join(_line(line) for line in raw.splitlines(keepends=True))


def _line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode(LEGACY, errors="replace")

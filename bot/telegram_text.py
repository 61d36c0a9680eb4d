"""Telegram's limit on a message's text, measured the way Telegram measures it.

Telegram counts UTF-16 code units: a character beyond the BMP (most emoji) counts twice. The
bot measures its own HTML this way, tags included, so a message it sends is never too long.
"""

from __future__ import annotations

MESSAGE_LIMIT = 4096


def telegram_length(text: str) -> int:
    """Length as Telegram counts it (characters beyond the BMP count twice)."""
    return len(text.encode("utf-16-le")) // 2


def prefix_within(text: str, limit: int) -> str:
    """The longest start of `text` that Telegram counts as at most `limit` units."""
    if len(text) * 2 <= limit:  # quick path: even all-astral text fits
        return text
    # A pair cut in half leaves a lone high surrogate at the end: the decoder drops it.
    return text.encode("utf-16-le")[: 2 * limit].decode("utf-16-le", errors="ignore")

"""Telegram's HTML parse mode as the server applies it: validate markup, return the shown text."""

from __future__ import annotations

import html
import re

# Tags Telegram accepts in parse_mode=HTML (https://core.telegram.org/bots/api#html-style).
ALLOWED_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    }
)
MAX_TEXT = 4096
MAX_CAPTION = 1024

_TAG = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*>"
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);")
_NAMED = frozenset({"lt", "gt", "amp", "quot"})


class EntityError(ValueError):
    """The text is not valid Telegram HTML; the message is Telegram's own wording."""


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def parse_html(source: str) -> str:
    """Validate Telegram HTML and return the plain text a user would see."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "<":
            i = _tag(source, i, stack)
        elif ch == "&":
            i = _entity(source, i, out)
        else:
            out.append(ch)
            i += 1
    if stack:
        raise EntityError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)


def _tag(source: str, i: int, stack: list[str]) -> int:
    """Check the tag at `i` against the open ones; where the text goes on."""
    match = _TAG.match(source, i)
    if match is None:
        offset = len(source[:i].encode("utf-8"))
        raise EntityError(f"Unsupported start tag at byte offset {offset}")
    closing, name = match.group(1), match.group(2).lower()
    if name not in ALLOWED_TAGS:
        offset = len(source[:i].encode("utf-8"))
        raise EntityError(f'Unsupported start tag "{name}" at byte offset {offset}')
    if closing:
        if not stack or stack[-1] != name:
            raise EntityError(f'Unmatched end tag "{name}"')
        stack.pop()
    else:
        stack.append(name)
    return match.end()


def _entity(source: str, i: int, out: list[str]) -> int:
    """The character of the entity at `i` onto `out`; where the text goes on."""
    match = _ENTITY.match(source, i)
    if match is None:
        out.append("&")  # Telegram tolerates a bare ampersand
        return i + 1
    entity = match.group(0)
    if not entity.startswith("&#") and entity[1:-1] not in _NAMED:
        raise EntityError(f'Unsupported HTML entity "{entity}"')
    out.append(html.unescape(entity))
    return match.end()


def shown_text(source: str, parse_mode: str | None, *, limit: int = MAX_TEXT) -> str:
    """The text as Telegram would show it, or EntityError/ValueError with Telegram's wording."""
    if parse_mode and parse_mode.upper() == "HTML":
        try:
            text = parse_html(source)
        except EntityError as err:
            raise EntityError(f"can't parse entities: {err}") from None
    else:
        text = source
    if not text.strip():
        raise ValueError("message text is empty")
    if utf16_len(text) > limit:
        raise ValueError("message is too long")
    return text

"""Turning what a user sent into article text, or the reason it is not one."""

from __future__ import annotations

import logging
import re
import unicodedata

from bot.paste.decoding import BinaryFile, Decoded, decode_text, mostly_controls
from bot.paste.html_text import UnreadableHtml
from bot.paste.offload import run_bounded
from summarizer.input_rule import InputError, check_input, strip_invisible
from summarizer.textnorm import nfc, syllables

log = logging.getLogger(__name__)
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_HTML_START = re.compile(r"\s*<(!doctype|html)", re.IGNORECASE)
# Letters only Vietnamese uses among Latin scripts (tone/shape marks and đ).
_VIET_ONLY = re.compile(
    "[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]"
)


class NotArticle(ValueError):
    """The input is not an article; `key` names the friendly reply in bot.views.texts."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


def clean_text(raw: str) -> str:
    """NFC text without zero-width characters and control characters (newlines/tabs kept)."""
    text = strip_invisible(nfc(raw))
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs", "Co")
    )


def looks_vietnamese(text: str) -> bool:
    """Vietnamese news has diacritics on a good share of its syllables."""
    words = syllables(text)
    if not words:
        return False
    marked = sum(1 for w in words if _VIET_ONLY.search(w))
    return marked / len(words) >= 0.15


def check_article(text: str, *, max_chars: int, min_words: int) -> None:
    """Raise NotArticle unless `text` (already cleaned) can start an article.

    The summarizer's input rule first (the CLI applies the same), then Vietnamese only.
    """
    try:
        check_input(text, max_chars=max_chars, min_words=min_words)
    except InputError as exc:
        raise NotArticle(exc.key, **exc.values) from exc
    if not looks_vietnamese(text):
        raise NotArticle("not_vietnamese")


def read_bytes(raw: bytes) -> Decoded:
    """Decode a text file (see bot.paste.decoding); NotArticle('doc_binary') when it is not text."""
    try:
        return decode_text(raw)
    except BinaryFile as exc:
        raise NotArticle("doc_binary") from exc


def read_document(file_name: str | None, raw: bytes) -> Decoded:
    """The article text of an uploaded .txt/.md/.html document, with its count of bad bytes.

    A page is read as its link would be (bot.paste.html_document), so both give one digest.
    """
    # Imported here: the links' extractor itself builds on this module's checks.
    from bot.paste import html_document

    named_html = (file_name or "").lower().endswith((".html", ".htm"))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw:
        decoded = read_bytes(raw)  # UTF-16: the text-file rules decode it
        if not (named_html or _HTML_START.match(decoded.text)):
            return decoded
    else:
        # Sniffed on the first bytes alone (a page starts in ASCII), so a page is decoded once,
        # by the links' rules, and a text file once, by the text-file rules.
        head = raw[:4096].decode("utf-8", errors="ignore").removeprefix("\ufeff")
        if not (named_html or _HTML_START.match(head)):
            return read_bytes(raw)
        decoded = html_document.decode_html(raw)
        if mostly_controls(decoded.text):
            raise NotArticle("doc_binary")
    try:
        return Decoded(html_document.article_text(decoded.text), decoded.replaced)
    except UnreadableHtml as exc:
        raise NotArticle("doc_unreadable") from exc


async def read_document_within_budget(file_name: str | None, raw: bytes) -> Decoded:
    """`read_document` on its own daemon thread: a hostile file holds up neither other chats nor
    shutdown, and past the parse budget it is refused as unreadable."""
    try:
        return await run_bounded(read_document, file_name, raw)
    except TimeoutError as exc:
        log.warning("a %s-byte document was not read within the budget", len(raw))
        raise NotArticle("doc_unreadable") from exc


def strip_mention(text: str, username: str | None) -> str:
    """The text without the bot's @username (how group members address it)."""
    if not username:
        return text
    return re.sub(rf"@{re.escape(username)}\b", "", text, flags=re.IGNORECASE).strip()

"""An uploaded HTML page read the way a link's page is: one decoder, one article extractor.

A saved page and its link must give the same text, or the digests differ and history does not
recognise them as one story; so the page goes through the link's trafilatura extraction, and
its bytes through the link's charset rules (the `<meta charset>` a legacy page declares).
"""

from __future__ import annotations

import sys

from bot.links.decode import charset_of, decode_page
from bot.links.extract import extract_article
from bot.links.fetch import Page
from bot.links.guard import LinkError
from bot.paste.decoding import Decoded, stray_bytes
from bot.paste.html_text import visible_text

# Not a listing address, so the extractor judges the page by its content alone.
_SAVED_AT = "https://saved.invalid/document.html"


def decode_html(raw: bytes) -> Decoded:
    """The page's text by the links' rules: valid UTF-8, else its declared charset."""
    text = decode_page(raw, charset_of(None, raw))
    return Decoded(text, stray_bytes(raw, text))


def article_text(page: str) -> str:
    """The page's article as a link would give it; its visible text when it has none.

    bot.paste.html_text.UnreadableHtml when even the visible text cannot be read.
    """
    try:
        found = extract_article(Page(_SAVED_AT, "text/html", page), min_words=0,
                                max_chars=sys.maxsize)
    except LinkError:
        return visible_text(page)
    return found.text


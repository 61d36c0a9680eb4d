"""The one input rule, for the bot and the CLI alike: which characters a paste loses, and what
is too little or too much to be one article."""

from __future__ import annotations

import re

from summarizer.textnorm import count_words

# About 25 printed pages: anything larger is not one article (the bot's documented limit).
MAX_INPUT_CHARS = 100_000
# A few sentences: less is a chat message, not an article.
MIN_INPUT_WORDS = 25
# Zero-width characters, soft hyphens, BOMs and line separators that copy-paste drags along.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]")
_URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
_NOT_WORDS = " \n\t.,;:!?-–—()[]<>\"'"


class InputError(ValueError):
    """The input cannot be summarised; the message is safe to show to a reader.

    `key` and `values` name the reason for readers in other languages (the bot's texts).
    """

    def __init__(self, message: str, key: str = "not_article", **values: object) -> None:
        super().__init__(message)
        self.key = key
        self.values = values


def strip_invisible(text: str) -> str:
    """The text without the characters a reader cannot see."""
    return INVISIBLE.sub("", text)


def without_links(text: str) -> str:
    """The text without its web addresses (a link is not words of the article)."""
    return _URL.sub("", text)


def check_input(
    text: str, *, max_chars: int = MAX_INPUT_CHARS, min_words: int = MIN_INPUT_WORDS
) -> None:
    """Raise InputError unless `text` can be one article (the bot passes its configured limits)."""
    if "\x00" in text:
        raise InputError("input looks binary, not text", "doc_binary")
    if not text.strip():
        raise InputError("input is empty", "empty")
    if len(text) > max_chars:
        raise InputError(f"input is too large ({len(text):,} characters; limit {max_chars:,})",
                         "too_long", chars=f"{len(text):,}", limit=f"{max_chars:,}")
    if not any(ch.isalpha() for ch in text):
        raise InputError("input has no letters", "no_letters")
    words = without_links(text)
    if not words.strip(_NOT_WORDS):
        raise InputError("input is only a link", "only_url")
    if count_words(words) < min_words:
        raise InputError("input is too short to summarise", "short")

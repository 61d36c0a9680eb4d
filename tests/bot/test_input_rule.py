"""One input rule: the bot and the CLI (the summarizer) refuse and accept the same pastes."""

from __future__ import annotations

import contextlib

import pytest

from bot.paste.extract import NotArticle, check_article, clean_text
from bot.settings import Settings
from summarizer.cleaning import normalise
from summarizer.input_rule import MAX_INPUT_CHARS, MIN_INPUT_WORDS, InputError, check_input
from summarizer.pipeline import summarize

# Five original sentences of five syllables each: 25 words, the least one article may have.
SENTENCES = (
    "Phường mở hội sách mới. ",
    "Nhiều em đến đọc truyện. ",
    "Ban tổ chức tặng bút. ",
    "Cô giáo kể chuyện hay. ",
    "Chiều nay trời mưa nhẹ. ",
)
ENOUGH = "".join(SENTENCES)


def _bot_refuses(text: str) -> str | None:
    settings = Settings(token="1:x")
    try:
        check_article(clean_text(text), max_chars=settings.max_article_chars,
                      min_words=settings.min_article_words)
    except NotArticle as exc:
        return exc.key
    return None


def _cli_refuses(text: str) -> str | None:
    try:
        summarize(text)
    except InputError as exc:
        return exc.key
    return None


def test_the_least_article_is_accepted_by_the_bot_and_the_cli() -> None:
    assert MIN_INPUT_WORDS == 25
    assert _bot_refuses(ENOUGH) is None
    assert _cli_refuses(ENOUGH) is None


def test_one_word_less_is_too_short_for_both() -> None:
    short = ENOUGH.replace("mưa ", "")
    assert _bot_refuses(short) == "short"
    assert _cli_refuses(short) == "short"


@pytest.mark.parametrize("extra, refused", [(0, False), (1, True)])
def test_the_longest_article_is_the_same_for_both(extra: int, refused: bool) -> None:
    body = ENOUGH * (MAX_INPUT_CHARS // len(ENOUGH))
    text = body + "a" * (MAX_INPUT_CHARS - len(body) + extra)
    assert len(text) == MAX_INPUT_CHARS + extra
    with pytest.raises(InputError) if refused else contextlib.nullcontext():
        check_input(text)
    assert (_bot_refuses(text) == "too_long") is refused
    assert Settings(token="1:x").max_article_chars == MAX_INPUT_CHARS


def test_invisible_characters_are_dropped_alike() -> None:
    pasted = "Hội\u200b sách\u00ad mở\u2028 cửa\ufeff."
    assert clean_text(pasted) == normalise(pasted) == "Hội sách mở cửa."


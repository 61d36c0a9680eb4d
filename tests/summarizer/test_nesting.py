"""Long nests Medium: a reader pressing Long sees Medium's summary (the default) and more."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarizer.cleaning import clean_page
from summarizer.digest import Article, Length
from summarizer.engines.confidence import GAIN_FEATURES, GainModel, Linear
from summarizer.engines.extractive import ExtractiveEngine

FIXTURES = (
    "extractive_bridge.txt",
    "extractive_coffee.txt",
    "lead_decision_overpass.txt",
    "nesting_ky_co.txt",
    "nesting_bonus_delay.txt",
)
# The overpass article opens on a feature lead; its news is the second sentence.
LEAD = "Sáng 13/6, người dân phường Hòa Thọ Tây thức dậy sớm hơn mọi ngày"
NEWS = "UBND thành phố Đà Nẵng khởi công xây dựng cầu vượt"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def _article(name: str) -> Article:
    return clean_page((Path(__file__).parents[1] / "fixtures" / name).read_text("utf-8"))


def _gains(**by_length: float) -> GainModel:
    """A lead decision that expects the same gain of every choice at each length."""
    n = len(GAIN_FEATURES)
    return GainModel(
        {k: Linear((0.0,) * n, (1.0,) * n, (0.0,) * n, gain) for k, gain in by_length.items()}
    )


def _sentences(summary: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(summary) if s]


def _in_article_order(summary: str, article: Article) -> bool:
    # A trimmed sentence may start mid-sentence, capitalised.
    body = article.body.lower()
    places = [body.find(s.lower().rstrip(".")[:40]) for s in _sentences(summary)]
    return all(p >= 0 for p in places) and places == sorted(places)


@pytest.mark.parametrize("name", FIXTURES)
@pytest.mark.parametrize("gain", [None, -1.0, 1.0])
def test_long_shows_medium_and_more(name: str, gain: float | None) -> None:
    model = None if gain is None else _gains(short=gain, medium=gain, long=gain)
    engine = ExtractiveEngine(gain=model)
    article = _article(name)
    medium, long = (engine.summarize(article, n) for n in (Length.MEDIUM, Length.LONG))
    assert all(s in long for s in _sentences(medium)), (medium, long)
    assert len(long) > len(medium)
    assert _in_article_order(long, article)


def test_the_lead_medium_fell_back_to_stays_in_long() -> None:
    # Short trusts its own choice (the news), Medium falls back to the lead, Long trusts its own.
    engine = ExtractiveEngine(gain=_gains(short=1.0, medium=-1.0, long=1.0))
    article = _article("lead_decision_overpass.txt")
    short, medium, long = (engine.summarize(article, n) for n in Length)
    assert short.startswith(NEWS)
    assert medium.startswith(LEAD) and NEWS in medium
    assert long.startswith(medium.split(". ")[0])
    assert all(s in long for s in _sentences(medium))


def test_long_keeps_the_lead_that_the_shorter_lengths_passed_over() -> None:
    engine = ExtractiveEngine(gain=_gains(short=1.0, medium=1.0, long=1.0))
    article = _article("lead_decision_overpass.txt")
    short = engine.summarize(article, Length.SHORT)
    long = engine.summarize(article, Length.LONG)
    medium = engine.summarize(article, Length.MEDIUM)
    assert short.startswith(NEWS) and "thức dậy sớm" not in short
    assert long.startswith(LEAD)
    assert all(s in long for s in _sentences(medium))


def test_the_dated_news_lead_is_in_long_whatever_short_chose() -> None:
    article = _article("nesting_ky_co.txt")
    for gain in (-1.0, 1.0):
        engine = ExtractiveEngine(gain=_gains(short=gain, medium=gain, long=gain))
        long = engine.summarize(article, Length.LONG)
        assert long.startswith("Chiều 5/3, UBND tỉnh Bình Định quyết định tạm dừng thu phí")


def test_a_sentence_short_had_to_cut_is_whole_at_medium_and_long() -> None:
    engine = ExtractiveEngine()
    article = _article("nesting_one_long_sentence.txt")
    short, medium, long = (engine.summarize(article, n) for n in Length)
    assert short.endswith("…")
    assert medium.startswith(short.rstrip("…")) and medium.endswith("để trở về đất liền.")
    assert long == medium


def test_a_sentence_medium_had_to_cut_is_whole_at_long() -> None:
    engine = ExtractiveEngine()
    article = _article("nesting_one_longer_sentence.txt")
    medium, long = (engine.summarize(article, n) for n in (Length.MEDIUM, Length.LONG))
    assert medium.endswith("…")
    assert long.startswith(medium.rstrip("…")) and long.endswith("tại các huyện ven biển.")

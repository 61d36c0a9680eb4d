"""The engine falls back to the lead unless its gain model expects its own choice to beat it."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.cleaning import clean_page
from summarizer.digest import Article, Length
from summarizer.engines.confidence import GAIN_FEATURES, GainModel, Linear, default_gain_model
from summarizer.engines.extractive import ExtractiveEngine

# A feature lead ("people woke early to the diggers") before the news (the overpass's start).
LEAD = "Sáng 13/6, người dân phường Hòa Thọ Tây thức dậy sớm hơn mọi ngày"
NEWS = "UBND thành phố Đà Nẵng khởi công xây dựng cầu vượt"


def _article() -> Article:
    path = Path(__file__).parents[1] / "fixtures" / "lead_decision_overpass.txt"
    return clean_page(path.read_text("utf-8"))


def _sure(gain: float) -> GainModel:
    """A gain model that predicts the same gain for every summary of every length."""
    n = len(GAIN_FEATURES)
    flat = Linear((0.0,) * n, (1.0,) * n, (0.0,) * n, gain)
    return GainModel({length.value: flat for length in Length})


def test_the_engine_and_the_lead_disagree_on_this_article() -> None:
    choice = ExtractiveEngine().choose(_article(), Length.SHORT)
    assert choice.mine.startswith(NEWS)
    assert choice.lead is not None and choice.lead.startswith(LEAD)


def test_an_unsure_engine_gives_the_lead_sentence_with_its_date() -> None:
    summary = ExtractiveEngine(gain=_sure(-0.5)).summarize(_article(), Length.SHORT)
    assert summary.startswith(LEAD)
    assert NEWS not in summary


def test_a_confident_engine_gives_its_own_choice() -> None:
    summary = ExtractiveEngine(gain=_sure(2.0)).summarize(_article(), Length.SHORT)
    assert summary.startswith(NEWS)
    assert "thức dậy sớm" not in summary


def test_a_length_the_model_does_not_know_falls_back_to_the_lead() -> None:
    engine = ExtractiveEngine(gain=GainModel({}))
    assert engine.summarize(_article(), Length.SHORT).startswith(LEAD)


def test_the_packaged_model_covers_every_length_and_expects_more_from_a_better_choice() -> None:
    model = default_gain_model()
    article = _article()
    for length in Length:
        features = list(ExtractiveEngine().choose(article, length).features)
        # A choice the scorer rates much higher than the lead is expected to gain more.
        better = list(features)
        better[GAIN_FEATURES.index("expected_mine")] += 0.1
        better[GAIN_FEATURES.index("expected_gain")] += 0.1
        assert model.gain(length.value, better) > model.gain(length.value, features)


def test_weights_for_another_feature_set_are_refused() -> None:
    with pytest.raises(ValueError, match="different feature set"):
        GainModel.from_json({"features": ["expected_gain"], "lengths": {}})

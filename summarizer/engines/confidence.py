"""Whether the engine's choice beats the lead: a learned estimate of its ROUGE gain.

The model (`summarizer/data/lead_gain.json`, made by `scripts/train_gain.py`) is a ridge
regression per length from what the engine knows of both options to the ROUGE-1 gain, on the
title line plus the summary, of its choice over the lead's sentences. It was fitted on
summaries of articles the scorer that chose them never saw, so it learns how far to trust the
scorer on news it did not train on.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from summarizer.engines.greedy import Goal, Scored, expected_f1

GAIN_FEATURES = (
    "expected_mine",
    "expected_lead",
    "expected_gain",
    "overlap",
    "has_lead",
    "first_index",
    "mine_fill",
    "lead_fill",
    "mine_title",
    "lead_title",
    "mine_precision",
    "lead_precision",
    "sentences",
    "title_words",
)


@dataclass(frozen=True)
class Linear:
    """Standardised features, weights and a bias: the predicted gain in ROUGE-1 points."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def __call__(self, row: Sequence[float]) -> float:
        """The prediction for one feature row."""
        return self.bias + sum(
            w * (x - m) / s
            for w, x, m, s in zip(self.weights, row, self.mean, self.scale, strict=True)
        )


@dataclass(frozen=True)
class GainModel:
    """Predicted ROUGE-1 gain of the engine's choice over the lead, per summary length."""

    by_length: dict[str, Linear]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> GainModel:
        """Build from the training script's output; refuses a file for other features."""
        if tuple(data["features"]) != GAIN_FEATURES:
            raise ValueError("lead-gain weights were trained for a different feature set")
        return cls(
            {
                length: Linear(
                    tuple(m["mean"]), tuple(m["scale"]), tuple(m["weights"]), float(m["bias"])
                )
                for length, m in data["lengths"].items()
            }
        )

    def gain(self, length: str, row: Sequence[float]) -> float:
        """Expected gain of the choice over the lead (0 for a length the model lacks)."""
        model = self.by_length.get(length)
        return model(row) if model is not None else 0.0


@lru_cache(maxsize=1)
def default_gain_model() -> GainModel:
    """The packaged model, loaded once on first use."""
    raw = resources.files("summarizer").joinpath("data", "lead_gain.json").read_text("utf-8")
    return GainModel.from_json(json.loads(raw))


def gain_features(
    mine: Sequence[Scored], lead: Sequence[Scored], goal: Goal, sentences: int
) -> tuple[float, ...]:
    """What the lead decision reads, in GAIN_FEATURES order."""
    mine_tokens = [t for s in mine for t in s.unit.tokens]
    lead_tokens = [t for s in lead for t in s.unit.tokens]
    lead_set = set(lead_tokens)
    expected_mine = expected_f1(mine, goal)
    expected_lead = expected_f1(lead, goal)
    return (
        expected_mine,
        expected_lead,
        expected_mine - expected_lead,
        sum(t in lead_set for t in mine_tokens) / max(1, len(mine_tokens)),
        float(any(s.unit.index == 0 for s in mine)),
        math.log1p(min((s.unit.index for s in mine), default=0)),
        len(mine_tokens) / goal.target,
        len(lead_tokens) / goal.target,
        goal.ctx.title_recall(mine_tokens),
        goal.ctx.title_recall(lead_tokens),
        _precision(mine),
        _precision(lead),
        math.log(max(1, sentences)),
        goal.title_words / 10,
    )


def _precision(picked: Sequence[Scored]) -> float:
    """Mean predicted precision of the picked units, weighted by their length."""
    size = sum(len(s.unit.tokens) for s in picked)
    return sum(s.precision * len(s.unit.tokens) for s in picked) / size if size else 0.0

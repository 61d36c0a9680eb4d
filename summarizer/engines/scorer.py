"""The learned unit scorer: a linear model shipped as `summarizer/data/scorer.json`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from summarizer.engines.features import FEATURES, TOKEN_FEATURES


@dataclass(frozen=True)
class Scorer:
    """Predicts the share of a unit's syllables that a reference summary would use."""

    weights: tuple[float, ...]
    token_weights: tuple[float, ...]
    idf: dict[str, float]
    default_idf: float
    title_precision: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Scorer:
        """Build from the training script's output; refuses a file for other features."""
        if tuple(data["features"]) != FEATURES or tuple(data["token_features"]) != TOKEN_FEATURES:
            raise ValueError("scorer weights were trained for a different feature set")
        return cls(
            weights=tuple(float(w) for w in data["weights"]),
            token_weights=tuple(float(w) for w in data["token_weights"]),
            idf={k: float(v) for k, v in data["idf"].items()},
            default_idf=float(data["default_idf"]),
            title_precision=float(data["title_precision"]),
        )

    def predict(self, features: Sequence[float]) -> float:
        """Predicted precision of the unit, clipped to a sane range."""
        value = sum(w * x for w, x in zip(self.weights, features, strict=True))
        return min(0.95, max(0.01, value))


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    """The packaged scorer, loaded once on first use."""
    raw = resources.files("summarizer").joinpath("data", "scorer.json").read_text("utf-8")
    return Scorer.from_json(json.loads(raw))

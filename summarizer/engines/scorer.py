"""The learned unit scorer: small MLPs (averaged) shipped as `summarizer/data/scorer.json`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from summarizer.engines.features import FEATURES, TOKEN_FEATURES


@dataclass(frozen=True, eq=False)
class Mlp:
    """One hidden tanh layer over standardised features."""

    mean: np.ndarray
    scale: np.ndarray
    hidden_weights: np.ndarray
    hidden_bias: np.ndarray
    out_weights: np.ndarray
    out_bias: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Mlp:
        """Build from one entry of the weights file's `mlp` list."""
        return cls(
            mean=np.array(data["mean"], dtype=np.float64),
            scale=np.array(data["scale"], dtype=np.float64),
            hidden_weights=np.array(data["w1"], dtype=np.float64),
            hidden_bias=np.array(data["b1"], dtype=np.float64),
            out_weights=np.array(data["w2"], dtype=np.float64),
            out_bias=float(data["b2"]),
        )

    def __call__(self, rows: np.ndarray) -> np.ndarray:
        """One output per row."""
        z = (rows - self.mean) / self.scale
        result: np.ndarray = np.tanh(z @ self.hidden_weights.T + self.hidden_bias)
        return result @ self.out_weights + self.out_bias


@dataclass(frozen=True, eq=False)
class Scorer:
    """Predicts the share of a unit's syllables that a reference summary would use."""

    mlps: tuple[Mlp, ...]
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
            mlps=tuple(Mlp.from_json(m) for m in data["mlp"]),
            token_weights=tuple(float(w) for w in data["token_weights"]),
            idf={k: float(v) for k, v in data["idf"].items()},
            default_idf=float(data["default_idf"]),
            title_precision=float(data["title_precision"]),
        )

    def predict(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """Predicted precision of each unit (one feature row each), clipped to a sane range."""
        if not rows:
            return []
        matrix = np.asarray(rows, dtype=np.float64)
        values = sum(mlp(matrix) for mlp in self.mlps) / len(self.mlps)
        return [float(v) for v in np.clip(values, 0.01, 0.95)]


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    """The packaged scorer, loaded once on first use."""
    raw = resources.files("summarizer").joinpath("data", "scorer.json").read_text("utf-8")
    return Scorer.from_json(json.loads(raw))

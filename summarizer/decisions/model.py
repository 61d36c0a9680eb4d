"""The learned decision model: logistic regression weights in `summarizer/data/`, read once."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent.parent / "data" / "decisions_model.json"


@dataclass(frozen=True)
class Model:
    """Feature weights and the probability a unit needs to count as a decision."""

    weights: dict[str, float]
    threshold: float

    def probability(self, features: list[str]) -> float:
        """Probability that a unit with these features reports a decision."""
        score = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def from_json(data: dict[str, object]) -> Model:
    """A model from its JSON form (plain numbers: no code is loaded)."""
    weights = data["weights"]
    threshold = data["threshold"]
    if not isinstance(weights, dict) or not isinstance(threshold, int | float):
        raise ValueError("not a decisions model: weights and threshold expected")
    return Model({str(k): float(v) for k, v in weights.items()}, threshold)


@cache
def load(path: Path = MODEL_FILE) -> Model:
    """The shipped model (read on first use, then kept)."""
    return from_json(json.loads(path.read_text(encoding="utf-8")))

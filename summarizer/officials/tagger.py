"""The learned tagger: PER (a name), POSR (a position of the name after it), POSL (of the name
before it) over a paragraph's tokens; weights in `summarizer/data/officials.crf`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from underthesea_core import CRFTagger

from summarizer.officials.features import paragraph_features
from summarizer.officials.tokens import Token

MODEL = Path(__file__).resolve().parents[1] / "data" / "officials.crf"


@dataclass(frozen=True)
class Span:
    """Tokens [start, end) of one tagged name or position."""

    kind: str
    start: int
    end: int


@cache
def _tagger() -> CRFTagger:
    """The CRF, read once per process, on first use."""
    tagger = CRFTagger()
    tagger.load(str(MODEL))
    return tagger


def spans(labels: list[str]) -> list[Span]:
    """BIO labels read as spans (an I- without its B- opens a span too)."""
    out: list[Span] = []
    for i, label in enumerate(labels):
        kind = label[2:]
        if label == "O":
            continue
        if label.startswith("I-") and out and out[-1].kind == kind and out[-1].end == i:
            out[-1] = Span(kind, out[-1].start, i + 1)
        else:
            out.append(Span(kind, i, i + 1))
    return out


def tag(tokens: list[Token]) -> tuple[list[Span], list[float]]:
    """Names and positions in one paragraph, and each token's odds of being part of a name."""
    if not tokens:
        return [], []
    tagger, features = _tagger(), paragraph_features(tokens)
    names = [i for i, label in enumerate(tagger.labels()) if label.endswith("PER")]
    odds = [sum(row[i] for i in names) for row in tagger.marginals(features)]
    return spans(list(tagger.tag(features))), odds

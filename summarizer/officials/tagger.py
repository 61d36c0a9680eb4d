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


_model = [MODEL]


@cache
def _tagger() -> CRFTagger:
    """The CRF, read once per process, on first use."""
    tagger = CRFTagger()
    tagger.load(str(_model[0]))
    return tagger


def use_model(path: Path) -> None:
    """Tag with the weights at `path` from now on (cross-validation trains one per fold)."""
    _model[0] = path
    _tagger.cache_clear()


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


class Tagged:
    """A paragraph's spans, and each token's chance of being part of a name (on demand)."""

    def __init__(self, features: list[list[str]]) -> None:
        self._features = features
        self.spans = spans(list(_tagger().tag(features))) if features else []
        self._rows: list[list[float]] = []
        self._odds: dict[str, list[float]] = {}

    def _marginals(self, kind: str) -> list[float]:
        """Marginal probability of `kind` (B- or I-) at each token (computed once, when asked)."""
        if kind not in self._odds:
            tagger = _tagger()
            if not self._odds and self._features:
                self._rows = tagger.marginals(self._features)
            wanted = [i for i, label in enumerate(tagger.labels()) if label[2:] == kind]
            self._odds[kind] = [sum(row[i] for i in wanted) for row in self._rows]
        return self._odds[kind]

    def odds(self) -> list[float]:
        """Marginal probability of PER at each token."""
        return self._marginals("PER")

    def position_odds(self) -> tuple[list[float], list[float]]:
        """Marginal probability of a position of the name after (POSR) / before (POSL)."""
        return self._marginals("POSR"), self._marginals("POSL")


def tag(tokens: list[Token]) -> Tagged:
    """Names and positions in one paragraph."""
    return Tagged(paragraph_features(tokens) if tokens else [])

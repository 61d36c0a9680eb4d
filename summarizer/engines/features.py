"""Features of candidate summary units (sentences and their trimmed variants)."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from summarizer.engines.compress import OPS
from summarizer.textnorm import fold_tones

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_STOP_IDF = 1.5

FEATURES: tuple[str, ...] = (
    "bias",
    "first",
    "second",
    "third",
    "inv_pos",
    "rel_pos",
    "len",
    "len_sq",
    "short",
    "title_recall",
    "title_precision",
    "title_bigram_recall",
    "title_idf_recall",
    "title_content_precision",
    "doc_freq",
    "centroid_cos",
    "mean_idf",
    "stop_frac",
    "digit_frac",
    "upper_frac",
    "quote",
    "starts_quote",
    "colon",
    "question",
    "kept_frac",
    "new_vs_title",
    *(f"op_{op}" for op in OPS),
)


def tokens(text: str) -> list[str]:
    """Matching tokens: folded, lower-case syllables."""
    return _TOKEN.findall(fold_tones(text))


@dataclass(frozen=True)
class Unit:
    """A candidate piece of summary: (a trimmed variant of) sentence `index`."""

    index: int
    text: str
    tokens: tuple[str, ...]
    ops: frozenset[str]
    full_length: int


class ArticleContext:
    """Per-article statistics shared by every unit's features."""

    def __init__(
        self,
        title: str,
        sentences: Sequence[Sequence[str]],
        idf: Mapping[str, float],
        default_idf: float,
    ) -> None:
        self.idf = idf
        self.default_idf = default_idf
        self.title = tokens(title)
        self.title_set = frozenset(self.title)
        self.title_bigrams = frozenset(zip(self.title, self.title[1:], strict=False))
        self.title_idf = sum(self.weight(t) for t in self.title_set) or 1.0
        self.n_sentences = max(1, len(sentences))
        self.doc_counts: Counter[str] = Counter(t for s in sentences for t in set(s))
        centroid: Counter[str] = Counter()
        for s in sentences:
            for t in s:
                centroid[t] += self.weight(t)
        self.centroid = centroid
        self.centroid_norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0

    def weight(self, token: str) -> float:
        """Inverse document frequency of a token (rare words weigh more)."""
        return self.idf.get(token, self.default_idf)


def unit_features(unit: Unit, ctx: ArticleContext) -> list[float]:
    """The feature vector of one unit, in FEATURES order."""
    toks = unit.tokens
    n = len(toks) or 1
    types = set(toks)
    pos = unit.index
    weights = [ctx.weight(t) for t in toks]
    in_title = [t in ctx.title_set for t in toks]
    shared = types & ctx.title_set
    content = [w > _STOP_IDF for w in weights]
    n_content = sum(content) or 1
    bigrams = set(itertools.pairwise(toks))
    vector: Counter[str] = Counter()
    for t, w in zip(toks, weights, strict=True):
        vector[t] += w
    dot = sum(v * ctx.centroid[t] for t, v in vector.items())
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    text = unit.text
    values = [
        1.0,
        float(pos == 0),
        float(pos == 1),
        float(pos == 2),
        1.0 / (pos + 1),
        pos / ctx.n_sentences,
        n / 30.0,
        (n / 30.0) ** 2,
        float(n < 8),
        len(shared) / (len(ctx.title_set) or 1),
        sum(in_title) / n,
        len(bigrams & ctx.title_bigrams) / (len(ctx.title_bigrams) or 1),
        sum(ctx.weight(t) for t in shared) / ctx.title_idf,
        sum(1 for t, c in zip(toks, content, strict=True) if c and t in ctx.title_set) / n_content,
        sum(math.log(ctx.doc_counts[t]) for t in types if ctx.doc_counts[t]) / (len(types) or 1),
        dot / (norm * ctx.centroid_norm),
        sum(weights) / n,
        1.0 - sum(content) / n,
        sum(1 for t in toks if t[0].isdigit()) / n,
        sum(1 for w in text.split() if w[:1].isupper()) / n,
        float('"' in text or "“" in text),
        float(text[:1] in '"“'),
        float(":" in text),
        float(text.rstrip()[-1:] == "?"),
        n / (unit.full_length or 1),
        sum(1 for c, t in zip(content, in_title, strict=True) if c and not t) / n,
    ]
    values.extend(float(op in unit.ops) for op in OPS)
    return values

"""Features of candidate summary units (sentences and their trimmed variants)."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarizer.engines.compress import OPS
from summarizer.textnorm import fold_tones, nfc, syllables

_WORD = re.compile(r"\w+", re.UNICODE)
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
    "token_prob",
    "token_prob_types",
    "para_first",
    "para_inv",
    "connective",
    *(f"op_{op}" for op in OPS),
)

# Features of one distinct syllable of the article, for the token model (logistic regression
# predicting whether a reference summary uses the syllable beyond the title's own words).
TOKEN_FEATURES: tuple[str, ...] = (
    "bias",
    "in_title",
    "title_count",
    "log_doc_count",
    "log_lead_count",
    "first_pos",
    "first_in_lead",
    "idf",
    "stop",
    "digit",
    "title_x_doc",
    "idf_x_doc",
    "lead_x_idf",
)
_LEAD_SENTENCES = 3
# Openings that lean on what came before: such a sentence rarely stands alone in a summary.
_CONNECTIVE = re.compile(
    r"^(?:tuy nhiên|trong khi đó|ngoài ra|bên cạnh đó|theo đó|do đó|vì vậy|vì thế|đồng thời|"
    r"còn|họ|đây|điều này|việc này|nó|cũng|thế nhưng|nhưng|song|mặt khác|trước đó|sau đó|"
    r"khi đó|lúc đó|tuy vậy|dù vậy|hơn nữa|thậm chí|ngoài|cùng với đó|vụ việc|sự việc)\b",
    re.IGNORECASE,
)


def paragraph_index(paragraphs: Sequence[str], sentences: Sequence[str]) -> list[int]:
    """The paragraph each sentence comes from (sentences are in paragraph order)."""
    squeezed = [" ".join(p.split()) for p in paragraphs]
    out: list[int] = []
    current, offset = 0, 0
    for sentence in sentences:
        probe = " ".join(sentence.split())[:24]
        for p in range(current, len(squeezed)):
            found = squeezed[p].find(probe, offset if p == current else 0)
            if found >= 0:
                current, offset = p, found + len(probe)
                break
        out.append(current)
    return out


def tokens(text: str) -> list[str]:
    """Matching tokens: syllables of the folded, lower-case text (as the scorer was trained)."""
    return [piece for word in _WORD.findall(nfc(text).lower()) for piece in _folded(word)]


@lru_cache(maxsize=1 << 16)
def _folded(word: str) -> tuple[str, ...]:
    # Folding is the costly step and news text reuses a few thousand words.
    return tuple(syllables(fold_tones(word)))


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
        token_weights: Sequence[float] = (),
        paragraphs: Sequence[int] = (),
    ) -> None:
        self.idf = idf
        self.default_idf = default_idf
        self.title = tokens(title)
        self.title_set = frozenset(self.title)
        self.title_bigrams = frozenset(zip(self.title, self.title[1:], strict=False))
        self.title_idf = sum(self.weight(t) for t in self.title_set) or 1.0
        self.n_sentences = max(1, len(sentences))
        self.doc_counts: Counter[str] = Counter(t for s in sentences for t in set(s))
        centroid: dict[str, float] = {}
        for s in sentences:
            for t in s:
                centroid[t] = centroid.get(t, 0.0) + self.weight(t)
        self.centroid = centroid
        self.centroid_norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
        self.paragraphs = list(paragraphs) or list(range(len(sentences)))
        self.title_counts = Counter(self.title)
        self.lead_counts: Counter[str] = Counter(t for s in sentences[:_LEAD_SENTENCES] for t in s)
        first: dict[str, int] = {}
        for i, s in enumerate(sentences):
            for t in s:
                first.setdefault(t, i)
        self.first_seen = first
        self.token_prob: dict[str, float] = {}
        if token_weights:
            for token, row in self.token_rows().items():
                z = sum(w * x for w, x in zip(token_weights, row, strict=True))
                self.token_prob[token] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def token_rows(self) -> dict[str, list[float]]:
        """TOKEN_FEATURES of every distinct syllable in the body."""
        rows: dict[str, list[float]] = {}
        for token, first in self.first_seen.items():
            idf = self.weight(token) / 10.0
            doc = math.log1p(self.doc_counts[token])
            lead = math.log1p(self.lead_counts[token])
            in_title = float(token in self.title_set)
            rows[token] = [
                1.0,
                in_title,
                float(self.title_counts[token]),
                doc,
                lead,
                first / self.n_sentences,
                float(first < _LEAD_SENTENCES),
                idf,
                float(idf < _STOP_IDF / 10.0),
                float(token[0].isdigit()),
                in_title * doc,
                idf * doc,
                lead * idf,
            ]
        return rows

    def title_recall(self, unit_tokens: Sequence[str], content_only: bool = False) -> float:
        """IDF-weighted share of the title's words (or only its content words) in a unit."""
        words = set(unit_tokens)
        title = [t for t in self.title_set if not content_only or self.weight(t) > _STOP_IDF]
        total = sum(self.weight(t) for t in title)
        return sum(self.weight(t) for t in title if t in words) / total if total else 0.0

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
    vector: dict[str, float] = {}
    for t, w in zip(toks, weights, strict=True):
        vector[t] = vector.get(t, 0.0) + w
    dot = sum(v * ctx.centroid.get(t, 0.0) for t, v in vector.items())
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
        sum(ctx.token_prob.get(t, 0.0) for t in toks) / n,
        sum(ctx.token_prob.get(t, 0.0) for t in types) / n,
        float(pos == 0 or ctx.paragraphs[pos] != ctx.paragraphs[pos - 1]),
        1.0 / (ctx.paragraphs[pos] + 1),
        float(bool(_CONNECTIVE.match(text))),
    ]
    values.extend(float(op in unit.ops) for op in OPS)
    return values

"""Fitting the extractive engine's unit scorer: labels, the token model and the unit MLPs.

Used by scripts/train_scorer.py (the shipped weights) and scripts/train_gain.py (a scorer per
fold, so the lead decision learns from summaries of articles their scorer never saw).
"""

from __future__ import annotations

import math
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.cleaning import clean_page
from summarizer.digest import Article
from summarizer.engines.compress import variants
from summarizer.engines.features import (
    FEATURES,
    TOKEN_FEATURES,
    ArticleContext,
    Unit,
    paragraph_index,
    tokens,
    unit_features,
)
from summarizer.textnorm import count_words

MAX_SENTENCES = 40
MIN_DF = 5


def idf_table(rows: list[dict[str, str]]) -> tuple[dict[str, float], float]:
    """Syllable IDF over the training articles; rare syllables share one default value."""
    df: Counter[str] = Counter()
    for row in rows:
        df.update(set(tokens(row["text"])))
    n = len(rows)
    # Sorted: a set's order changes with the hash seed, the weights file must not.
    table = {t: round(math.log(n / c), 3) for t, c in sorted(df.items()) if c >= MIN_DF}
    return table, round(math.log(n / 2), 3)


Parts = tuple[Article, list[str], Counter[str], Counter[str]]


def parts_of(row: dict[str, str]) -> Parts:
    """The cleaned article, its scored sentences, and reference and title syllable counts."""
    article = clean_page(row["text"])
    sentences = [s for s in article.sentences[:MAX_SENTENCES] if count_words(s)]
    ref = Counter(tokens(row["reference"]))
    title = Counter(tokens(article.title))
    return article, sentences, ref, title


def token_examples(
    parts: Parts, idf: dict[str, float], default_idf: float
) -> tuple[list[list[float]], list[float]]:
    """Token-model features and labels (used by the reference beyond the title) of one article."""
    article, sentences, ref, title = parts
    beyond_title = ref - title
    ctx = ArticleContext(article.title, [tokens(s) for s in sentences], idf, default_idf)
    rows = ctx.token_rows()
    return list(rows.values()), [float(beyond_title[t] > 0) for t in rows]


def fit_logistic(xs: np.ndarray, ys: np.ndarray, ridge: float = 1.0) -> np.ndarray:
    """L2-regularised logistic regression by Newton's method (few features, many rows)."""
    beta = np.zeros(xs.shape[1])
    penalty = ridge * np.eye(xs.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-np.clip(xs @ beta, -30, 30)))
        grad = xs.T @ (p - ys) + penalty @ beta
        hess = (xs * (p * (1 - p))[:, None]).T @ xs + penalty
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return beta


def examples(
    parts: Parts,
    idf: dict[str, float],
    default_idf: float,
    token_weights: list[float],
    label: str = "mixed",
) -> tuple[list[list[float]], list[float], list[float], float]:
    """Features, targets and sample weights of one article's units; and its title precision."""
    article, sentences, ref, title = parts
    ctx = ArticleContext(
        article.title,
        [tokens(s) for s in sentences],
        idf,
        default_idf,
        token_weights,
        paragraph_index(article.paragraphs, sentences),
    )
    xs: list[list[float]] = []
    ys: list[float] = []
    ws: list[float] = []
    for index, sentence in enumerate(sentences):
        full = count_words(sentence)
        for variant in variants(sentence):
            toks = tuple(tokens(variant.text))
            if not toks:
                continue
            unit = Unit(index, variant.text, toks, variant.ops, full)
            target = _label(Counter(toks), ref, title, label)
            if target is None:
                continue
            xs.append(unit_features(unit, ctx))
            ys.append(target)
            ws.append(math.sqrt(len(toks)))
    title_overlap = sum((title & ref).values()) / max(1, sum(title.values()))
    return xs, ys, ws, title_overlap


def _label(
    counts: Counter[str], ref: Counter[str], title: Counter[str], label: str
) -> float | None:
    """The unit's training target (None: nothing to learn from it)."""
    beyond = ref - title
    if label == "fresh":
        # What the reader gains below the title: the unit's words the title lacks, and the
        # share of them the reference uses beyond the title's own words (the engine multiplies
        # this by the unit's fresh words).
        fresh = Counter({t: c for t, c in counts.items() if t not in title})
        size = sum(fresh.values())
        return sum((fresh & beyond).values()) / size if size else None
    # Halfway between "used by the reference" and "used beyond the title": the title
    # steers the choice, yet a unit that only repeats it earns less.
    overlap = 0.5 * sum((counts & ref).values()) + 0.5 * sum((counts & beyond).values())
    return overlap / sum(counts.values())


def fit_mlp(
    xs: np.ndarray, ys: np.ndarray, ws: np.ndarray, hidden: int, epochs: int, seed: int
) -> dict[str, Any]:
    """A one-hidden-layer tanh MLP regressing unit precision (weighted MSE, Adam)."""
    import torch  # training only: inference needs nothing but numpy

    torch.manual_seed(seed)
    mean = xs.mean(axis=0)
    spread = xs.std(axis=0)
    scale = np.where(spread < 1e-4, 1.0, spread)
    z = torch.tensor((xs - mean) / scale, dtype=torch.float32)
    y = torch.tensor(ys, dtype=torch.float32)
    w = torch.tensor(ws, dtype=torch.float32)
    net = torch.nn.Sequential(
        torch.nn.Linear(z.shape[1], hidden), torch.nn.Tanh(), torch.nn.Linear(hidden, 1)
    )
    optimiser = torch.optim.Adam(net.parameters(), lr=3e-3, weight_decay=1e-5)
    for epoch in range(epochs):
        order = torch.randperm(len(z))
        total = 0.0
        for start in range(0, len(z), 512):
            batch = order[start : start + 512]
            loss = (w[batch] * (net(z[batch]).squeeze(1) - y[batch]) ** 2).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            total += float(loss.detach()) * len(batch)
        print(f"  epoch {epoch + 1}: weighted MSE {total / len(z):.4f}")

    def rounded(t: Any) -> Any:
        return np.round(t.detach().numpy().astype(np.float64), 5).tolist()

    first: Any = net[0]
    last: Any = net[2]
    return {
        "mean": np.round(mean, 5).tolist(),
        "scale": np.round(scale, 5).tolist(),
        "w1": rounded(first.weight),
        "b1": rounded(first.bias),
        "w2": rounded(last.weight[0]),
        "b2": round(float(last.bias[0].detach()), 5),
    }


def fit_scorer(
    pool: list[dict[str, str]],
    hidden: int = 48,
    epochs: int = 10,
    ensemble: int = 3,
    seed: int = 13,
    label: str = "mixed",
) -> dict[str, Any]:
    """The weights file's content for a scorer fitted on `pool` (deterministic for a seed)."""
    idf, default_idf = idf_table(pool)
    print(f"{len(pool)} articles, {len(idf)} syllables in the IDF table")
    # Each article is cleaned once; both passes below read the same parts.
    pool_parts = [parts_of(row) for row in pool]
    txs: list[list[float]] = []
    tys: list[float] = []
    for parts in pool_parts:
        x, y = token_examples(parts, idf, default_idf)
        txs.extend(x)
        tys.extend(y)
    token_weights = [float(w) for w in fit_logistic(np.array(txs), np.array(tys))]
    print(f"token model on {len(txs)} syllables:")
    for name, tw in zip(TOKEN_FEATURES, token_weights, strict=True):
        print(f"  {name:24s} {tw:+.4f}")
    xs: list[list[float]] = []
    ys: list[float] = []
    ws: list[float] = []
    title_precisions: list[float] = []
    for parts in pool_parts:
        x, y, w, tp = examples(parts, idf, default_idf, token_weights, label)
        xs.extend(x)
        ys.extend(y)
        ws.extend(w)
        title_precisions.append(tp)
    print(f"{len(xs)} units from {len(pool)} articles")
    x_all, y_all, w_all = np.array(xs), np.array(ys), np.array(ws)
    mlps = [fit_mlp(x_all, y_all, w_all, hidden, epochs, seed + k) for k in range(ensemble)]
    return {
        "version": 1,
        "features": list(FEATURES),
        "mlp": mlps,
        "token_features": list(TOKEN_FEATURES),
        "token_weights": [round(w, 6) for w in token_weights],
        "title_precision": round(statistics.mean(title_precisions), 4),
        "default_idf": default_idf,
        "idf": idf,
    }

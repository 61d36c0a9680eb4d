"""Train the decision model (logistic regression over units) on the annotated set's `tune` split.

Usage: PYTHONPATH=. python scripts/train_decisions.py \
           --dataset ../shared/data/annotated-train.jsonl --out summarizer/data/decisions_model.json

A unit (a sentence, or an independent clause of one) is a positive example when a gold decision
of its article matches it best by the annotation guideline's rule (longest common syllable run
covering half the shorter). Regularisation and the decision threshold are chosen by 5-fold
cross-validation grouped by article, on `tune` only; `check` is never read. Deterministic (lbfgs,
fixed seed, no shuffling): the same data gives the same file byte for byte. Needs scikit-learn
(training only; the product reads the JSON weights).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.annotated import DEFAULT_DATASET, decision_text, load, longest_common_run
from summarizer.cleaning import clean_page
from summarizer.decisions.context import article_features
from summarizer.decisions.mentions import mentions
from summarizer.decisions.model import MODEL_FILE
from summarizer.decisions.quotes import speakers
from summarizer.decisions.units import Unit, tokenize, units
from summarizer.officials import extract_officials

SEED = 11
C_GRID = (0.03, 0.05, 0.1, 0.2, 0.3)
THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(11))
MIN_COUNT = 2


def _labels(found: list[Unit], gold: list[str]) -> list[int]:
    """1 for the unit each gold decision matches best (one unit per decision), -1 for another
    unit it matches too (a restatement: neither example), else 0."""
    labels = [0] * len(found)
    for item in gold:
        tokens = units_tokens(item)
        best, best_run = None, 0
        for i, unit in enumerate(found):
            run = longest_common_run(unit.tokens, tokens)
            if run * 2 >= min(len(unit.tokens), len(tokens)):
                labels[i] = labels[i] or -1
                if run > best_run:
                    best, best_run = i, run
        if best is not None:
            labels[best] = 1
    return labels


def units_tokens(text: str) -> list[str]:
    """A gold text's folded syllables, as units have them."""
    return tokenize(text)[0]


def examples(rows: list[dict]) -> tuple[list[list[str]], list[int], list[int]]:
    """Features, labels and article index of every unit of the rows but restatements."""
    feats, labels, groups = [], [], []
    for number, row in enumerate(rows):
        article = clean_page(row["text"])
        officials = extract_officials(article)
        found = units(article)
        named = [mentions(u, officials) for u in found]
        own = article_features(found, named, speakers(found, named, officials))
        marks = _labels(found, [decision_text(d) for d in row["decisions"]])
        # The guideline annotates a restated decision once: its other statements teach nothing.
        kept = [i for i, mark in enumerate(marks) if mark >= 0]
        feats += [own[i] for i in kept]
        labels += [marks[i] for i in kept]
        groups += [number] * len(kept)
    return feats, labels, groups


def _f1(y: np.ndarray, p: np.ndarray, threshold: float) -> float:
    predicted = p >= threshold
    tp = int(np.sum(predicted & (y == 1)))
    return 2 * tp / (int(predicted.sum()) + int(y.sum())) if tp else 0.0


def choose(x, y: np.ndarray, groups: list[int]) -> tuple[float, float, float]:
    """(C, threshold, cross-validated unit F1) with the best F1 over the grid."""
    best = (C_GRID[0], 0.5, -1.0)
    for c in C_GRID:
        p = np.zeros(len(y))
        for train, test in GroupKFold(n_splits=5).split(x, y, groups):
            fitted = _fit(x[train], y[train], c)
            p[test] = fitted.predict_proba(x[test])[:, 1]
        for threshold in THRESHOLDS:
            f1 = _f1(y, p, threshold)
            if f1 > best[2]:
                best = (c, threshold, f1)
    return best


def _fit(x, y: np.ndarray, c: float) -> LogisticRegression:
    model = LogisticRegression(C=c, solver="lbfgs", random_state=SEED, max_iter=2000)
    return model.fit(x, y)


def train(rows: list[dict]) -> dict:
    """The model's JSON form, trained on the rows."""
    feats, labels, groups = examples(rows)
    counts = Counter(f for fs in feats for f in set(fs))
    kept = [{f: 1 for f in fs if counts[f] >= MIN_COUNT} for fs in feats]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(kept)
    y = np.array(labels)
    c, threshold, f1 = choose(x, y, groups)
    fitted = _fit(x, y, c)
    names = vectorizer.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, fitted.coef_[0], strict=True)}
    weights = {n: w for n, w in weights.items() if abs(w) >= 1e-3}
    weights["bias"] = round(weights.get("bias", 0.0) + float(fitted.intercept_[0]), 4)
    print(
        f"units {len(y)}, positive {int(y.sum())}, features {len(weights)}; "
        f"C {c}, threshold {threshold}, cross-validated unit F1 {f1:.3f}"
    )
    return {"threshold": threshold, "c": c, "cv_f1": round(f1, 4), "weights": weights}


def main(argv: list[str] | None = None) -> int:
    """Train on the `tune` split (or its first --sample articles) and write the JSON model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--sample", type=int, default=0, help="only the first N tune articles")
    args = parser.parse_args(argv)
    rows = [r for r in load(args.dataset) if r.get("split") == "tune"]
    if args.sample:
        rows = rows[: args.sample]
    model = train(rows)
    text = json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0)
    args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

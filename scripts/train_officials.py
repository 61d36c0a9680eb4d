"""Train the officials tagger (a CRF over tokens) on the annotated set's `tune` split.

Usage: PYTHONPATH=. python scripts/train_officials.py \
           --data ../shared/data/annotated-train.jsonl --out summarizer/data/officials.crf

Labels come from the article-level annotations by distant supervision
(`summarizer.officials.labels`): every written form of an official's name is a PER span, the
title written just before or after it a POSR / POSL span. L-BFGS training has no randomness; the
article order is fixed by a seeded shuffle, so the same data gives the same weights.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from underthesea_core import CRFTrainer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.annotated import RULES_REF, load, predict_at
from summarizer.cleaning import clean_page
from summarizer.officials.features import paragraph_features
from summarizer.officials.labels import label_paragraph

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SEED = 11
MIN_COUNT = 3


def sequences(rows: list[dict], split: str | None) -> tuple[list[list[list[str]]], list[list[str]]]:
    """Features and labels of every paragraph (title included) of the rows of one split."""
    xs: list[list[list[str]]] = []
    ys: list[list[str]] = []
    for row in rows:
        if split and row.get("split", split) != split:
            continue
        article = clean_page(row["text"])
        gold = [(o["name"], o["titles"]) for o in row["officials"]]
        for paragraph in (article.title, *article.paragraphs):
            tokens, labels = label_paragraph(paragraph, gold)
            if tokens:
                xs.append(paragraph_features(tokens))
                ys.append(labels)
    return xs, ys


def train(
    rows: list[dict],
    out: Path,
    split: str | None,
    iterations: int,
    l1: float,
    l2: float,
    silver: list[dict] | None = None,
) -> int:
    """Fit the CRF and save it; returns the number of training sequences."""
    rows = list(rows) + list(silver or [])
    random.Random(SEED).shuffle(rows)
    xs, ys = sequences(rows, split)
    # Features seen once teach nothing that carries over; dropping them keeps the file small.
    seen = Counter(f for x in xs for token in x for f in token)
    xs = [[[f for f in token if seen[f] >= MIN_COUNT] for token in x] for x in xs]
    trainer = CRFTrainer(
        loss_function="lbfgs", l1_penalty=l1, l2_penalty=l2, max_iterations=iterations, verbose=0
    )
    model = trainer.train(xs, ys)
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(str(out))
    return len(xs)


def silver(path: Path, count: int, skip: set[str]) -> list[dict]:
    """The first `count` articles of `path` not in `skip` (the annotated ones: check must stay
    unseen), with the officials the rule-based product found."""
    with path.open(encoding="utf-8") as lines:
        rows = [row for row in map(json.loads, lines) if row["id"] not in skip][:count]
    found = predict_at(RULES_REF, rows)
    return [
        {"text": r["text"], "officials": p["officials"]} for r, p in zip(rows, found, strict=True)
    ]


def main(argv: list[str] | None = None) -> int:
    """Read the annotated set, train on one split, write the model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA / "annotated-train.jsonl")
    parser.add_argument(
        "--silver",
        type=int,
        default=0,
        help="also the first N vietnews-train articles, labelled by the rules at RULES_REF",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "summarizer/data/officials.crf")
    parser.add_argument("--split", default="tune", help="train on this split only")
    parser.add_argument("--limit", type=int, default=0, help="first N rows only (smoke tests)")
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--l1", type=float, default=0.1)
    parser.add_argument("--l2", type=float, default=0.1)
    args = parser.parse_args(argv)
    rows = load(args.data)
    if args.limit:
        rows = rows[: args.limit]
    started = time.perf_counter()
    extra = []
    if args.silver:
        annotated = {row.get("id", "") for row in load(args.data)}
        extra = silver(DATA / "vietnews-train.jsonl", args.silver, annotated)
    count = train(rows, args.out, args.split, args.iterations, args.l1, args.l2, extra)
    print(
        f"trained on {count} paragraphs ({len(extra)} silver articles) in"
        f" {time.perf_counter() - started:.1f} s -> {args.out}"
        f" ({args.out.stat().st_size >> 10} KiB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

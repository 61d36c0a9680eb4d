"""Train the lead decision: the predicted ROUGE-1 gain of the engine's choice over the lead.

Usage: PYTHONPATH=. python scripts/train_gain.py --train ../shared/data/vietnews-train.jsonl \
           --out summarizer/data/lead_gain.json

Out of fold: the fitting pool (benchmarks.engine_runs.fitting_pool: never the held-out or the
development sample) is cut into folds; per fold a scorer is fitted on the other folds and the
engine, with it, summarises (some of) the fold's articles at every length. Each summary gives a
row: the engine's features (engines/confidence.py) and the gain, title line plus summary, of
its choice over the lead's option. A ridge regression per length learns the gain. The rows are
cached in --table; --refit fits again from them. Deterministic for a seed; needs torch.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.engine_runs import fitting_pool, load_rows
from benchmarks.rouge import score_tokens, tokens
from scripts.scorer_fit import fit_scorer
from summarizer.cleaning import clean_page
from summarizer.digest import Length
from summarizer.engines.confidence import GAIN_FEATURES, GainModel
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.scorer import Scorer

LENGTHS = ("short", "medium", "long")


def fold_rows(rows: list[dict[str, str]], folds: int, seed: int) -> list[list[dict[str, str]]]:
    """The pool cut into `folds` parts by a seeded shuffle."""
    shuffled = list(rows)
    random.Random(seed).shuffle(shuffled)
    return [shuffled[k::folds] for k in range(folds)]


def collect(rows: list[dict[str, str]], scorer: Scorer, fold: int) -> list[dict[str, object]]:
    """One table row per article and length: features, and both options' ROUGE-1."""
    engine = ExtractiveEngine(scorer)
    table: list[dict[str, object]] = []
    for row in rows:
        article = clean_page(row["text"])
        if not article.sentences:
            continue
        ref = tokens(row["reference"])
        for length in LENGTHS:
            choice = engine.choose(article, Length(length))
            if choice.lead is None:
                continue
            mine, lead = (
                100 * score_tokens(tokens(f"{article.title}\n{text}"), ref).rouge1
                for text in (choice.mine, choice.lead)
            )
            table.append({"fold": fold, "length": length, "features": list(choice.features),
                          "mine": mine, "lead": lead})
    return table


def fit_ridge(xs: np.ndarray, ys: np.ndarray, ridge: float) -> dict[str, object]:
    """Ridge regression on standardised features, as engines.confidence.Linear reads it."""
    mean = xs.mean(axis=0)
    spread = xs.std(axis=0)
    scale = np.where(spread < 1e-6, 1.0, spread)
    z = (xs - mean) / scale
    bias = float(ys.mean())
    weights = np.linalg.solve(z.T @ z + ridge * np.eye(z.shape[1]), z.T @ (ys - bias))
    return {"mean": np.round(mean, 6).tolist(), "scale": np.round(scale, 6).tolist(),
            "weights": np.round(weights, 6).tolist(), "bias": round(bias, 6)}


def fit_model(table: list[dict[str, object]], ridge: float) -> dict[str, object]:
    """The weights file: one ridge regression per length over every fold's rows."""
    lengths = {}
    for length in LENGTHS:
        rows = [r for r in table if r["length"] == length]
        xs = np.array([r["features"] for r in rows], dtype=np.float64)
        ys = np.array([float(r["mine"]) - float(r["lead"]) for r in rows])  # type: ignore[arg-type]
        lengths[length] = fit_ridge(xs, ys, ridge)
    return {"features": list(GAIN_FEATURES), "ridge": ridge, "lengths": lengths}


def report(table: list[dict[str, object]], ridge: float, folds: int) -> None:
    """Out-of-fold ROUGE-1 of the choice, the lead and the decision (fitted on other folds)."""
    for length in LENGTHS:
        picked: list[float] = []
        for k in range(folds):
            model = GainModel.from_json(fit_model([r for r in table if r["fold"] != k], ridge))
            for r in table:
                if r["fold"] == k and r["length"] == length:
                    use = model.gain(length, r["features"]) > 0  # type: ignore[arg-type]
                    picked.append(float(r["mine"] if use else r["lead"]))  # type: ignore[arg-type]
        rows = [r for r in table if r["length"] == length]
        mine = statistics.mean(float(r["mine"]) for r in rows)  # type: ignore[arg-type]
        lead = statistics.mean(float(r["lead"]) for r in rows)  # type: ignore[arg-type]
        print(f"  {length:6s} {len(rows):5d} rows: choice {mine:.2f}, lead {lead:.2f},"
              f" decided out of fold {statistics.mean(picked):.2f}")


def main() -> None:
    """Collect the out-of-fold table (or read it), fit, report, write the weights."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--train", type=Path, default=Path("../shared/data/vietnews-train.jsonl"))
    parser.add_argument("--out", type=Path, default=Path("summarizer/data/lead_gain.json"))
    parser.add_argument("--table", type=Path, default=Path("/tmp/tomtat-lead-gain.jsonl"))
    parser.add_argument("--refit", action="store_true", help="fit from an existing --table")
    parser.add_argument("--folds", type=int, default=2)
    parser.add_argument("--per-fold", type=int, default=1200, help="articles summarised per fold")
    parser.add_argument("--fold", type=int, default=-1, help="collect only this fold")
    parser.add_argument("--ensemble", type=int, default=1, help="MLPs per fold scorer")
    parser.add_argument("--ridge", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    if not args.refit:
        parts = fold_rows(fitting_pool(load_rows(args.train)), args.folds, args.seed)
        table = []
        for k in [args.fold] if args.fold >= 0 else range(args.folds):
            others = [r for j, part in enumerate(parts) if j != k for r in part]
            scorer = Scorer.from_json(fit_scorer(others, ensemble=args.ensemble, seed=args.seed))
            table += collect(parts[k][: args.per_fold], scorer, k)
        path = args.table.with_suffix(f".{args.fold}.jsonl") if args.fold >= 0 else args.table
        path.write_text("".join(json.dumps(r) + "\n" for r in table), "utf-8")
        if args.fold >= 0:
            return
    table = [json.loads(x) for p in _tables(args.table) for x in p.read_text("utf-8").splitlines()]
    report(table, args.ridge, args.folds)
    args.out.write_text(json.dumps(fit_model(table, args.ridge), separators=(",", ":")), "utf-8")
    print(f"wrote {args.out}")


def _tables(path: Path) -> list[Path]:
    """The table, or the per-fold tables of `--fold` runs when there is no whole one."""
    return [path] if path.exists() else sorted(path.parent.glob(f"{path.stem}.*.jsonl"))


if __name__ == "__main__":
    main()

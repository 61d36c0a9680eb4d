"""Cross-validated officials figures inside the tune split (the tagger never sees its test fold).

Usage: PYTHONPATH=. python benchmarks/officials_cv.py [--folds 3]

The tune articles are dealt into folds by a seeded shuffle; for each fold a CRF is trained on the
others (`scripts/train_officials.py`'s `train`) and the product's officials are scored on it with
`annotated.officials_match`. Develop against this figure; `check` is for reporting only.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.annotated import DEFAULT_DATASET, Counts, Row, load
from benchmarks.officials_eval import count, product_officials, row_errors
from scripts.train_officials import SEED, train
from summarizer.officials import tagger


def folds(rows: list[Row], count: int) -> list[list[Row]]:
    """The tune rows dealt into `count` folds after a seeded shuffle."""
    tune = [r for r in rows if r.get("split") == "tune"]
    random.Random(SEED).shuffle(tune)
    return [tune[k::count] for k in range(count)]


def score(rows: list[Row], names: Counts, placed: Counts, verbose: bool = False) -> None:
    """Add the current model's officials on `rows` to the counts."""
    for row in rows:
        pred = product_officials(row["text"])
        if verbose:
            row_errors(row["id"], pred, row["officials"])
        count(names, placed, pred, row["officials"])


def main(argv: list[str] | None = None) -> int:
    """Train on all folds but one, score that one, for every fold; print the pooled figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--iterations", type=int, default=150)
    parser.add_argument("--l1", type=float, default=0.1)
    parser.add_argument("--l2", type=float, default=0.1)
    parser.add_argument("--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    parts = folds(load(args.dataset), args.folds)
    names, placed = Counts(), Counts()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="officials-cv-") as tmp:
        for k, held in enumerate(parts):
            model = Path(tmp) / f"fold{k}.crf"
            rest = [r for j, part in enumerate(parts) if j != k for r in part]
            train(rest, model, "tune", args.iterations, args.l1, args.l2)
            tagger.use_model(model)
            fold_names, fold_placed = Counts(), Counts()
            score(held, fold_names, fold_placed, args.verbose)
            print(f"fold {k}: F1 {fold_names.f1:.3f}  +pos {fold_placed.f1:.3f}")
            for total, part in ((names, fold_names), (placed, fold_placed)):
                total.add(part.tp, part.tp + part.fp, part.tp + part.fn)
    tagger.use_model(tagger.MODEL)
    print(
        f"{args.folds}-fold CV in tune: F1 {names.f1:.3f}  +pos {placed.f1:.3f}"
        f"  P/R {placed.precision:.3f}/{placed.recall:.3f}  ({time.perf_counter() - started:.0f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

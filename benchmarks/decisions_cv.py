"""Decisions as a reader would score them on articles the model never saw: out-of-fold, `tune`.

The `tune` articles are cut into 5 folds (article i in fold i % 5); for each fold the decision
model is retrained on the other four exactly as `scripts/train_decisions.py` does (its own
grouped CV picks C and the threshold), then the product extracts the held-out fold's decisions.
P/R/F1 one to one and actor accuracy over the matched, as ANNOTATION.md scores them. Slower
than decisions_eval (five trainings, about 20 s) but honest: tune's in-sample figures flatter.
Run: PYTHONPATH=. python benchmarks/decisions_cv.py
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
from pathlib import Path

import summarizer.decisions.model as decision_model
from benchmarks.annotated import DEFAULT_DATASET, Counts, load, predict_now
from benchmarks.decisions_eval import score

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from train_decisions import train

FOLDS = 5


def out_of_fold(rows: list[dict]) -> tuple[Counts, int, int]:
    """Counts, right actors and matched pairs over every fold, each predicted unseen."""
    total, right, matched = Counts(), 0, 0
    shipped = decision_model.load
    try:
        for fold in range(FOLDS):
            held = [r for i, r in enumerate(rows) if i % FOLDS == fold]
            with contextlib.redirect_stdout(io.StringIO()):
                fitted = decision_model.from_json(
                    train([r for i, r in enumerate(rows) if i % FOLDS != fold])
                )
            decision_model.load = lambda path=None, m=fitted: m  # type: ignore[assignment]
            counts, r, m = score(held, predict_now(held), list(range(len(held))))
            total.add(counts.tp, counts.tp + counts.fp, counts.tp + counts.fn)
            right, matched = right + r, matched + m
    finally:
        decision_model.load = shipped  # type: ignore[assignment]
    return total, right, matched


def main(argv: list[str] | None = None) -> int:
    """Print the out-of-fold figures on `tune`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    args = parser.parse_args(argv)
    rows = [r for r in load(args.dataset) if r.get("split") == "tune"]
    counts, right, matched = out_of_fold(rows)
    actor = right / matched if matched else 0.0
    print(
        f"tune out-of-fold ({len(rows)} articles, {FOLDS} folds): P {counts.precision:.3f} "
        f"R {counts.recall:.3f} F1 {counts.f1:.3f} actor {actor:.3f} ({matched} matched)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

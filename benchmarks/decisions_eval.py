"""Decisions against the annotated set: one-to-one P/R/F1 and actor accuracy, tune and check.

Scored as ../shared/ANNOTATION.md says (benchmarks/annotated.py): a predicted decision matches a
gold one when their longest common syllable run covers half the shorter; actors agree when both
are absent or their syllables overlap (F1 ≥ 0.5). The rule-based product at RULES_REF is run in
the same process on the same rows as the baseline (its decisions carry no actor). A second table
scores the old 12-article regression set (`officials-dev.jsonl`, plain strings, no actors).
Run: PYTHONPATH=. python benchmarks/decisions_eval.py [--no-baseline] [--verbose tune]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.annotated import (
    DEFAULT_DATASET,
    RULES_REF,
    Counts,
    Prediction,
    Row,
    actor_right,
    by_split,
    decision_actor,
    decision_text,
    decisions_match,
    load,
    predict_at,
    predict_now,
    table,
)

REGRESSION = DEFAULT_DATASET.parent / "officials-dev.jsonl"


def score(rows: list[Row], preds: list[Prediction], indices: list[int]) -> tuple[Counts, int, int]:
    """Decision counts, matched pairs with the right actor, and matched pairs, over some rows."""
    counts, right, matched = Counts(), 0, 0
    for i in indices:
        pred, gold = preds[i].get("decisions", []), rows[i].get("decisions", [])
        pairs = decisions_match(pred, gold)
        counts.add(len(pairs), len(pred), len(gold))
        matched += len(pairs)
        right += sum(
            actor_right(decision_actor(pred[p]), decision_actor(gold[g])) for p, g in pairs
        )
    return counts, right, matched


def figures(rows: list[Row], preds: list[Prediction]) -> list[str]:
    """P, R, F1 and actor accuracy for each split, side by side."""
    values: list[str] = []
    for indices in by_split(rows).values():
        counts, right, matched = score(rows, preds, indices)
        actor = f"{right / matched:.3f}" if matched else "-"
        values += [f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}", actor]
    return values


def show(rows: list[Row], preds: list[Prediction], split: str) -> None:
    """Every prediction and every missed gold decision of one split (for error analysis)."""
    for i in by_split(rows)[split]:
        pred, gold = preds[i].get("decisions", []), rows[i].get("decisions", [])
        pairs = dict(decisions_match(pred, gold))
        print(f"## {rows[i]['id']}  {rows[i].get('title', '')}")
        for p, item in enumerate(pred):
            mark = "+" if p in pairs else "-"
            actor = decision_actor(item)
            gold_actor = decision_actor(gold[pairs[p]]) if p in pairs else None
            note = "" if p not in pairs else f"  [actor {actor!r} / gold {gold_actor!r}]"
            print(f"  {mark} {decision_text(item)}{note}")
        for g in sorted(set(range(len(gold))) - set(pairs.values())):
            print(f"  MISSED {decision_text(gold[g])}  [{decision_actor(gold[g])!r}]")


def regression(baseline: bool) -> str:
    """The old 12-article set, scored the same way (no actors there)."""
    rows = load(REGRESSION)
    systems = [("this checkout", predict_now(rows))]
    if baseline:
        systems.insert(0, (f"rules @{RULES_REF[:7]}", predict_at(RULES_REF, rows)))
    lines = []
    for label, preds in systems:
        counts, _, _ = score(rows, preds, list(range(len(rows))))
        lines.append(
            (label, [f"{counts.precision:.3f}", f"{counts.recall:.3f}", f"{counts.f1:.3f}"])
        )
    return table(f"{REGRESSION.name} ({len(rows)})", ["P", "R", "F1"], lines)


def main(argv: list[str] | None = None) -> int:
    """Print the annotated set's table (baseline and this checkout) and the regression set's."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--no-baseline", action="store_true", help="skip the rules at RULES_REF")
    parser.add_argument("--verbose", choices=["tune", "check"], help="show one split's items")
    args = parser.parse_args(argv)
    rows = load(args.dataset)
    now = predict_now(rows)
    lines = [("this checkout", figures(rows, now))]
    if not args.no_baseline:
        lines.insert(0, (f"rules @{RULES_REF[:7]}", figures(rows, predict_at(RULES_REF, rows))))
    sizes = {s: len(ix) for s, ix in by_split(rows).items()}
    columns = [f"{s} {m}" for s in sizes for m in ("P", "R", "F1", "actor")]
    print(f"decisions on {args.dataset.name}: " + ", ".join(f"{s} {n}" for s, n in sizes.items()))
    print(table("system", columns, lines))
    print()
    print(regression(not args.no_baseline))
    if args.verbose:
        show(rows, now, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())

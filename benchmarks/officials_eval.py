"""Officials against the annotated set (tune / check), the old 12-article set and the seed page.

Usage: PYTHONPATH=. python benchmarks/officials_eval.py [--no-baseline] [--verbose SPLIT]

Scoring is ../shared/ANNOTATION.md's (`benchmarks/annotated.py`): officials F1 counts a person
found (names after NFC, lower case, tone folding, `ông/bà` dropped); officials+position F1 counts
a person only when one predicted position overlaps a gold one (syllable F1 >= 0.5). The baseline
is the rule-based product at `annotated.RULES_REF`, run in the same invocation on the same rows.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.annotated import (
    DEFAULT_DATASET,
    RULES_REF,
    SPLITS,
    Counts,
    Prediction,
    Row,
    by_split,
    load,
    name_key,
    officials_match,
    predict_at,
    predict_now,
    table,
)
from benchmarks.seed_check import TEASER_PEOPLE
from summarizer.cleaning import clean_page
from summarizer.officials import extract_officials

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
SEED_OFFICIALS = (
    "Lữ Văn Hùng",
    "Nguyễn Hồ Hải",
    "Huỳnh Quốc Việt",
    "Phạm Văn Thiều",
    "Phạm Thành Ngại",
    "Hồ Trung Việt",
    "Tô Lâm",
)


def product_officials(text: str) -> list[Prediction]:
    """This checkout's officials of one article, as the CLI's JSON writes them."""
    return [{"name": o.name, "titles": list(o.titles)} for o in extract_officials(clean_page(text))]


def count(names: Counts, placed: Counts, pred: list[Prediction], gold: list[Prediction]) -> None:
    """Add one article's officials (names; names with a right position) to the totals."""
    found, with_position = officials_match(pred, gold)
    names.add(found, len(pred), len(gold))
    placed.add(with_position, len(pred), len(gold))


def row_errors(label: str, pred: list[Prediction], gold: list[Prediction]) -> None:
    """Print every missed, extra or wrongly placed official of one article."""
    want = {name_key(g["name"]): g for g in gold}
    got = {name_key(p["name"]): p for p in pred}
    for key in sorted(got.keys() - want.keys()):
        print(f"  extra    {label}: {got[key]['name']} {got[key]['titles']}")
    for key in sorted(want.keys() - got.keys()):
        print(f"  missing  {label}: {want[key]['name']} {want[key]['titles']}")
    for key in sorted(want.keys() & got.keys()):
        if not officials_match([got[key]], [want[key]])[1]:
            print(f"  position {label}: {got[key]['titles']} vs {want[key]['titles']}")


def score(rows: list[Row], preds: list[Prediction], indices: list[int]) -> tuple[Counts, Counts]:
    """(officials, officials+position) counts over the rows at `indices`."""
    names, placed = Counts(), Counts()
    for i in indices:
        count(names, placed, preds[i]["officials"], rows[i]["officials"])
    return names, placed


def figures(rows: list[Row], preds: list[Prediction]) -> list[str]:
    """F1 (name), F1 (name+position), P/R of the latter; tune and check side by side."""
    splits = by_split(rows)
    scored = {s: score(rows, preds, splits[s]) for s in SPLITS}
    out = [f"{scored[s][0].f1:.3f}" for s in SPLITS]
    out += [f"{scored[s][1].f1:.3f}" for s in SPLITS]
    out += [f"{scored[s][1].precision:.2f}/{scored[s][1].recall:.2f}" for s in SPLITS]
    return out


def show_errors(rows: list[Row], preds: list[Prediction], split: str) -> None:
    """Every missed, extra or wrongly placed official of one split."""
    for i in by_split(rows)[split]:
        row_errors(rows[i]["id"], preds[i]["officials"], rows[i]["officials"])


def regression(path: Path) -> None:
    """The old 12 hand-checked articles (names as written there): names F1 and positions."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    names, placed = Counts(), Counts()
    for row in rows:
        count(names, placed, product_officials(row["text"]), row["officials"])
    print(
        f"{path.name} ({len(rows)} articles): names P={names.precision:.3f} R={names.recall:.3f}"
        f" F1={names.f1:.3f}; with a right position {placed.tp}/{names.tp}"
    )


def seed(path: Path) -> bool:
    """The seed page must give exactly its 7 officials and no teaser's people."""
    officials = extract_officials(clean_page(path.read_text(encoding="utf-8")))
    got = {name_key(o.name) for o in officials}
    want = {name_key(n) for n in SEED_OFFICIALS}
    for official in officials:
        print(f"  {official.name}: {'; '.join(official.titles)}")
    leaked = [n for n in TEASER_PEOPLE if name_key(n) in got]
    exact = got == want and not leaked
    print(
        f"seed page exact: {'YES' if exact else 'NO'}  missing={sorted(want - got)}"
        f" extra={sorted(got - want)} teaser names leaked={leaked}"
    )
    return exact


def main(argv: list[str] | None = None) -> int:
    """Print the annotated-set table, the regression set and the seed page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--regression", type=Path, default=DATA / "officials-dev.jsonl")
    parser.add_argument("--seed", type=Path, default=DATA / "seed-page.txt")
    parser.add_argument("--baseline-ref", default=RULES_REF)
    parser.add_argument("--no-baseline", action="store_true", help="skip the rule-based run")
    parser.add_argument("--verbose", choices=SPLITS, help="list the errors of one split")
    args = parser.parse_args(argv)
    rows = load(args.dataset)
    now = predict_now(rows)
    lines = [("this checkout", figures(rows, now))]
    if not args.no_baseline:
        lines.insert(
            0,
            (f"rules @{args.baseline_ref[:8]}", figures(rows, predict_at(args.baseline_ref, rows))),
        )
    columns = [f"F1 {s}" for s in SPLITS] + [f"+pos {s}" for s in SPLITS]
    columns += [f"P/R {s}" for s in SPLITS]
    print(f"officials on {args.dataset.name} ({len(rows)} articles)")
    print(table("system", columns, lines))
    if args.verbose:
        show_errors(rows, now, args.verbose)
    regression(args.regression)
    return 0 if seed(args.seed) else 1


if __name__ == "__main__":
    sys.exit(main())

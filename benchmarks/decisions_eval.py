"""Precision/recall of extracted decisions against the gold spans of officials-dev.jsonl.

A predicted decision matches a gold span when their syllable-overlap F1 is at least 0.5
(syllables NFC-normalised, lower-cased, tone placement folded); matching is one-to-one.
Run: PYTHONPATH=. python benchmarks/decisions_eval.py --dataset ../shared/data/officials-dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchmarks.rouge import overlap_f1
from summarizer.cleaning import clean_page
from summarizer.decisions import extract_decisions
from summarizer.digest import Official
from summarizer.officials import extract_officials

DEFAULT_DATASET = Path(__file__).resolve().parents[1] / "../shared/data/officials-dev.jsonl"
THRESHOLD = 0.5


def match(predicted: list[str], gold: list[str]) -> int:
    """Number of one-to-one matches, best pairs first."""
    pairs = sorted(
        ((overlap_f1(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for score, i, j in pairs:
        if score < THRESHOLD:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def evaluate(rows: list[dict], source: str, verbose: bool) -> tuple[float, float, int, int, int]:
    """Micro precision/recall over all articles for one source of officials."""
    n_pred = n_gold = n_match = 0
    for row in rows:
        article = clean_page(row["text"])
        if source == "gold":
            officials = tuple(Official(o["name"], tuple(o["titles"])) for o in row["officials"])
        elif source == "extracted":
            officials = extract_officials(article)
        else:
            officials = ()
        predicted = [d.text for d in extract_decisions(article, officials)]
        gold = list(row["decisions"])
        matched = match(predicted, gold)
        n_pred, n_gold, n_match = n_pred + len(predicted), n_gold + len(gold), n_match + matched
        if verbose:
            print(
                f"## {row['id']}  predicted {len(predicted)}  gold {len(gold)}  matched {matched}"
            )
            for p in predicted:
                best = max((overlap_f1(p, g) for g in gold), default=0.0)
                print(f"  {'+' if best >= THRESHOLD else '-'} {best:.2f} {p}")
            for g in gold:
                best = max((overlap_f1(p, g) for p in predicted), default=0.0)
                if best < THRESHOLD:
                    print(f"  MISSED {g}")
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    return precision, recall, n_pred, n_gold, n_match


def main(argv: list[str] | None = None) -> int:
    """Print precision, recall and F1 of decisions with gold, extracted and no officials."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--verbose", action="store_true", help="show every prediction")
    parser.add_argument("--officials", choices=["gold", "extracted", "none", "all"], default="all")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.dataset.read_text(encoding="utf-8").splitlines()]
    sources = ["gold", "extracted", "none"] if args.officials == "all" else [args.officials]
    print(f"decisions on {args.dataset.name}: {len(rows)} articles, match = syllable F1 >= 0.5")
    for source in sources:
        p, r, n_pred, n_gold, n_match = evaluate(rows, source, args.verbose)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(
            f"officials={source:9s} P={p:.3f} R={r:.3f} F1={f1:.3f} "
            f"(predicted {n_pred}, gold {n_gold}, matched {n_match})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

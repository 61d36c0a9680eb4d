"""ROUGE of the extractive engine against Title+Lead-N, scored on what the reader sees.

Usage: PYTHONPATH=. python benchmarks/rouge_dev.py --dataset ../shared/data/vietnews-dev.jsonl
       PYTHONPATH=. python benchmarks/rouge_dev.py --dataset ../shared/data/vietnews-train.jsonl \
           --heldout --baseline-ref main

Every digest is scored as the reader sees it: the title line, then the summary (a summary that
repeats the title is read twice). Baselines see `clean_page(text)`: Title+Lead-N is the title
then the first N sentences. Figures are mean syllable F1 x 100 (benchmarks/rouge.py); each
comparison is the engine minus the baseline with a paired bootstrap 95 % interval over articles.
`--baseline-ref` adds the engine as it was at a git ref, run in the same process's data.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bootstrap import paired_difference
from benchmarks.engine_runs import Row, Shown, dataset, shown_at, shown_now
from benchmarks.engine_runs import which_sample as _which
from benchmarks.rouge import RougeScores, score_tokens, tokens
from summarizer.cleaning import clean_page

LENGTHS = ("short", "medium", "long")
# The lead baseline a summary of each length must not fall below.
LEAD_FOR = {"short": 1, "medium": 2, "long": 3}


def _scores(texts: list[str], refs: list[list[str]]) -> list[RougeScores]:
    return [score_tokens(tokens(t), ref) for t, ref in zip(texts, refs, strict=True)]


def _row(name: str, scores: list[RougeScores], words: float, ms: float | None) -> str:
    figures = "".join(
        f" {100 * statistics.mean(getattr(s, f) for s in scores):6.2f}"
        for f in ("rouge1", "rouge2", "rougeL")
    )
    timing = f" {ms:7.1f}" if ms is not None else " " * 8
    return f"{name:24s}{figures} {words:6.1f}{timing}"


def _lead_views(rows: list[Row]) -> dict[int, list[str]]:
    articles = [clean_page(r["text"]) for r in rows]
    return {
        n: [f"{a.title}\n{' '.join(a.sentences[:n])}".strip() for a in articles] for n in (1, 2, 3)
    }


def main() -> None:
    """Print the systems table, then engine − baseline with bootstrap intervals per length."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", type=Path, default=Path("../shared/data/vietnews-dev.jsonl"))
    parser.add_argument("--heldout", action="store_true",
                        help="only the sample train_scorer.py never fits on")
    parser.add_argument("--devsample", action="store_true",
                        help="the training sample the scorer is not fitted on (tune here)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--lengths", default=",".join(LENGTHS))
    parser.add_argument("--baseline-ref", default="", help="also the engine at this git ref")
    args = parser.parse_args()
    rows = dataset(args.dataset, args.heldout, args.limit, args.devsample)
    lengths = [x for x in args.lengths.split(",") if x]
    refs = [tokens(r["reference"]) for r in rows]
    print(f"{len(rows)} articles from {args.dataset}{_which(args.heldout, args.devsample)};"
          f" reference {statistics.mean(len(r) for r in refs):.1f} syllables")
    print(f"{'system (title + summary)':24s} {'R1':>6s} {'R2':>6s} {'RL':>6s}"
          f" {'words':>6s} {'ms/art':>7s}")
    lead_views = _lead_views(rows)
    leads = {n: _scores(v, refs) for n, v in lead_views.items()}
    for n, scores in leads.items():
        print(_row(f"Title+Lead-{n}", scores, _mean_words(lead_views[n]), None))
    before: dict[str, list[Shown]] = {}
    if args.baseline_ref:
        before = shown_at(args.baseline_ref, rows, lengths)
    engine: dict[str, list[RougeScores]] = {}
    for length in lengths:
        started = time.perf_counter()
        shown = shown_now(rows, length)
        ms = 1000 * (time.perf_counter() - started) / len(rows)
        views = [s.reader_view() for s in shown]
        engine[length] = _scores(views, refs)
        print(_row(f"engine/{length}", engine[length], _mean_words(views), ms))
        if length in before:
            old = [s.reader_view() for s in before[length]]
            engine[f"{length}@ref"] = _scores(old, refs)
            print(_row(f"engine/{length}@{args.baseline_ref}"[:24], engine[f"{length}@ref"],
                       _mean_words(old), None))
    print("\nROUGE-1 difference, engine − baseline, mean [95 % paired bootstrap interval]")
    for name, scores in engine.items():
        length = name.split("@")[0]
        r1 = [s.rouge1 * 100 for s in scores]
        wanted = sorted({1, LEAD_FOR[length]})
        cells = [f"vs Title+Lead-{n}: {paired_difference(r1, [s.rouge1 * 100 for s in leads[n]])}"
                 for n in wanted]
        if "@" not in name and f"{length}@ref" in engine:
            old = [s.rouge1 * 100 for s in engine[f"{length}@ref"]]
            cells.append(f"vs {args.baseline_ref}: {paired_difference(r1, old)}")
        print(f"  {name:14s} " + "   ".join(cells))


def _mean_words(views: list[str]) -> float:
    return statistics.mean(len(tokens(v)) for v in views)


if __name__ == "__main__":
    main()

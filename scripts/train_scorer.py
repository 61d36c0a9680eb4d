"""Train the extractive engine's unit scorer on VietNews-style JSONL (`text`, `reference`).

Usage: PYTHONPATH=. python scripts/train_scorer.py --train ../shared/data/vietnews-train.jsonl \
           --out summarizer/data/scorer.json

Each candidate unit (a sentence or a trimmed variant of it) is labelled with the share of its
syllables that the reference uses (half credit for words the title already has); a small MLP
on the unit features learns to predict it. One of the unit features is the mean probability,
from a logistic token model fitted first, that the reference uses each syllable. The output
also carries the syllable IDF table. Needs numpy and torch (training only; inference: numpy).
It never fits on benchmarks' held-out sample nor on their development sample (--devsample), and
checks its ROUGE on the development sample, so rules tuned there are not flattered.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.engine_runs import fitting_pool, load_rows, split_devsample
from benchmarks.rouge import score
from scripts.scorer_fit import fit_scorer
from summarizer.cleaning import clean_page
from summarizer.digest import Length
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.scorer import Scorer


def evaluate(rows: list[dict[str, str]], scorer: Scorer) -> float:
    """Mean syllable ROUGE-1 F1 (x100) of short summaries on rows the scorer never saw."""
    engine = ExtractiveEngine(scorer)
    return 100 * statistics.mean(
        score(engine.summarize(clean_page(r["text"]), Length.SHORT), r["reference"]).rouge1
        for r in rows
    )


def main() -> None:
    """Train, report the development sample's ROUGE-1, write the weights file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--train", type=Path, default=Path("../shared/data/vietnews-train.jsonl"))
    parser.add_argument("--out", type=Path, default=Path("summarizer/data/scorer.json"))
    parser.add_argument("--articles", type=int, default=0, help="articles to fit on (0: all)")
    parser.add_argument("--hidden", type=int, default=48, help="MLP hidden units")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--ensemble", type=int, default=3, help="MLPs averaged (seeds differ)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--label", choices=("mixed", "fresh"), default="mixed",
        help="unit target: mixed (shipped), or fresh (share of its words beyond the title)",
    )
    parser.add_argument("--no-eval", action="store_true", help="skip the dev-sample ROUGE check")
    args = parser.parse_args()

    started = time.perf_counter()
    # The held-out sample the benchmarks read with --heldout is never fitted on, nor is the
    # development sample the engine's rules are tuned on (--devsample): it is checked on.
    loaded = load_rows(args.train)
    devsample = split_devsample(loaded)[0]
    pool = fitting_pool(loaded)
    pool = pool[: args.articles] if args.articles else pool
    data = fit_scorer(pool, args.hidden, args.epochs, args.ensemble, args.seed, args.label)
    scorer = Scorer.from_json(data)
    if not args.no_eval:
        print(f"development-sample ROUGE-1 (short): {evaluate(devsample, scorer):.2f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    size_kb = args.out.stat().st_size / 1024
    print(f"wrote {args.out} ({size_kb:.0f} KB) in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()

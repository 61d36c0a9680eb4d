"""Print the decisions found in a sample of articles, for checking them by eye.

Takes every `--step`-th article from `--start` (a fixed sample, not a chosen one), prints each
article's title, the officials found and every decision with the sentence it came from, and
at the end the number of decisions and the time spent extracting them (per article and per
1,000 words of article body).
Run: PYTHONPATH=. python benchmarks/decisions_review.py --dataset ../shared/data/vietnews-dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from summarizer.cleaning import clean_page
from summarizer.decisions import extract_decisions
from summarizer.officials import extract_officials
from summarizer.textnorm import count_words, fold_tones, syllables

DEFAULT_DATASET = Path(__file__).resolve().parents[1] / "../shared/data/vietnews-dev.jsonl"


def _source(decision: str, sentences: tuple[str, ...]) -> str:
    """The sentence sharing most syllables with the decision (to judge it in context)."""
    words = set(syllables(fold_tones(decision)))
    return max(sentences, key=lambda s: len(words & set(syllables(fold_tones(s)))), default="")


def main(argv: list[str] | None = None) -> int:
    """Print decisions per sampled article and the totals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--start", type=int, default=5)
    parser.add_argument("--step", type=int, default=10)
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--context", action="store_true", help="show each source sentence")
    args = parser.parse_args(argv)
    lines = args.dataset.read_text(encoding="utf-8").splitlines()
    sample = lines[args.start :: args.step][: args.count]
    total = words = 0
    spent = 0.0
    for line in sample:
        row = json.loads(line)
        article = clean_page(row["text"])
        words += count_words(article.body)
        officials = extract_officials(article)
        began = time.perf_counter()
        decisions = extract_decisions(article, officials)
        spent += time.perf_counter() - began
        total += len(decisions)
        print(f"## {row['id']}  {article.title}")
        print(f"   officials: {', '.join(o.name for o in officials) or '-'}")
        for decision in decisions:
            print(f"   * {decision.text}   [{decision.actor or '-'}]")
            if args.context:
                print(f"       < {_source(decision.text, article.sentences)}")
    per_article = 1000 * spent / max(1, len(sample))
    per_thousand = 1000 * 1000 * spent / max(1, words)
    print(
        f"{len(sample)} articles, {total} decisions, {per_article:.2f} ms per article, "
        f"{per_thousand:.2f} ms per 1,000 words"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

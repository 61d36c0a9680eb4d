"""Milliseconds for clean_page (+ sentence splitting) and extract_decisions per ~1,000-word article.

Articles are built from the dataset's texts (joined until they reach 1,000 syllables) plus the
seed page; the baseline in the same run is the naive cleaner (split lines, regex sentence ends).
Run: PYTHONPATH=. python benchmarks/cleaning_speed.py --dataset ../shared/data/vietnews-dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from summarizer.cleaning import clean_page
from summarizer.clutter import word_count
from summarizer.decisions import extract_decisions
from summarizer.textnorm import count_words

DATA = Path(__file__).resolve().parents[1] / "../shared/data"
_NAIVE_END = re.compile(r"(?<=[.!?…])\s+")


def naive_clean(text: str) -> list[str]:
    """Baseline: every non-empty line is a paragraph, split at every sentence-ending mark."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [s for line in lines[1:] for s in _NAIVE_END.split(line)]


def thousand_word_articles(dataset: Path, count: int) -> list[str]:
    """Articles of about 1,000 syllables: the dataset's bodies joined under one title."""
    rows = [json.loads(line) for line in dataset.read_text(encoding="utf-8").splitlines()]
    articles: list[str] = []
    index = 0
    while len(articles) < count and index < len(rows):
        title = rows[index]["title"]
        parts: list[str] = []
        words = 0
        while words < 1000 and index < len(rows):
            for paragraph in rows[index]["text"].split("\n\n")[1:]:
                if words < 1000:
                    parts.append(paragraph)
                    words += count_words(paragraph)
            index += 1
        articles.append(title + "\n\n" + "\n\n".join(parts))
    return articles


def median_ms(func: Callable[[str], object], texts: list[str], rounds: int) -> float:
    """Median milliseconds of one call over all texts and rounds (after one warm-up pass)."""
    for text in texts:
        func(text)
    times: list[float] = []
    for _ in range(rounds):
        for text in texts:
            # Each pasted article is new: no line may be measured from the previous call's cache.
            word_count.cache_clear()
            started = time.perf_counter()
            func(text)
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Print per-article medians and their ratio to the naive baseline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DATA / "vietnews-dev.jsonl")
    parser.add_argument("--seed", type=Path, default=DATA / "seed-page.txt")
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    texts = thousand_word_articles(args.dataset, args.articles)
    words = statistics.mean(count_words(t) for t in texts)
    baseline = median_ms(naive_clean, texts, args.rounds)
    cleaning = median_ms(clean_page, texts, args.rounds)
    # Looked up by the text (hashed once) so the timed call does no list search.
    articles = {t: clean_page(t) for t in texts}
    decisions = median_ms(lambda t: extract_decisions(articles[t], ()), texts, args.rounds)
    seed = median_ms(clean_page, [args.seed.read_text(encoding="utf-8")], args.rounds * 20)
    print(f"{len(texts)} articles of {words:.0f} syllables on average, {args.rounds} rounds")
    print(f"naive baseline         {baseline:7.2f} ms/article")
    print(f"clean_page + split     {cleaning:7.2f} ms/article  ({cleaning / baseline:.1f}x naive)")
    print(f"extract_decisions      {decisions:7.2f} ms/article  ({decisions / baseline:.1f}x)")
    print(f"clean_page, seed page  {seed:7.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

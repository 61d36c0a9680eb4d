"""Speed of the whole offline pipeline (clean → summary → officials → decisions) on one core.

Usage: PYTHONPATH=. python benchmarks/pipeline_speed.py --dataset ../shared/data/vietnews-dev.jsonl

Builds ~1,000-word pastes from the dev articles (each article's title and paragraphs, topped up
with the next articles' paragraphs), then prints the median and p90 milliseconds per article
of `summarizer.summarize` after warm-up, beside the same-run baseline of `clean_page` alone
(which already splits sentences), and the wall time of a first digest in a fresh process beside
a fresh process that only starts Python.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.cleaning import clean_page
from summarizer.digest import Length
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.pipeline import summarize
from summarizer.textnorm import count_words

ROOT = Path(__file__).resolve().parents[1]
WORDS = 1000


def pastes(rows: list[dict[str, str]], count: int) -> list[str]:
    """About 1,000-word pastes: one title, then paragraphs until the word count is reached."""
    paragraphs = [p.strip() for r in rows for p in r["text"].split("\n")[1:] if p.strip()]
    out: list[str] = []
    cursor = 0
    for row in rows[:count]:
        body: list[str] = []
        words = 0
        while words < WORDS:
            body.append(paragraphs[cursor % len(paragraphs)])
            words += count_words(body[-1])
            cursor += 1
        out.append("\n\n".join([row["title"], *body]))
    return out


def timed(run: Callable[[str], object], texts: list[str], repeat: int) -> list[float]:
    """Milliseconds per text, best of `repeat` passes (less noise from other processes)."""
    for text in texts[:3]:
        run(text)
    best = [float("inf")] * len(texts)
    for _ in range(repeat):
        for i, text in enumerate(texts):
            started = time.perf_counter()
            run(text)
            best[i] = min(best[i], 1000 * (time.perf_counter() - started))
    return best


def _pipeline(length: Length) -> Callable[[str], object]:
    return lambda text: summarize(text, length)


def fresh(code: str, path: str) -> float:
    """Wall seconds of a new Python process running `code` (median of three)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "OMP_NUM_THREADS": "1"}
    walls = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", code, path], check=True, env=env, cwd=ROOT, capture_output=True
        )
        walls.append(time.perf_counter() - started)
    return statistics.median(walls)


def report(name: str, ms: list[float], baseline: float) -> None:
    """One line: median, p90 and the ratio of the median to the baseline's."""
    median = statistics.median(ms)
    p90 = statistics.quantiles(ms, n=10)[-1]
    print(f"{name:34s} median {median:7.2f} ms  p90 {p90:7.2f} ms  x{median / baseline:5.1f}")


def main() -> None:
    """Print per-article and first-digest timings with their same-run baselines."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", type=Path, default=Path("../shared/data/vietnews-dev.jsonl"))
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    with args.dataset.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    texts = pastes(rows, args.articles)
    mean_words = statistics.mean(count_words(t) for t in texts)
    print(f"{len(texts)} pastes of {mean_words:.0f} words on one core, best of {args.repeat}")
    engine = ExtractiveEngine()
    clean_ms = timed(clean_page, texts, args.repeat)
    baseline = statistics.median(clean_ms)
    report("baseline: clean_page (+ split)", clean_ms, baseline)
    articles = {t: clean_page(t) for t in texts}
    for length in Length:
        # Each length is chosen on top of the shorter ones (engines/nesting.py): time each.
        engine_ms = timed(lambda t, n=length: engine.summarize(articles[t], n), texts, args.repeat)
        report(f"extractive engine alone ({length.value})", engine_ms, baseline)
    for length in Length:
        pipeline_ms = timed(_pipeline(length), texts, args.repeat)
        report(f"summarize() whole pipeline ({length.value})", pipeline_ms, baseline)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(texts[0])
    try:
        python_s = fresh("pass", f.name)
        first_s = fresh(
            "import sys; from summarizer.pipeline import summarize; "
            "summarize(open(sys.argv[1], encoding='utf-8').read())",
            f.name,
        )
    finally:
        os.unlink(f.name)
    print(f"fresh process, bare Python start-up      {python_s:6.2f} s")
    print(f"fresh process, first digest (all import) {first_s:6.2f} s  (target <= 3 s)")


if __name__ == "__main__":
    main()

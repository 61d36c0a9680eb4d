"""ROUGE of the extractive engine and the lead/title baselines on a JSONL of text/reference.

Usage: PYTHONPATH=. python benchmarks/rouge_dev.py --dataset ../shared/data/vietnews-dev.jsonl

Every system sees `clean_page(text)` of each article. Figures are mean F1 x 100, computed with
the Vietnamese syllable tokenizer (benchmarks/rouge.py) and, when rouge-score is installed, with
its default tokenizer (ASCII only: what published ViT5/BARTpho figures used).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.rouge import score_tokens, tokens
from summarizer.cleaning import clean_page
from summarizer.digest import Article, Length
from summarizer.engines.extractive import ExtractiveEngine

System = Callable[[Article], str]


def _engine(engine: ExtractiveEngine, length: Length) -> System:
    return lambda a: engine.summarize(a, length)


def _lead(n: int) -> System:
    return lambda a: " ".join(a.sentences[:n])


def systems() -> dict[str, System]:
    """Baselines and the engine at each length, in report order."""
    engine = ExtractiveEngine()
    table: dict[str, System] = {
        "Lead-1": _lead(1),
        "Lead-2": _lead(2),
        "Lead-3": _lead(3),
        "Title": lambda a: a.title,
        "Title+Lead-1": lambda a: " ".join([a.title, *a.sentences[:1]]),
    }
    for length in Length:
        table[f"extractive/{length.value}"] = _engine(engine, length)
    return table


def _rouge_score_scorer() -> Callable[[str, str], tuple[float, float, float]] | None:
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        return None
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"])

    def run(candidate: str, reference: str) -> tuple[float, float, float]:
        s = scorer.score(reference, candidate)
        return s["rouge1"].fmeasure, s["rouge2"].fmeasure, s["rougeL"].fmeasure

    return run


def main() -> None:
    """Print one row per system: syllable ROUGE-1/2/L, rouge-score ROUGE-1/2/L, length, ms."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", type=Path, default=Path("../shared/data/vietnews-dev.jsonl"))
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = parser.parse_args()
    with args.dataset.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    if args.limit:
        rows = rows[: args.limit]
    articles = [clean_page(r["text"]) for r in rows]
    refs = [tokens(r["reference"]) for r in rows]
    other = _rouge_score_scorer()
    print(
        f"{len(rows)} articles from {args.dataset}; reference length "
        f"{statistics.mean(len(r) for r in refs):.1f} syllables"
    )
    header = f"{'system':22s} {'syl R1':>7s} {'R2':>6s} {'RL':>6s}"
    header += f" | {'rs R1':>6s} {'R2':>6s} {'RL':>6s}" if other else " | rouge-score not installed"
    print(header + f" | {'words':>5s} {'ms/art':>6s}")
    for name, system in systems().items():
        started = time.perf_counter()
        outputs = [system(a) for a in articles]
        ms = 1000 * (time.perf_counter() - started) / len(rows)
        hyps = [tokens(o) for o in outputs]
        syl = [score_tokens(hyp, ref) for hyp, ref in zip(hyps, refs, strict=True)]
        line = f"{name:22s}"
        for field in ("rouge1", "rouge2", "rougeL"):
            line += f" {100 * statistics.mean(getattr(s, field) for s in syl):6.2f}"
        if other:
            rs = [other(o, r["reference"]) for o, r in zip(outputs, rows, strict=True)]
            line += " |" + "".join(
                f" {100 * statistics.mean(x[i] for x in rs):6.2f}" for i in range(3)
            )
        words = statistics.mean(len(hyp) for hyp in hyps)
        print(f"{line} | {words:5.1f} {ms:6.1f}")


if __name__ == "__main__":
    main()

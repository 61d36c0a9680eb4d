"""How soon readers see progress when articles share the model: lock-step rounds vs run_jobs.

The baseline is the scheduler `AbstractiveEngine.summarize_many` used before run_jobs: every
article's round (all map chunks, then all reduces) ran length by length in job order, and a
round was fed to the plans only when every article's round was done. A scripted model stands
in for the real one, so the figures count batches (model calls), not seconds.

    PYTHONPATH=. python benchmarks/batching_progress.py [--scenarios 300] [--seed 0]
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
from collections.abc import Sequence

from summarizer.digest import Article, Length
from summarizer.engines.batching import Generate, Job, run_jobs
from summarizer.engines.chunking import MapReducePlan

LIMIT = 15
SENTENCE = "Tỉnh Lâm Hà khởi công tuyến đường ven sông dài mười hai cây số."  # one chunk each
CHUNKS = (1, 1, 2, 3, 5, 8, 13, 20)
MAX_BATCH = 8


def words(text: str) -> int:
    """One word, one token."""
    return len(text.split())


def plan_for(job: Job) -> MapReducePlan:
    """The plan the engine makes, at a word-count tokenizer."""
    return MapReducePlan(job.article.sentences, words, LIMIT, job.length.word_budget)


def lockstep(jobs: Sequence[Job], generate: Generate, max_batch: int) -> None:
    """The previous scheduler, kept here as the baseline."""
    plans = [plan_for(job) for job in jobs]
    for job, plan in zip(jobs, plans, strict=True):
        if job.progress is not None:
            job.progress(0, plan.total_steps)
    while not all(plan.finished for plan in plans):
        outputs: list[list[str]] = [[] for _ in plans]
        for length in Length:
            work = [(i, text) for i, plan in enumerate(plans)
                    if not plan.finished and jobs[i].length is length for text in plan.pending]
            for start in range(0, len(work), max_batch):
                batch = work[start : start + max_batch]
                for (i, _), text in zip(batch, generate([t for _, t in batch], length),
                                        strict=True):
                    outputs[i].append(text)
                for i in sorted({i for i, _ in batch}):
                    callback = jobs[i].progress
                    if callback is not None:
                        callback(plans[i].done_steps + len(outputs[i]), plans[i].total_steps)
        for plan, summaries in zip(plans, outputs, strict=True):
            if not plan.finished:
                plan.feed(summaries)


class Scenario:
    """A scripted model and the progress each article's reader saw, by batch number."""

    def __init__(self, rng: random.Random) -> None:
        self.calls = 0
        self.seen: dict[int, list[tuple[int, int]]] = {}
        self.jobs = [self._job(i, rng) for i in range(rng.randint(2, 8))]

    def generate(self, texts: list[str], length: Length) -> list[str]:
        """A healthy summary per text."""
        self.calls += 1
        return ["Có ý chính." for _ in texts]

    def _job(self, index: int, rng: random.Random) -> Job:
        sentences = (SENTENCE,) * rng.choice(CHUNKS)
        article = Article("Tiêu đề", (" ".join(sentences),), sentences)

        def progress(done: int, total: int) -> None:
            self.seen.setdefault(index, []).append((self.calls, done))

        return Job(article, rng.choice(list(Length)), progress)


def measure(schedule: str, scenarios: int, seed: int) -> dict[str, float]:
    """Mean batches per scenario and, per article, until first movement, finish, longest wait."""
    rng = random.Random(seed)
    batches: list[int] = []
    first: list[int] = []
    finish: list[int] = []
    silent: list[int] = []
    for _ in range(scenarios):
        scenario = Scenario(rng)
        if schedule == "lockstep":
            lockstep(scenario.jobs, scenario.generate, MAX_BATCH)
        else:
            run_jobs(scenario.jobs, plan_for, scenario.generate, MAX_BATCH)
        batches.append(scenario.calls)
        for events in scenario.seen.values():
            moved = [0, *sorted({batch for batch, done in events if done > 0})]
            first.append(moved[1])
            finish.append(moved[-1])
            silent.append(max(b - a for a, b in itertools.pairwise(moved)))
    return {
        "batches": statistics.mean(batches),
        "first": statistics.mean(first),
        "finish": statistics.mean(finish),
        "silent": statistics.mean(silent),
    }


def main() -> None:
    """Print both schedulers' figures and the ratios new/baseline."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scenarios", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    base = measure("lockstep", args.scenarios, args.seed)
    ours = measure("run_jobs", args.scenarios, args.seed)
    print(f"{args.scenarios} scenarios of 2-8 articles, {CHUNKS} chunks, batches of {MAX_BATCH}")
    labels = {
        "batches": "model calls per scenario",
        "first": "batch of a reader's first movement",
        "finish": "batch a reader's summary is done",
        "silent": "longest stretch of batches with no movement",
    }
    for key, label in labels.items():
        ratio = ours[key] / base[key]
        print(f"{label:45s} lockstep={base[key]:6.2f}  run_jobs={ours[key]:6.2f}  x{ratio:.2f}")


if __name__ == "__main__":
    main()

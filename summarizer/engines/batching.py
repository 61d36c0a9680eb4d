"""Many articles' chunks through one model: fair batches, prompt progress, marked results."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from summarizer.digest import Article, Length
from summarizer.engines.base import EngineResult, ProgressCallback
from summarizer.engines.chunking import MapReducePlan

# One batched model call: texts in, one summary each out, in order.
Generate = Callable[[list[str], Length], list[str]]


@dataclass(frozen=True)
class Job:
    """One article to summarise at one length."""

    article: Article
    length: Length
    progress: ProgressCallback | None = None


class _Run:
    """One job's plan, its current round's outputs so far and the progress its user last saw."""

    def __init__(self, job: Job, plan: MapReducePlan) -> None:
        self.job = job
        self.plan = plan
        self.outputs: list[str] = []
        self._shown: tuple[int, int] | None = None

    @property
    def waiting(self) -> list[str]:
        """Texts of the current round that the model has not summarised yet."""
        return self.plan.pending[len(self.outputs) :]

    def take(self, summary: str) -> None:
        """Keep one summary; a complete round goes to the plan at once (its reduce can start)."""
        self.outputs.append(summary)
        if len(self.outputs) == len(self.plan.pending):
            self.plan.feed(self.outputs)
            self.outputs = []

    def report(self) -> None:
        """Tell the job's user how far it is, unless that is what they saw last."""
        now = (self.plan.done_steps + len(self.outputs), self.plan.total_steps)
        if self.job.progress is not None and now != self._shown:
            self._shown = now
            self.job.progress(*now)


def _next_batch(runs: Sequence[_Run], length: Length, size: int) -> list[tuple[_Run, str]]:
    """Up to `size` waiting texts of one length, one job's text after another's in turn."""
    queues = [(run, run.waiting) for run in runs if run.job.length is length]
    batch: list[tuple[_Run, str]] = []
    depth = 0
    # Round robin: every job in the batch moves, so no reader waits behind a long article.
    while len(batch) < size and any(depth < len(queue) for _, queue in queues):
        for run, queue in queues:
            if depth < len(queue) and len(batch) < size:
                batch.append((run, queue[depth]))
        depth += 1
    return batch


def run_jobs(
    jobs: Sequence[Job],
    plan_for: Callable[[Job], MapReducePlan],
    generate: Generate,
    max_batch: int,
) -> list[EngineResult]:
    """Summarise every job, batching texts of the same length, reporting after each batch."""
    runs = [_Run(job, plan_for(job)) for job in jobs]
    for run in runs:
        run.report()
    turn = 0
    while unfinished := [run for run in runs if not run.plan.finished]:
        lengths = list(dict.fromkeys(run.job.length for run in unfinished))
        # Lengths take turns, so a reader's short summary never waits for every long one.
        length = lengths[turn % len(lengths)]
        turn += 1
        batch = _next_batch(unfinished, length, max(1, max_batch))
        summaries = generate([text for _, text in batch], length)
        for (run, _), summary in zip(batch, summaries, strict=True):
            run.take(summary)
        # Per batch is as fine as progress gets cheaply: CTranslate2's per-token callback
        # refuses beam_size > 1 (ValueError in 4.8) and every model family decodes with 4 beams.
        for run in dict.fromkeys(run for run, _ in batch):
            run.report()
    return [
        EngineResult(run.plan.result or "", run.plan.stand_ins, run.plan.parts) for run in runs
    ]

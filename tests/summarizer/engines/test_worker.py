"""One worker thread owns the model: the event loop stays free and requests are batched."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence

import pytest

from summarizer.cleaning import clean_page
from summarizer.digest import Article, Length
from summarizer.engines.abstractive import AbstractiveEngine
from summarizer.engines.base import EngineResult
from summarizer.engines.batching import Job
from summarizer.engines.worker import ModelWorker
from summarizer.pipeline import PARTLY_EXTRACTIVE, summarize
from tests.summarizer.engines.conftest import TRAINED_SUMMARY, TinyModels

ARTICLE = Article("Tiêu đề", ("Một đoạn văn.",), ("Một đoạn văn.",))


class GatedEngine:
    """A stand-in model that holds its first batch until the test opens the gate."""

    name = "abstractive"
    model_id: str | None = "gated"

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.started = threading.Event()
        self.threads: set[str] = set()

    def summarize_many(self, jobs: Sequence[Job]) -> list[EngineResult]:
        self.threads.add(threading.current_thread().name)
        self.started.set()
        if not self.gate.wait(timeout=10):
            return [EngineResult("gate never opened: the event loop was blocked")] * len(jobs)
        for job in jobs:
            if job.progress is not None:
                job.progress(1, 1)
        if any(job.length is Length.LONG for job in jobs):
            raise RuntimeError("model exploded")
        return [EngineResult(f"tóm tắt {job.article.title}") for job in jobs]


async def test_event_loop_keeps_running_while_the_model_generates() -> None:
    engine = GatedEngine()
    async with ModelWorker(engine) as worker:
        task = asyncio.create_task(worker.asummarize(ARTICLE, Length.SHORT))
        ticks = 0
        while ticks < 5 or not engine.started.is_set():
            await asyncio.sleep(0.01)  # the loop ticks while the worker is busy
            ticks += 1
        engine.gate.set()
        assert await task == "tóm tắt Tiêu đề"
    assert engine.threads == {"tomtat-model"}


async def test_concurrent_requests_are_batched_behind_a_busy_model() -> None:
    engine = GatedEngine()
    async with ModelWorker(engine, max_batch=8) as worker:
        articles = [Article(f"Bài {i}", ("Đoạn.",), ("Đoạn.",)) for i in range(9)]
        first = asyncio.create_task(worker.asummarize(articles[0], Length.SHORT))
        await asyncio.to_thread(engine.started.wait, 5)
        rest = [asyncio.create_task(worker.asummarize(a, Length.SHORT)) for a in articles[1:]]
        await asyncio.sleep(0.05)
        engine.gate.set()
        results = await asyncio.gather(first, *rest)
    assert results == [f"tóm tắt Bài {i}" for i in range(9)]
    assert worker.batches == [1, 8]  # eight waiting requests went through as one batch


async def test_progress_arrives_on_the_event_loop_thread() -> None:
    engine = GatedEngine()
    engine.gate.set()
    seen: list[tuple[int, int, str]] = []
    async with ModelWorker(engine) as worker:
        await worker.asummarize(
            ARTICLE, Length.SHORT,
            lambda done, total: seen.append((done, total, threading.current_thread().name)),
        )
        await asyncio.sleep(0)
    assert seen == [(1, 1, threading.current_thread().name)]


async def test_a_model_error_reaches_the_caller_and_the_worker_lives_on() -> None:
    engine = GatedEngine()
    engine.gate.set()
    async with ModelWorker(engine) as worker:
        with pytest.raises(RuntimeError, match="model exploded"):
            await worker.asummarize(ARTICLE, Length.LONG)
        assert await worker.asummarize(ARTICLE, Length.SHORT) == "tóm tắt Tiêu đề"


def test_closing_is_idempotent_and_a_closed_worker_refuses_work() -> None:
    worker = ModelWorker(GatedEngine())
    worker.close()
    worker.close()
    with pytest.raises(RuntimeError, match="closed"):
        worker.submit(ARTICLE, Length.SHORT)


async def test_real_model_through_the_worker_matches_the_direct_engine(
    tiny_models: TinyModels,
) -> None:
    article = clean_page(tiny_models.text)
    engine = AbstractiveEngine(str(tiny_models.trained_ct2), compute_type="float32", threads=1)
    direct = engine.summarize(article, Length.SHORT)
    async with ModelWorker(engine) as worker:
        results = await asyncio.gather(
            *(worker.asummarize(article, Length.SHORT) for _ in range(3))
        )
        blocking = await asyncio.to_thread(worker.summarize, article, Length.SHORT)
    assert direct == TRAINED_SUMMARY
    assert results == [direct] * 3 and blocking == direct


class StandInEngine:
    """A model that botched one of three chunk summaries of every article."""

    name = "abstractive"
    model_id: str | None = "stand-in"

    def summarize_many(self, jobs: Sequence[Job]) -> list[EngineResult]:
        return [EngineResult(" ".join(job.article.sentences), 1, 3) for job in jobs]


def test_a_digest_made_through_the_worker_is_marked_partly_extractive() -> None:
    page = "Tỉnh Lâm Hà khởi công đường\nSáng nay, tỉnh Lâm Hà khởi công tuyến đường ven sông mới."
    with ModelWorker(StandInEngine()) as worker:
        digest = summarize(page, Length.SHORT, worker)
    assert (digest.engine, digest.model, digest.fallback) == ("abstractive", "stand-in", True)
    assert digest.notes == (f"{PARTLY_EXTRACTIVE}1/3",)

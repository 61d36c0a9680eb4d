"""One worker thread owns the model; requests queue for it and are batched together."""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol

from summarizer.digest import Article, Length
from summarizer.engines.abstractive import DEFAULT_MAX_BATCH
from summarizer.engines.base import EngineResult, EngineUnavailable, ProgressCallback
from summarizer.engines.batching import Job


class BatchEngine(Protocol):
    """An engine that can summarise several articles in one go."""

    name: str
    model_id: str | None

    def summarize_many(self, jobs: Sequence[Job]) -> list[EngineResult]:
        """One summary per job, in order."""
        ...


@dataclass(frozen=True)
class _Request:
    job: Job
    future: Future[EngineResult]


_STOP = object()


class ModelWorker:
    """Serialises every use of one model on one thread; implements the Engine protocol too.

    `summarize` blocks the calling thread (use it from `asyncio.to_thread`);
    `asummarize` awaits without blocking the event loop.
    """

    def __init__(self, engine: BatchEngine, max_batch: int = DEFAULT_MAX_BATCH) -> None:
        self.engine = engine
        self.name = engine.name
        self.model_id = engine.model_id
        self.max_batch = max(1, max_batch)
        self.batches: list[int] = []  # sizes of the batches run so far, for tests and stats
        self._queue: queue.SimpleQueue[_Request | object] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._closed = False

    def submit(
        self, article: Article, length: Length, progress: ProgressCallback | None = None
    ) -> Future[EngineResult]:
        """Queue one article; the future resolves to its summary."""
        future: Future[EngineResult] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the model worker is closed")
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="tomtat-model", daemon=True)
                self._thread.start()
            self._queue.put(_Request(Job(article, length, progress), future))
        return future

    def summarize(
        self, article: Article, length: Length, progress: ProgressCallback | None = None
    ) -> str:
        """Blocking summary (from any thread but the worker's own)."""
        return self.summarize_result(article, length, progress).text

    def summarize_result(
        self, article: Article, length: Length, progress: ProgressCallback | None = None
    ) -> EngineResult:
        """Blocking summary with its stand-in count (from any thread but the worker's own)."""
        if threading.current_thread() is self._thread:
            raise RuntimeError("summarize() called from the model worker thread itself")
        return self.submit(article, length, progress).result()

    async def asummarize(
        self, article: Article, length: Length, progress: ProgressCallback | None = None
    ) -> str:
        """Await a summary; `progress` is called on the event loop's thread."""
        loop = asyncio.get_running_loop()
        relay: ProgressCallback | None = None
        if progress is not None:
            callback = progress

            def relay(done: int, total: int) -> None:
                loop.call_soon_threadsafe(callback, done, total)

        result = await asyncio.wrap_future(self.submit(article, length, relay))
        return result.text

    def _take_batch(self, first: _Request) -> tuple[list[_Request], bool]:
        batch, stop = [first], False
        while len(batch) < self.max_batch:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, _Request):
                batch.append(item)
            else:
                stop = True
                break
        return [r for r in batch if r.future.set_running_or_notify_cancel()], stop

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if not isinstance(item, _Request):
                return
            batch, stop = self._take_batch(item)
            if batch:
                self.batches.append(len(batch))
                try:
                    results = self.engine.summarize_many([r.job for r in batch])
                except BaseException as exc:  # every waiter learns why, the worker lives on
                    for request in batch:
                        request.future.set_exception(exc)
                else:
                    for request, result in zip(batch, results, strict=True):
                        request.future.set_result(result)
            if stop:
                return

    def close(self) -> None:
        """Finish queued requests, then stop the thread; closing twice is harmless."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            thread = self._thread
            self._queue.put(_STOP)
        if thread is not None:
            thread.join()
        # Anything left behind the stop marker is answered, not lost silently.
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if isinstance(item, _Request) and item.future.set_running_or_notify_cancel():
                item.future.set_exception(EngineUnavailable("the model worker was closed"))

    async def aclose(self) -> None:
        """Close without blocking the event loop."""
        await asyncio.to_thread(self.close)

    def __enter__(self) -> ModelWorker:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    async def __aenter__(self) -> ModelWorker:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

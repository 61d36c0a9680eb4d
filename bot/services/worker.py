"""The job worker: one article at a time, summarised off the event loop, each digest stored once
and shown once (replies edit placeholders recorded before use: bot/transport/placeholders.py).

Jobs are claimed under a lease (bot/services/claims.py), so any number of worker processes share
one queue; a worker finds jobs others queued at once (PostgreSQL NOTIFY) or every `queue_poll_s`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from telegram import Bot

from bot.links.jobs import LinkJobs
from bot.links.reader import LinkReader
from bot.services.claims import Claims, woken
from bot.services.engines import EngineBox
from bot.services.relength import Relength
from bot.services.replies import Replies
from bot.services.status import StatusBoard, Tracked, keep_typing
from bot.settings import Settings
from bot.views.digests import buttons, duplicate_chunks
from bot.views.texts import text
from storage import Job, Store
from summarizer.digest import Digest
from summarizer.input_rule import InputError

log = logging.getLogger(__name__)
T = TypeVar("T")
digest_log = logging.getLogger("tomtat.digest")


class Worker:
    """Claims jobs in order and runs them one by one; owns the engine's thread."""

    def __init__(self, store: Store, bot: Bot, engines: EngineBox, settings: Settings) -> None:
        self._store = store
        self._bot = bot
        self._engines = engines
        self._settings = settings
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tomtat-engine")
        self._wake = asyncio.Event()
        self._tasks: set[asyncio.Task[None]] = set()
        self._claims = Claims(store, settings.lease_s, alone=settings.role == "all")
        self._status = StatusBoard(store, bot, self._spawn, after_s=settings.status_after_s,
                                   every_s=settings.status_every_s, owns=self._claims.holds)
        self._loop_task: asyncio.Task[None] | None = None
        self._checked: set[int] = set()  # jobs intake deduplicated conclusively (see submit)
        self._drained = False  # the queue was seen empty since the start
        self._links_wake = asyncio.Event()
        self.latencies_ms: list[int] = []
        self._replies = Replies(store, bot, spawn=self._spawn, forget=self._status.forget,
                                backoff_s=settings.retry_backoff_s)
        self._links = LinkJobs(store, LinkReader(settings), spawn=self._spawn, ready=self._ready,
                               refuse=self._refuse_link)
        self._relength = Relength(store, bot, self._rewrite, self._replies, self._claims.holds)

    async def _rewrite(self, article: str, length: str, kind: str) -> Digest:
        return await self.run_on_engine_thread(self._engines.summarize, article, length, kind, None)

    def _ready(self) -> None:
        """A job may be claimable (another process queued it, or its page was fetched) or a
        fetch slot is free."""
        self._wake.set()
        self._links_wake.set()

    def _spawn(self, coro: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def run_on_engine_thread(self, fn: Callable[..., T], *args: object) -> T:
        """Run blocking work (engine loading, summaries) on the worker's own thread."""
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn, *args)

    async def start(self) -> None:
        """Start taking jobs: queued ones, and those whose lease ran out (a previous run's too)."""
        if self._loop_task is not None:
            raise RuntimeError("worker already started")
        await self._claims.start()
        self._loop_task = asyncio.get_running_loop().create_task(self._run(), name="worker")
        self._spawn(self._claims.keep_alive(), "leases")
        self._spawn(self._links.keep_fetching(self._claims.fetches, self._track, self._links_wake,
                                              self._settings.queue_poll_s), "link-pages")
        if self._settings.queue_notify and self._settings.role == "worker":
            self._spawn(self._store.watch_jobs(self._ready), "listen")  # PostgreSQL only
        self._links.warm()
        self._wake.set()

    async def stop(self) -> None:
        """Stop taking jobs; a job cut short goes back to the queue at once (its lease ends)."""
        if self._loop_task is not None:
            self._loop_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._loop_task
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        with contextlib.suppress(Exception):  # a SIGKILL gives no chance either: leases expire
            await self._claims.release()
        self._executor.shutdown(wait=False, cancel_futures=True)

    def submit(self, job: Job, *, checked: bool = False) -> None:
        """A new job is queued: wake the worker and show a status if it takes a while.

        `checked`: intake found no digest of this article while no job of the chat was in
        flight, so there is nothing it could duplicate and the worker does not look again.
        Without a running worker (an ingress process) the job waits for a worker process.
        """
        if self._loop_task is None:
            return
        if checked:
            self._checked.add(job.id)
        if not job.relength:
            self._track(job)
        self._links_wake.set()
        self._wake.set()

    def _track(self, job: Job) -> Tracked:
        return self._status.track(job)

    def busy_in(self, chat_id: int) -> bool:
        """Whether a job of this chat is waiting, running or undelivered in this run."""
        return self._status.in_chat(chat_id)

    def busy(self) -> bool:
        """Whether any job is waiting, running or undelivered in this run (or, just started,
        whether the queue may still hold jobs to resume)."""
        if len(self._status) > 0 or self._relength.active:
            return True
        return self._loop_task is not None and not self._drained

    async def _run(self) -> None:
        while True:
            job = await self._claims.next()
            if job is None:
                self._drained = True
                await woken(self._wake, self._settings.queue_poll_s)
                continue
            if job.relength:  # a length button: the digest is edited, no status message
                await self._relength.run(job)
                continue
            self._track(job)
            if job.status == "done":  # its worker died before delivering it
                self._spawn(self._deliver_recovered(job), f"redeliver-{job.id}")
                continue
            try:
                await self._process(job)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("job %s failed unexpectedly", job.id)
                await self._give_up(job)

    async def _give_up(self, job: Job) -> None:
        """After an unexpected error: mark the job failed and tell the user kindly."""
        with contextlib.suppress(Exception):
            await self._replies.refuse(self._track(job), "internal error",
                                       [text(job.language, "failed")])
        self._status.forget(job.id)

    # -- one job -----------------------------------------------------------------------------

    async def _process(self, job: Job) -> None:
        tracked = self._track(job)
        tracked.running = True
        self._spawn(self._status.show_now(tracked), f"placeholder-{job.id}")
        # Intake answered a re-sent article at once; the worker looks only where intake could
        # not: a job of the chat was in flight then, a merged paste, a link (known once fetched).
        checked = job.id in self._checked
        self._checked.discard(job.id)
        existing = None if checked else await self._links.same_story(job)
        if existing is not None:
            lang = job.language or "vi"
            await self._replies.refuse(tracked, f"duplicate of #{existing.number}",
                               duplicate_chunks(existing, lang), markup=buttons(existing, lang))
            return
        loop = asyncio.get_running_loop()

        def progress(done: int, total: int) -> None:
            loop.call_soon_threadsafe(setattr, tracked, "progress", (done, total))

        chat = await self._store.chats.settings(job.chat_id)
        typing = loop.create_task(keep_typing(self._bot, job.chat_id))
        started = time.perf_counter()
        try:
            digest, article = await self.run_on_engine_thread(
                self._engines.summarize_page, job.text, job.length, chat.engine, progress)
        except InputError:
            await self._replies.refuse(tracked, "not an article",
                                       [text(job.language, "not_article")])
            return
        except Exception as exc:
            await self._failed(job, tracked, exc)
            return
        finally:
            typing.cancel()
        ms = round((time.perf_counter() - started) * 1000)
        digest = self._links.annotate(job, digest)
        # The cleaned article is what history keeps and searches; the paste stays the original.
        stored = await self._store.jobs.complete(job.chat_id, job.id, digest, article=article)
        self.latencies_ms.append(ms)
        del self.latencies_ms[:-1000]
        digest_log.info(
            "digest chat=%s number=%s words_in=%s words_out=%s engine=%s ms=%s",
            job.chat_id, stored.number, digest.input_words, digest.summary_words, digest.engine, ms,
        )
        # One try inline (it paces the queue); retries go beside it, not holding up other chats.
        if not await self._claims.holds(job.chat_id, job.id):
            # This worker stalled past its lease: the worker that took the job over shows it.
            log.warning("job %s was taken over by another worker; not delivering it", job.id)
            self._status.forget(job.id)
            return
        await self._replies.deliver_digest(tracked, stored, tries=1)

    async def _failed(self, job: Job, tracked: Tracked, exc: Exception) -> None:
        log.warning("job %s attempt %s failed: %r", job.id, job.attempts, exc)
        if job.attempts < self._settings.max_attempts:
            # Back off without blocking other chats: the job stays `running` meanwhile.
            tracked.running = False
            delay = min(30.0, self._settings.retry_backoff_s * 2 ** (job.attempts - 1))
            self._spawn(self._retry_later(job, delay), f"retry-{job.id}")
            return
        await self._replies.refuse(tracked, repr(exc)[:500], [text(job.language, "failed")])

    async def _retry_later(self, job: Job, delay: float) -> None:
        await asyncio.sleep(delay)
        await self._store.jobs.fail(job.chat_id, job.id, "retrying", retry=True)
        self._wake.set()

    # -- delivery ----------------------------------------------------------------------------

    async def _deliver_recovered(self, job: Job) -> None:
        stored = await self._store.digests.get(job.chat_id, job.digest_number) \
            if job.digest_number is not None else None
        if stored is None:
            await self._store.jobs.mark_delivered(job.chat_id, job.id)  # deleted meanwhile
            return
        await self._replies.deliver_digest(self._track(job), stored)

    async def _refuse_link(self, job: Job, error: str, answer: str) -> None:
        await self._replies.refuse(self._track(job), error, [answer])

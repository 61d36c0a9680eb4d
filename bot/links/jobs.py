"""Fetching the pages of link jobs beside the worker's queue, a few at a time."""

from __future__ import annotations

import asyncio
import importlib
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, Protocol

from bot.links.guard import LinkError
from bot.links.reader import LinkReader
from bot.links.source import site_of, with_source
from bot.services.claims import woken
from bot.views.texts import text
from storage import Job, StoredDigest
from storage.digests import DigestsRepository
from storage.folding import content_hash
from storage.jobs import JobsRepository
from summarizer.digest import Digest

log = logging.getLogger(__name__)

CONCURRENT_FETCHES = 4
Spawn = Callable[[Coroutine[Any, Any, Any], str], None]
# Answers a job that ends without a digest, and ends it once the answer is shown.
Refuse = Callable[[Job, str, str], Awaitable[object]]
# Link jobs whose page no process fetches, now this one's to fetch (at most the number given).
Lease = Callable[[int], Awaitable[list[Job]]]


class LinkJobStore(Protocol):
    """The storage side of link jobs: a fetched page's text, and digests of the same story."""

    @property
    def jobs(self) -> JobsRepository:
        """Where the fetched text goes (`set_fetched`)."""

    @property
    def digests(self) -> DigestsRepository:
        """Digests of the same page or text (`find_by_url`, `find_by_content`)."""


class LinkJobs:
    """Fetches a link job's page; the job is summarised by the worker once its text is stored.

    A slow site holds only its own chat (the queue gives no job of a chat waiting for a page);
    every failure is answered in the reader's language and the job ends without a digest.
    """

    def __init__(self, store: LinkJobStore, reader: LinkReader, *, spawn: Spawn,
                 ready: Callable[[], None], refuse: Refuse) -> None:
        self._store = store
        self._reader = reader
        self._spawn = spawn
        self._ready = ready
        self._refuse = refuse
        self._slots = asyncio.Semaphore(CONCURRENT_FETCHES)
        self._fetching: set[int] = set()

    def warm(self) -> None:
        """Load the extractor in the background (~0.2 s), so the first link is not slower."""
        self._spawn(asyncio.to_thread(importlib.import_module, "bot.links.extract"), "links-warm")

    async def keep_fetching(self, lease: Lease, track: Callable[[Job], object],
                            wake: asyncio.Event, poll_s: float) -> None:
        """Fetch the pages nobody fetches, as slots free up: `lease` hands this process the link
        jobs no process is fetching (each page once across processes); woken by `wake` or every
        `poll_s`."""
        while True:
            free = CONCURRENT_FETCHES - len(self._fetching)
            try:
                pages = await lease(free) if free > 0 else []
            except Exception:
                log.exception("could not look for links to fetch; trying again")
                pages = []
            for job in pages:
                track(job)
                self.start(job)
            await woken(wake, poll_s)

    def start(self, job: Job) -> None:
        """Fetch the job's page in the background (once, however often it is submitted)."""
        if job.unfetched and job.id not in self._fetching:
            self._fetching.add(job.id)
            self._spawn(self._fetch(job), f"fetch-{job.id}")

    async def _fetch(self, job: Job) -> None:
        assert job.url is not None
        try:
            async with self._slots:
                article = await self._reader.read(job.url)
            await self._store.jobs.set_fetched(job.chat_id, job.id, article.text, article.url)
            # Sites only: what a reader reads stays out of the log, as for pastes.
            log.info("job %s: fetched a page of %s (%s chars)", job.id, site_of(article.url),
                     len(article.text))
        except LinkError as exc:
            log.info("job %s: link to %s refused: %s %s", job.id, site_of(job.url), exc.key,
                     exc.values.get("reason", ""))
            await self._refuse(job, f"link: {exc.key}", text(job.language, exc.key, **exc.values))
        except Exception:
            log.exception("job %s: fetching from %s failed unexpectedly", job.id, site_of(job.url))
            await self._refuse(job, "link: internal error", text(job.language, "failed"))
        finally:
            self._fetching.discard(job.id)
            self._ready()

    async def same_story(self, job: Job) -> StoredDigest | None:
        """The chat's digest of the same story at the job's length: same page or same text."""
        if job.url:
            found = await self._store.digests.find_by_url(job.chat_id, job.url, job.length)
            if found is not None:
                return found
        # The hash stored with the job; a job queued before it was (schema v12) is hashed here.
        hashed = job.content_hash
        if hashed is None:
            hashed = await asyncio.to_thread(content_hash, job.text)
        return await self._store.digests.find_by_content(job.chat_id, hashed, job.length)

    @staticmethod
    def annotate(job: Job, digest: Digest) -> Digest:
        """The digest of a link job names its page."""
        return with_source(digest, job.url) if job.url else digest

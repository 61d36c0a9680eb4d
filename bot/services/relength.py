"""Length changes (the Short/Medium/Long buttons under a digest) go through the job queue: the
process that takes the press stores a job and answers at once; a worker, the only kind of
process with a model, rewrites the digest and edits it in place (storage/relength_sql.py).

A chat's jobs run one at a time in order, so two quick presses never race: a rewrite still
waiting takes the newer length, and one already running is followed by the next.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable

from telegram import Bot

from bot.services.replies import Replies
from bot.services.status import Owns, Tracked
from bot.transport.delivery import best_effort, send_html
from bot.views.texts import text
from storage import Job, Store, StoredDigest
from summarizer.digest import Digest

log = logging.getLogger(__name__)

Summarize = Callable[[str, str, str], Awaitable[Digest]]  # article, length, engine kind


class Relength:
    """The worker's side: rewrite the digest at the job's length, then edit it in place."""

    def __init__(self, store: Store, bot: Bot, summarize: Summarize, replies: Replies,
                 holds: Owns) -> None:
        self._store = store
        self._bot = bot
        self._summarize = summarize  # on the worker's engine thread
        self._replies = replies
        self._holds = holds
        self.active: set[int] = set()  # jobs claimed here and not yet shown

    async def run(self, job: Job) -> None:
        """Run one claimed length change; never raises (a failure is told to the chat)."""
        self.active.add(job.id)
        try:
            stored = await self._rewrite(job)
            # A worker that stalled past its lease leaves the showing to the one that took over.
            if stored is not None and await self._holds(job.chat_id, job.id):
                tracked = Tracked(job.chat_id, job.id, job.language, job.status_message_id,
                                  None)
                await self._replies.deliver_digest(tracked, stored, tries=1)
        except Exception:
            log.exception("length change %s of chat %s failed", job.id, job.chat_id)
            with contextlib.suppress(Exception):
                await self._store.jobs.fail(job.chat_id, job.id, "internal error", retry=False)
            said = text(job.language, "resummarize_failed", number=job.digest_number)
            await best_effort(send_html(self._bot, job.chat_id, said), "failed")
        finally:
            self.active.discard(job.id)

    async def _rewrite(self, job: Job) -> StoredDigest | None:
        assert job.digest_number is not None
        chat_id, number = job.chat_id, job.digest_number
        current = await self._store.digests.get(chat_id, number)
        article = await self._store.digests.article_text(chat_id, number)
        digest = None  # already at that length (a repeated press, a job taken over)
        if current is not None and article is not None and current.length != job.length:
            engine = (await self._store.chats.settings(chat_id)).engine
            digest = await self._summarize(article, job.length, engine)
        return await self._store.jobs.relength_done(chat_id, job.id, digest)

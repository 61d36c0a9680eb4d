"""A job's answer shown once: its digest or a refusal, retried beside the queue (never holding
it up) when Telegram will not take it; the job ends only once its answer is shown."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram import Bot, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError

from bot.services.status import Tracked
from bot.transport.placeholders import deliver_once
from bot.views.digests import buttons, digest_chunks
from bot.views.texts import text
from storage import Store, StoredDigest

log = logging.getLogger(__name__)

DELIVERY_TRIES = 4
LATER_ROUNDS = 12
Spawn = Callable[[Coroutine[Any, Any, None], str], None]


class Replies:
    """Delivers the answers of the worker's jobs (placeholders first, then edits)."""

    def __init__(self, store: Store, bot: Bot, *, spawn: Spawn, forget: Callable[[int], None],
                 backoff_s: float) -> None:
        self._store = store
        self._bot = bot
        self._spawn = spawn
        self._forget = forget  # the job's status is no longer shown
        self._backoff_s = backoff_s

    async def deliver_digest(self, tracked: Tracked, stored: StoredDigest, *,
                              tries: int = DELIVERY_TRIES) -> None:
        lang = tracked.language or "vi"
        chunks, markup = digest_chunks(stored, lang), buttons(stored, lang)
        if await self._deliver(tracked, chunks, tries=tries, markup=markup):
            await self._store.jobs.mark_delivered(tracked.chat_id, tracked.job_id)
        elif tries < DELIVERY_TRIES:
            self._spawn(self.deliver_digest(tracked, stored), f"deliver-{tracked.job_id}")
        else:
            self._spawn(self._redeliver(tracked, chunks, self._store.jobs.mark_delivered, markup),
                        f"redeliver-{tracked.job_id}")

    async def refuse(self, tracked: Tracked, error: str, chunks: list[str], *,
                      markup: InlineKeyboardMarkup | None = None) -> None:
        """Answer a job that ends without a digest, then end it.

        The job stays open until its answer is shown: ended first, a crash or a Telegram
        outage in between left the reader unanswered and nothing to retry. Open, start-up
        recovery runs it again and deliver_once shows the answer once.
        """

        async def end(chat_id: int, job_id: int) -> None:
            await self._store.jobs.fail(chat_id, job_id, error, retry=False)

        if await self._deliver(tracked, chunks, markup=markup):
            await end(tracked.chat_id, tracked.job_id)
        else:
            self._spawn(self._redeliver(tracked, chunks, end, markup), f"refuse-{tracked.job_id}")

    async def _redeliver(self, tracked: Tracked, chunks: list[str],
                         then: Callable[[int, int], Awaitable[None]],
                         markup: InlineKeyboardMarkup | None) -> None:
        """Keep trying a reply Telegram would not take, without holding up the queue."""
        for round_ in range(LATER_ROUNDS):
            await asyncio.sleep(min(300.0, self._backoff_s * 15 * 2**round_))
            if await self._deliver(tracked, chunks, markup=markup):
                await then(tracked.chat_id, tracked.job_id)
                return
        log.error("job %s left undelivered; it is retried at the next start-up", tracked.job_id)

    async def _deliver(self, tracked: Tracked, chunks: list[str], *, tries: int = DELIVERY_TRIES,
                       markup: InlineKeyboardMarkup | None = None) -> bool:
        """Show the reply (placeholders, then edits), retrying failures; True once it is shown.

        `markup` (the digest's buttons) goes under the last part.
        """
        async with tracked.lock:
            tracked.finished = True
            for attempt in range(tries):
                try:
                    await deliver_once(
                        self._bot, self._store.jobs, self._store.queue, tracked.chat_id,
                        tracked.job_id, chunks,
                        reply_to=tracked.reply_to,
                        placeholder=text(tracked.language, "delivering"),
                        reply_markup=markup,
                    )
                    self._forget(tracked.job_id)
                    return True
                except (Forbidden, BadRequest) as exc:
                    # The chat is gone or refuses this reply: retrying cannot help.
                    log.error("job %s cannot be delivered to chat %s: %s", tracked.job_id,
                              tracked.chat_id, exc)
                    self._forget(tracked.job_id)
                    return True
                except RetryAfter as exc:
                    wait = exc.retry_after
                    seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
                    if attempt + 1 < tries:  # else later, beside the queue, not holding it
                        log.warning("flood control: waiting %.0f s before delivering", seconds)
                        await asyncio.sleep(seconds)
                except TelegramError as exc:
                    log.warning("delivery of job %s failed (try %s): %s", tracked.job_id,
                                attempt + 1, exc)
                    if attempt + 1 < tries:
                        await asyncio.sleep(min(30.0, self._backoff_s * 2**attempt))
        log.warning("job %s not delivered yet; trying again later", tracked.job_id)
        return False

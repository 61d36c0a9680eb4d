"""Status messages: queue position for a job still waiting after a while, then "working" from
the moment it runs, then chunk progress; the reply is edited into the same message.

The status message is the job's, not a worker's: the first recorded stands (a second worker's
is deleted), and only the worker holding the job's lease updates it, so a worker that stalled
and lost its job never writes "working…" over the digest the other one delivered there.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from telegram import Bot
from telegram.constants import ChatAction
from telegram.error import TelegramError

from bot.transport.delivery import best_effort, edit_html, send_html
from bot.transport.priority import cosmetic
from bot.views.texts import text
from storage import Job, Store

log = logging.getLogger(__name__)

# Queue positions change with every finished job; edit those less often than progress to
# spare the chat's Telegram budget (groups get about 20 messages a minute).
QUEUED_SLOWER = 4
TYPING_EVERY_S = 4.5

Spawn = Callable[[Coroutine[Any, Any, Any], str], None]
Owns = Callable[[int, int], Awaitable[bool]]  # (chat id, job id): whether our lease holds


async def keep_typing(bot: Bot, chat_id: int) -> None:
    """Show "typing…" in the chat until cancelled (Telegram shows it for about 5 s)."""
    while True:
        with cosmetic():
            await best_effort(bot.send_chat_action(chat_id, ChatAction.TYPING), "typing")
        await asyncio.sleep(TYPING_EVERY_S)


@dataclass
class Tracked:
    """What the status updater and the delivery share about one job."""

    chat_id: int
    job_id: int
    language: str | None
    status_message_id: int | None
    reply_to: int | None
    progress: tuple[int, int] | None = None
    running: bool = False
    finished: bool = False
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    shown: str = ""
    shown_at: float = 0.0


class StatusBoard:
    """Tracks unfinished jobs; shows a status message for those not done after `after_s`."""

    def __init__(
        self, store: Store, bot: Bot, spawn: Spawn, *, after_s: float, every_s: float,
        owns: Owns,
    ) -> None:
        self._store = store
        self._owns = owns
        self._bot = bot
        self._after = after_s
        self._every = every_s
        self._spawn = spawn
        self._jobs: dict[int, Tracked] = {}

    def __len__(self) -> int:
        return len(self._jobs)

    def track(self, job: Job) -> Tracked:
        """The tracking record of a job, created (with its status updater) on first sight."""
        tracked = self._jobs.get(job.id)
        if tracked is None:
            tracked = Tracked(job.chat_id, job.id, job.language, job.status_message_id,
                              job.reply_to)
            self._jobs[job.id] = tracked
            self._spawn(self._loop(tracked), f"status-{job.id}")
        return tracked

    def in_chat(self, chat_id: int) -> bool:
        """Whether a job of this chat is waiting, running or undelivered."""
        return any(t.chat_id == chat_id for t in self._jobs.values())

    def forget(self, job_id: int) -> None:
        """The job's reply was delivered (or can never be)."""
        self._jobs.pop(job_id, None)

    async def show_now(self, tracked: Tracked) -> None:
        """The job started: show its status at once. The reply is delivered by editing this
        message, so sending it while the engine works keeps that send off the queue's path."""
        try:
            async with tracked.lock:
                if not tracked.finished and tracked.status_message_id is None:
                    await self._show(tracked, owned=True)  # just claimed
        except TelegramError as exc:  # delivery makes its own placeholder then
            log.info("status message for job %s failed: %s", tracked.job_id, exc)

    async def _text(self, tracked: Tracked) -> str:
        if tracked.progress and tracked.progress[1] > 1:
            done, total = tracked.progress
            return text(tracked.language, "working_progress", done=done, total=total)
        if tracked.running:
            return text(tracked.language, "working")
        position = await self._store.jobs.queue_position(tracked.chat_id, tracked.job_id)
        return text(tracked.language, "queued", position=max(1, position))

    async def _loop(self, tracked: Tracked) -> None:
        await asyncio.sleep(self._after)
        while not tracked.finished:
            try:
                async with tracked.lock:
                    if tracked.finished:
                        return
                    with cosmetic():
                        if not await self._show(tracked):
                            log.info("job %s was taken over; its status is no longer ours",
                                     tracked.job_id)
                            return
            except TelegramError as exc:
                log.info("status message for job %s failed: %s", tracked.job_id, exc)
            except Exception:
                log.exception("status message for job %s", tracked.job_id)
            await asyncio.sleep(self._every)

    async def _show(self, tracked: Tracked, owned: bool = False) -> bool:
        """Show the job's status if it changed; False when the job was taken over (not ours)."""
        quiet = self._every * (1 if tracked.running else QUEUED_SLOWER)
        # Checked before the text: within the quiet interval its queue-position query is wasted.
        if tracked.shown and time.monotonic() - tracked.shown_at < quiet:
            return True
        status = await self._text(tracked)
        if status == tracked.shown:
            return True
        # Asked only before an edit: a read per tick of every running job would be wasted.
        if tracked.running and not owned and not await self._owns(tracked.chat_id,
                                                                  tracked.job_id):
            return False
        shown = tracked.status_message_id
        if shown is None or not await edit_html(self._bot, tracked.chat_id, shown, status):
            await self._place(tracked, status)
        tracked.shown = status
        tracked.shown_at = time.monotonic()
        return True

    async def _place(self, tracked: Tracked, status: str) -> None:
        """A new status message (none yet, or the reader deleted it) recorded as the job's;
        when another worker's stands already, ours goes and theirs shows the status."""
        sent = await send_html(self._bot, tracked.chat_id, status, reply_to=tracked.reply_to)
        standing = await self._store.queue.record_status(
            tracked.chat_id, tracked.job_id, sent.message_id,
            replacing=tracked.status_message_id)
        tracked.status_message_id = standing
        if standing != sent.message_id:
            await best_effort(self._bot.delete_message(tracked.chat_id, sent.message_id),
                              "status")
            await edit_html(self._bot, tracked.chat_id, standing, status)

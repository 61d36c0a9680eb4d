"""The merge window: the pieces of one client-split paste become one job, crash-safely.

A group is opened only by a piece that looks like a client split (paste/shape.py); the piece after
it joins, and the group closes at once when that piece is not itself a split (the paste's last
piece), or after the quiet window otherwise.

Each fragment is written to the store before the handler returns (so before the update is
confirmed to Telegram); the job is made in one transaction when the user has been quiet for the
window, checked in the closing transaction: pieces of one paste may reach other processes
(ingress replicas), so whether a paste is open is read from the store too (sweep.py: the rest).

A paste never grows past the article limit: the fragment that would take it over closes it (its
job is made at once, so what was pasted first is kept), and that fragment and the rest of the
burst are dropped unwritten, answered by one message when the burst ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.paste.extract import NotArticle
from bot.services.intake.sweep import PasteSweep, now_ms
from storage import Job, Store

log = logging.getLogger(__name__)

OnJob = Callable[[Job], Awaitable[None]]
OnReject = Callable[["Refused", NotArticle], Awaitable[None]]


@dataclass(frozen=True)
class Refused:
    """Where to answer a paste refused as a whole (nothing of it is kept)."""

    chat_id: int
    language: str | None
    reply_to: int | None


@dataclass
class _Group:
    length: str
    language: str | None
    reply_to: int | None
    chars: int = 0  # length of the joined fragments so far
    timer: asyncio.Task[None] | None = field(default=None, repr=False)


@dataclass
class _Overflow:
    """The rest of a burst that went past the article limit: counted, not kept."""

    refused: Refused
    dropped: int = 1
    timer: asyncio.Task[None] | None = field(default=None, repr=False)


class Intake:
    """Collects fragments per (chat, user) and turns each quiet group into one job."""

    def __init__(
        self, store: Store, *, window_s: float, max_chars: int, on_job: OnJob, on_reject: OnReject
    ) -> None:
        self._store = store
        self._window = window_s
        self._max_chars = max_chars
        self._on_job = on_job
        self._on_reject = on_reject
        self._groups: dict[tuple[int, int], _Group] = {}
        self._overflows: dict[tuple[int, int], _Overflow] = {}
        self._closed = False
        self._closing = 0
        self._sweep = PasteSweep(store, window_s, self._close_stored)

    async def pending(self, chat_id: int, user_id: int) -> bool:
        """Whether this user has an open paste in this chat (more fragments merge into it),
        here or in another process sharing the store."""
        if (chat_id, user_id) in self._groups or (chat_id, user_id) in self._overflows:
            return True
        since = now_ms() - round(self._window * 1000)
        return await self._store.chats.paste_open(chat_id, user_id, since)

    def busy(self) -> bool:
        """Whether any paste is still open or being turned into a job."""
        return bool(self._groups) or bool(self._overflows) or self._closing > 0

    def open_groups(self, user_id: int) -> int:
        """How many pastes the user has open (they count as pending jobs)."""
        return sum(1 for _, uid in self._groups if uid == user_id)

    async def add(
        self,
        chat_id: int,
        user_id: int,
        message_id: int,
        text: str,
        *,
        length: str,
        language: str | None,
        reply_to: int | None,
        more: bool = True,
    ) -> None:
        """Persist one fragment, then (re)start the quiet window of its group.

        `more` False: this piece ends the paste, so the group becomes a job now.
        """
        if self._closed:
            raise RuntimeError("intake is closed")
        key = (chat_id, user_id)
        overflow = self._overflows.get(key)
        if overflow is not None:
            overflow.dropped += 1
            self._end_burst_later(key, overflow)
            return
        group = self._groups.get(key)
        grown = len(text) if group is None else group.chars + 1 + len(text)
        if group is not None and grown > self._max_chars:
            await self._overflow(key, group)
            return
        await self._store.chats.add_fragment(chat_id, user_id, message_id, text)
        if group is None:
            group = self._groups[key] = _Group(length, language, reply_to)
        group.chars = grown
        self._schedule(key, group, self._window if more else 0)

    async def _overflow(self, key: tuple[int, int], group: _Group) -> None:
        """Keep the paste so far as its own job; drop what comes until the burst ends."""
        if group.timer is not None:
            group.timer.cancel()
        del self._groups[key]
        overflow = self._overflows[key] = _Overflow(Refused(key[0], group.language,
                                                            group.reply_to))
        self._end_burst_later(key, overflow)
        self._closing += 1
        try:
            await self._close(key, group)
        finally:
            self._closing -= 1

    def _end_burst_later(self, key: tuple[int, int], overflow: _Overflow) -> None:
        if overflow.timer is not None:
            overflow.timer.cancel()
        overflow.timer = asyncio.get_running_loop().create_task(
            self._end_burst(key, overflow), name=f"overflow-{key[0]}-{key[1]}")

    async def _end_burst(self, key: tuple[int, int], overflow: _Overflow) -> None:
        await asyncio.sleep(self._window)
        if self._overflows.get(key) is overflow:
            del self._overflows[key]
        log.info("paste in chat %s went past the limit: %s message(s) dropped", key[0],
                 overflow.dropped)
        refusal = NotArticle("paste_overflow", dropped=overflow.dropped,
                             limit=f"{self._max_chars:,}")
        await self._on_reject(overflow.refused, refusal)

    def _schedule(self, key: tuple[int, int], group: _Group, delay: float) -> None:
        if group.timer is not None:
            group.timer.cancel()
        group.timer = asyncio.get_running_loop().create_task(
            self._close_later(key, group, delay), name=f"merge-{key[0]}-{key[1]}"
        )

    async def _close_later(self, key: tuple[int, int], group: _Group, delay: float) -> None:
        await asyncio.sleep(delay)
        if self._groups.get(key) is group:
            del self._groups[key]
        self._closing += 1
        try:
            # After a quiet window, close only if no process got a piece since (then it times
            # the paste, or the sweep closes it); the paste's last piece closes it at once.
            quiet_before = now_ms() - round(self._window * 1000) if delay else None
            await self._close(key, group, quiet_before)
        except Exception:
            # The fragments stay on disk and are recovered at the next start-up.
            log.exception("could not close the paste of chat %s", key[0])
        finally:
            self._closing -= 1

    async def _close(self, key: tuple[int, int], group: _Group,
                     quiet_before: int | None = None) -> None:
        chat_id, user_id = key
        fragments = await self._store.chats.fragments(chat_id, user_id)
        chars = len("\n".join(f.text for f in fragments))
        if chars > self._max_chars:
            dropped = await self._store.chats.discard_fragments(chat_id, user_id)
            log.info("paste of %s fragments in chat %s refused: %s chars", dropped, chat_id, chars)
            refusal = NotArticle("paste_too_long", chars=f"{chars:,}", limit=f"{self._max_chars:,}")
            await self._on_reject(Refused(chat_id, group.language, group.reply_to), refusal)
            return
        job = await self._store.jobs.fragments_to_job(
            chat_id, user_id, length=group.length, language=group.language,
            reply_to=group.reply_to, quiet_before=quiet_before,
        )
        if job is not None:
            await self._on_job(job)

    async def recover(self, *, alone: bool = True) -> int:
        """Close the pastes left on disk (see PasteSweep.start) and keep sweeping; how many."""
        return await self._sweep.start(alone=alone)

    async def _close_stored(self, key: tuple[int, int], quiet_before: int | None) -> bool:
        """Close a paste on disk that no timer here waits for; whether there was one."""
        fragments = await self._store.chats.fragments(*key)
        if key in self._groups or key in self._overflows or not fragments:
            return False
        chat = await self._store.chats.settings(key[0])
        group = _Group(chat.length, chat.language, min(f.message_id for f in fragments),
                       chars=len("\n".join(f.text for f in fragments)))
        self._closing += 1
        try:
            await self._close(key, group, quiet_before)
        finally:
            self._closing -= 1
        return True

    async def close(self) -> None:
        """Stop the timers; open groups stay on disk for the next start-up. Idempotent."""
        self._closed = True
        await self._sweep.stop()
        timers = [g.timer for g in self._groups.values() if g.timer is not None]
        timers += [o.timer for o in self._overflows.values() if o.timer is not None]
        for timer in timers:
            timer.cancel()
        for timer in timers:
            with contextlib.suppress(asyncio.CancelledError):
                await timer
        self._groups.clear()
        self._overflows.clear()


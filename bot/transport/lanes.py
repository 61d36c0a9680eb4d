"""Updates handled chat by chat: in order within a chat, chats side by side.

Telegram confirms every update below the `offset` of a `getUpdates` call, so the offset may only
move past an update once it has been handled (its fragment or job is on disk). `Lanes` knows
which updates are handled and so how far the offset may go, while a slow update of one chat
holds neither the other chats nor the next `getUpdates`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Iterable

from telegram import Update

log = logging.getLogger(__name__)

Handle = Callable[[Update], Awaitable[None]]


def chat_key(update: Update) -> int:
    """The lane of an update: its chat (0 for updates without one)."""
    chat = update.effective_chat
    return chat.id if chat else 0


class Lanes:
    """One running chain of handlers per chat; tracks which update ids are handled."""

    def __init__(self, handle: Handle) -> None:
        self._handle = handle
        self._tails: dict[int, asyncio.Task[None]] = {}
        self._running: dict[int, asyncio.Task[None]] = {}  # update_id → its task
        self._handled: set[int] = set()  # handled ids Telegram may still send again
        self._abandoned: set[int] = set()  # cut short at shutdown: never confirmed
        self._last: int | None = None  # the update_id taken last
        self.progress = asyncio.Event()  # set each time an update finishes

    def known(self, update_id: int) -> bool:
        """Whether the update is being handled or was handled (Telegram sends it again)."""
        # No 'below the offset' shortcut: update ids restart at random after a week of silence.
        return update_id in self._running or update_id in self._handled

    def busy(self) -> bool:
        """Whether any update is still being handled."""
        return bool(self._running)

    def offset(self) -> int | None:
        """The `getUpdates` offset that confirms exactly the handled updates (None: none yet)."""
        unfinished = self._running.keys() | self._abandoned
        if unfinished:
            return min(unfinished)
        return None if self._last is None else self._last + 1

    def skip(self, update_ids: Iterable[int]) -> None:
        """Count updates as handled without handling them (an earlier run did)."""
        for update_id in update_ids:
            self._handled.add(update_id)
            self._last = update_id

    def take(self, update: Update) -> asyncio.Task[None]:
        """Start handling `update` after the earlier updates of its chat; its task."""
        key = chat_key(update)
        before = self._tails.get(key)
        task = asyncio.get_running_loop().create_task(
            self._run(before, update), name=f"update-{update.update_id}")
        self._tails[key] = task
        self._running[update.update_id] = task
        self._last = update.update_id
        task.add_done_callback(lambda done: self._finished(key, update.update_id, done))
        return task

    async def _run(self, before: asyncio.Task[None] | None, update: Update) -> None:
        if before is not None:
            await asyncio.wait({before})  # order within the chat, whatever became of it
        try:
            await self._handle(update)
        except Exception:
            log.exception("update %s failed", update.update_id)

    def _finished(self, key: int, update_id: int, task: asyncio.Task[None]) -> None:
        self._running.pop(update_id, None)
        if task.cancelled():
            self._abandoned.add(update_id)
        else:
            self._handled.add(update_id)
        if self._tails.get(key) is task:
            del self._tails[key]
        self.progress.set()

    def confirmed(self, offset: int | None) -> None:
        """A `getUpdates` with this offset was answered: Telegram has forgotten the updates
        below it, so they need not be remembered. (Handled updates at or above it may still be
        in an answer to a request already on its way: they stay known until then.)"""
        if offset is not None:
            self._handled = {uid for uid in self._handled if uid >= offset}

    async def close(self, grace_s: float) -> None:
        """Let running updates finish for `grace_s`, then cancel the rest (they stay unconfirmed
        at Telegram, which sends them again after a restart)."""
        running = list(self._running.values())
        if running:
            await asyncio.wait(running, timeout=grace_s)
        for task in running:
            task.cancel()
        for task in running:
            with contextlib.suppress(asyncio.CancelledError):
                await task

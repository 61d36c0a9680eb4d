"""Telegram's update queue: ids, offset confirmation, long polling, superseded polls."""

from __future__ import annotations

import asyncio
import contextlib
import copy
from typing import Any

from tests.support.stub_api.model import ApiError


class UpdateQueue:
    """Pending updates; getUpdates confirms everything below `offset`, as Telegram does."""

    def __init__(self, first_id: int = 100_000) -> None:
        self._pending: list[dict[str, Any]] = []
        self._again: list[dict[str, Any]] = []  # redelivered duplicates, sent whatever the offset
        self._next_id = first_id
        self._changed = asyncio.Event()
        self._generation = 0
        self.history: dict[int, dict[str, Any]] = {}  # every update ever pushed, by id

    @property
    def pending(self) -> int:
        """Updates not yet confirmed by the bot."""
        return len(self._again) + len(self._pending)

    def push(self, body: dict[str, Any]) -> int:
        """Queue a new update (body without update_id); returns its update_id."""
        update_id = self._next_id
        self._next_id += 1
        update = {"update_id": update_id, **body}
        self._pending.append(update)
        self.history[update_id] = update
        self._wake()
        return update_id

    def redeliver(self, update_id: int) -> None:
        """Send an already-sent update again, same id (what a lost confirmation causes)."""
        self._again.append(copy.deepcopy(self.history[update_id]))
        self._wake()

    def confirm(self, offset: int) -> None:
        """Forget updates below offset (a negative offset keeps only the last -offset ones)."""
        if offset < 0:
            self._pending = self._pending[offset:]
        else:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]

    def first(self) -> dict[str, Any] | None:
        """The oldest pending update (for webhook delivery)."""
        waiting = self._again + self._pending
        return waiting[0] if waiting else None

    def done(self, update: dict[str, Any]) -> None:
        """A webhook delivery succeeded: drop exactly that update."""
        self._again = [u for u in self._again if u is not update]
        self._pending = [u for u in self._pending if u is not update]

    def drop_all(self) -> None:
        """deleteWebhook/setWebhook with drop_pending_updates."""
        self._pending.clear()
        self._again.clear()

    def _take(self, limit: int) -> list[dict[str, Any]]:
        again, self._again = self._again, []
        return again + self._pending[: max(0, limit - len(again))]

    def _wake(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait(self, timeout: float) -> None:
        """Until something changes or timeout."""
        changed = self._changed
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(changed.wait(), timeout)

    async def get_updates(
        self, offset: int | None, limit: int, timeout: float, gone: asyncio.Event
    ) -> list[dict[str, Any]]:
        """Long polling: answer at once when updates wait, else when one arrives or time is up."""
        if offset:
            self.confirm(offset)
        self._generation += 1
        generation = self._generation
        self._wake()  # an older poll still waiting is now superseded
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(0.0, timeout)
        while True:
            if generation != self._generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure "
                    "that only one bot instance is running",
                )
            if gone.is_set():
                return []
            if self._pending or self._again:
                return self._take(max(1, min(limit, 100)))
            remaining = deadline - loop.time()
            if remaining <= 0:
                return []
            tasks = [
                asyncio.ensure_future(self._changed.wait()),
                asyncio.ensure_future(gone.wait()),
            ]
            try:
                await asyncio.wait(tasks, timeout=remaining, return_when=asyncio.FIRST_COMPLETED)
            finally:
                for task in tasks:
                    task.cancel()

"""Pastes no timer here is waiting for: the previous run's, and those whose pieces reached other
processes (ingress replicas). A sweep every half window closes each once it has been quiet for
the window; the close re-checks that in its own transaction, so two sweepers close it once."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable

from storage import Store

log = logging.getLogger(__name__)

# Closes one paste found on disk (quiet_before: only if no piece came after it, epoch ms);
# whether it did.
CloseStored = Callable[[tuple[int, int], "int | None"], Awaitable[bool]]


def now_ms() -> int:
    """Epoch milliseconds, as the store stamps fragments."""
    return time.time_ns() // 1_000_000


class PasteSweep:
    """Finds the pastes on disk that are quiet (or all of them) and has them closed."""

    def __init__(self, store: Store, window_s: float, close: CloseStored) -> None:
        self._store = store
        self._window_ms = round(window_s * 1000)
        self._close = close
        self._task: asyncio.Task[None] | None = None

    async def start(self, *, alone: bool) -> int:
        """Sweep now, then every half window; how many pastes closed now. `alone`: no other
        process takes pieces of pastes, so every paste on disk was cut short by the previous
        run's end and closes now, quiet or not."""
        closed = await self.once(quiet=not alone)
        self._task = asyncio.get_running_loop().create_task(self._forever(), name="paste-sweep")
        return closed

    async def once(self, *, quiet: bool = True) -> int:
        """Close the pastes quiet for the window (every paste: `quiet` False); how many."""
        owners = await self._store.chats.recover_fragment_owners(
            now_ms() - self._window_ms if quiet else None)
        closed = 0
        for key in owners:
            # The window is measured again at the close: a piece may have come meanwhile.
            closed += await self._close(key, now_ms() - self._window_ms if quiet else None)
        return closed

    async def _forever(self) -> None:
        while True:
            await asyncio.sleep(self._window_ms / 2000)
            try:
                await self.once()
            except Exception:
                log.exception("the paste sweep failed; trying again")

    async def stop(self) -> None:
        """Stop sweeping; idempotent."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

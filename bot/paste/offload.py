"""Blocking work (decoding, parsing) off the event loop, within a time budget.

Each call runs in its own daemon thread: a parse past its budget is abandoned, not waited for,
so it can neither hold up other chats nor delay the process's shutdown (`asyncio.to_thread`
uses the loop's default executor, whose threads `asyncio.run` joins on exit).
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

PARSE_BUDGET_S = 10.0
# At most this many parses hold a CPU at once; more wait their turn (inside their budget).
_SLOTS = threading.BoundedSemaphore(2)


async def run_bounded(fn: Callable[..., T], *args: object, budget_s: float | None = None
                      ) -> T:
    """`fn(*args)` on a daemon thread; TimeoutError past `budget_s` (default PARSE_BUDGET_S)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(value: T | None, error: BaseException | None) -> None:
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value)  # type: ignore[arg-type]

    def work() -> None:
        with _SLOTS:
            try:
                result, error = fn(*args), None
            except Exception as exc:
                result, error = None, exc
        # The loop may be closed by now (budget passed, process stopping): nobody waits then.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=work, name="tomtat-parse", daemon=True).start()
    return await asyncio.wait_for(future, PARSE_BUDGET_S if budget_s is None else budget_s)

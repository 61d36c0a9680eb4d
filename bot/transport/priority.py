"""Replies first: cosmetic Bot API calls (status messages, chat actions) yield Telegram's budget.

Telegram allows about 30 messages a second per bot, and `AIORateLimiter` serves callers in
arrival order. With many jobs queued, status messages ("vị trí 12 trong hàng đợi") took most
of that budget and made digests and command replies wait behind them (measured: ~200 instead of
~1200 digests a minute). Calls made inside `cosmetic()` may use a third of the budget and are
skipped (raising `BudgetBusy`, a TelegramError their callers already treat as a best-effort
failure, to be tried again at their next tick) beyond that, or while replies queue up.

A 429 (RetryAfter) answered to a call for a chat pauses that chat only: `AIORateLimiter` would
pause every call of the bot for its `retry_after`. Calls without a chat keep the global pause.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter, TelegramError
from telegram.ext import AIORateLimiter

_COSMETIC: ContextVar[bool] = ContextVar("tomtat_cosmetic", default=False)
COSMETIC_PER_SECOND = 10  # of Telegram's ~30 messages a second
REPLIES_WAITING = 3  # this many replies waiting for the limiter: no cosmetic call at all


class BudgetBusy(TelegramError):
    """A cosmetic call was skipped because replies need the rate budget now."""


@contextmanager
def cosmetic() -> Iterator[None]:
    """Mark the Bot API calls made inside as cosmetic (they may be skipped under load)."""
    token = _COSMETIC.set(True)
    try:
        yield
    finally:
        _COSMETIC.reset(token)


class PriorityRateLimiter(AIORateLimiter):
    """AIORateLimiter that lets replies go before cosmetic calls."""

    def __init__(self, *args: Any, cosmetic_per_second: float = COSMETIC_PER_SECOND,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._per_second = cosmetic_per_second
        self._cosmetic: deque[float] = deque()  # start times of recent cosmetic calls
        self._replies = 0
        self._paused: dict[str, float] = {}  # chat → monotonic time its 429 pause ends

    def _pause_chat(self, chat: str, exc: RetryAfter) -> None:
        wait = exc.retry_after
        seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
        self._paused[chat] = max(self._paused.get(chat, 0.0), time.monotonic() + seconds + 0.1)

    async def _chat_pause(self, chat: str) -> None:
        until = self._paused.get(chat)
        if until is None:
            return
        if until <= time.monotonic():
            del self._paused[chat]
            return
        await asyncio.sleep(until - time.monotonic())

    async def _per_chat(self, callback: Callable[..., Coroutine[Any, Any, Any]], args: Any,
                        kwargs: dict[str, Any], endpoint: str, data: dict[str, Any],
                        rate_limit_args: int | None) -> Any:
        """Rate-limit as AIORateLimiter does, but a chat's 429 pauses only that chat."""
        chat_id = data.get("chat_id")
        if chat_id is None:
            return await super().process_request(callback, args, kwargs, endpoint, data,
                                                  rate_limit_args)
        chat = str(chat_id)
        # Groups and channels (negative or @name ids) have their own per-minute limiter.
        group = chat_id if chat.startswith(("-", "@")) else False
        retries = rate_limit_args or self._max_retries
        paid = bool(data.get("allow_paid_broadcast", False))
        for attempt in range(retries + 1):
            await self._chat_pause(chat)
            try:
                return await self._run_request(chat=True, group=group, allow_paid_broadcast=paid,
                                               callback=callback, args=args, kwargs=kwargs)
            except RetryAfter as exc:
                self._pause_chat(chat, exc)
                if attempt == retries:
                    raise
        return None  # not reached: the last attempt returns or raises

    def _cosmetic_room(self) -> bool:
        now = time.monotonic()
        while self._cosmetic and now - self._cosmetic[0] > 1.0:
            self._cosmetic.popleft()
        return len(self._cosmetic) < self._per_second

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        """Skip a cosmetic call while replies wait; otherwise rate-limit as usual."""
        if _COSMETIC.get():
            if self._replies >= REPLIES_WAITING or not self._cosmetic_room():
                raise BudgetBusy(f"{endpoint} skipped: replies need the rate budget")
            started = time.monotonic()
            self._cosmetic.append(started)
            try:
                return await self._per_chat(callback, args, kwargs, endpoint, data,
                                            rate_limit_args)
            except BaseException:
                # Cancelled (a typing action whose summary already ended) or failed: not sent,
                # so its share of the budget goes back.
                with contextlib.suppress(ValueError):
                    self._cosmetic.remove(started)
                raise
        self._replies += 1
        try:
            return await self._per_chat(callback, args, kwargs, endpoint, data, rate_limit_args)
        finally:
            self._replies -= 1

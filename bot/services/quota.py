"""The per-user limits every way in must pass: new articles, re-sent ones, button presses.

A re-sent article answers with a whole digest and a Show button sends one, so both count against
the article rate limit like a new article; every button press also counts against a press limit.
Refusals are told once per burst: a flood gets one reply, not one per message.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from bot.services.limits import RateLimiter
from bot.settings import Settings
from bot.views.texts import text

BURST_GAP_S = 5.0  # refusals closer together than this are one burst
PRESS_COUNT, PRESS_WINDOW_S = 20, 30.0


class BurstGate:
    """Says whether a refusal should be told: only the first of each burst is."""

    def __init__(self, gap_s: float = BURST_GAP_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._gap = gap_s
        self._clock = clock
        self._last: dict[tuple[int, int], float] = {}

    def first(self, chat_id: int, user_id: int) -> bool:
        """Record a refusal; True when it starts a burst (tell the user), False otherwise."""
        now = self._clock()
        last = self._last.get((chat_id, user_id))
        self._last[(chat_id, user_id)] = now
        if len(self._last) > 10_000:  # forget quiet users so memory stays bounded
            self._last = {k: t for k, t in self._last.items() if now - t <= self._gap}
        return last is None or now - last > self._gap


def charge(limiter: RateLimiter, refusals: BurstGate, chat_id: int, user_id: int,
           lang: str) -> tuple[bool, str | None]:
    """Count one digest shown on request: (allowed, the refusal to tell — once per burst)."""
    wait = limiter.retry_after(user_id)
    if not wait:
        limiter.record(user_id)
        return True, None
    told = refusals.first(chat_id, user_id)
    return False, text(lang, "rate_limited", seconds=wait) if told else None


def press_limiter() -> RateLimiter:
    """The per-user limit on button presses of any kind."""
    return RateLimiter(PRESS_COUNT, PRESS_WINDOW_S)


def press_refusal(presses: RateLimiter, articles: RateLimiter, user_id: int, *,
                  sends_digest: bool, lang: str) -> str | None:
    """Count a button press; the toast text when it goes over a limit, else None."""
    wait = presses.retry_after(user_id)
    if not wait and sends_digest:
        wait = articles.retry_after(user_id)
    if wait:
        return text(lang, "rate_limited", seconds=wait)
    presses.record(user_id)
    if sends_digest:
        articles.record(user_id)
    return None


class JobCounts(Protocol):
    """The storage side of the limits: how many jobs wait."""

    async def pending(self, chat_id: int, user_id: int) -> int:
        """Queued plus running jobs of one user in one chat."""

    async def queue_length(self) -> int:
        """Queued plus running jobs of every chat."""


class OpenPastes(Protocol):
    """The intake side of the limits: pastes still being collected count as pending jobs."""

    def open_groups(self, user_id: int) -> int:
        """How many pastes the user has open."""


@dataclass(frozen=True)
class Room:
    """What the limits say now: the refusal (None: let through) and the user's open jobs."""

    refusal: str | None
    pending: int = 0


async def room(store: JobCounts, settings: Settings, limiter: RateLimiter, intake: OpenPastes,
               chat_id: int, user_id: int, lang: str, *, new_job: bool = True) -> Room:
    """The limits' answer, with the pending count it read (0 when it did not need it)."""
    wait = limiter.retry_after(user_id)
    if wait:
        return Room(text(lang, "rate_limited", seconds=wait))
    if not new_job:
        return Room(None)
    pending = await store.pending(chat_id, user_id) + intake.open_groups(user_id)
    if pending >= settings.max_pending_per_user:
        return Room(text(lang, "pending_cap", count=pending, seconds=10 * pending), pending)
    queued = await store.queue_length()
    if queued >= settings.queue_bound:
        return Room(text(lang, "queue_full", seconds=max(30, queued)), pending)
    return Room(None, pending)


async def over_limits(store: JobCounts, settings: Settings, limiter: RateLimiter,
                      intake: OpenPastes,
                      chat_id: int, user_id: int, lang: str, *, new_job: bool = True
                      ) -> str | None:
    """The friendly refusal when a limit is reached, else None (no job: the rate limit only)."""
    return (await room(store, settings, limiter, intake, chat_id, user_id, lang,
                       new_job=new_job)).refusal

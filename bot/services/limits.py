"""Abuse limits: per-user rate of new articles (sliding window)."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable


class RateLimiter:
    """At most `count` new articles per user in any `window_s` seconds."""

    def __init__(
        self, count: int, window_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._count = count
        self._window = window_s
        self._clock = clock
        self._seen: dict[int, deque[float]] = {}

    def _recent(self, user_id: int) -> deque[float]:
        now = self._clock()
        seen = self._seen.setdefault(user_id, deque())
        while seen and seen[0] <= now - self._window:
            seen.popleft()
        return seen

    def retry_after(self, user_id: int) -> int:
        """Seconds until the user may send another article; 0 when allowed now."""
        seen = self._recent(user_id)
        if len(seen) < self._count:
            return 0
        return max(1, math.ceil(seen[0] + self._window - self._clock()))

    def record(self, user_id: int) -> None:
        """Count one accepted article."""
        self._recent(user_id).append(self._clock())
        if len(self._seen) > 10_000:  # forget idle users so memory stays bounded
            for uid in [u for u, s in self._seen.items() if not s]:
                del self._seen[uid]

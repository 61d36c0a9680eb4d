"""The services one running bot shares between handlers (kept in `bot_data`)."""

from __future__ import annotations

import secrets
from collections import OrderedDict, deque
from dataclasses import dataclass, field

from telegram.ext import ContextTypes

from bot.services.access import AccessPolicy
from bot.services.engines import EngineBox
from bot.services.group_rules import AdminCache
from bot.services.intake.window import Intake
from bot.services.limits import RateLimiter
from bot.services.quota import BurstGate, press_limiter
from bot.services.worker import Worker
from bot.settings import Settings
from storage import Store

KEY = "tomtat"


@dataclass
class Runtime:
    """Store, intake, worker and limits of the running bot."""

    settings: Settings
    store: Store
    intake: Intake
    worker: Worker
    engines: EngineBox
    policy: AccessPolicy
    limiter: RateLimiter
    presses: RateLimiter = field(default_factory=press_limiter)
    refusals: BurstGate = field(default_factory=BurstGate)
    admins: AdminCache = field(default_factory=AdminCache)
    _seen: deque[int] = field(default_factory=lambda: deque(maxlen=10_000))
    _seen_set: set[int] = field(default_factory=set)
    _queries: OrderedDict[str, tuple[int, str]] = field(default_factory=OrderedDict)

    def first_time(self, update_id: int) -> bool:
        """False for an update_id already handled in this run (Telegram re-deliveries)."""
        if update_id in self._seen_set:
            return False
        if len(self._seen) == self._seen.maxlen:
            self._seen_set.discard(self._seen[0])
        self._seen.append(update_id)
        self._seen_set.add(update_id)
        return True

    def remember_query(self, chat_id: int, query: str) -> str:
        """A short token standing for a query too long for a button (per chat, bounded)."""
        token = "~" + secrets.token_urlsafe(6)
        self._queries[token] = (chat_id, query)
        while len(self._queries) > 2_000:
            self._queries.popitem(last=False)
        return token

    def recall_query(self, chat_id: int, token: str) -> str | None:
        """The query behind a token, only in the chat that made it."""
        if not token.startswith("~"):
            return token
        found = self._queries.get(token)
        return found[1] if found and found[0] == chat_id else None


def runtime(context: ContextTypes.DEFAULT_TYPE) -> Runtime:
    """The runtime of the application handling this update."""
    return context.application.bot_data[KEY]  # type: ignore[no-any-return]

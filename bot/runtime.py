"""The services one running bot shares between handlers, and the typed context that hands them
over (`context.rt`)."""

from __future__ import annotations

import secrets
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot, JobQueue

from bot.services.access import AccessPolicy
from bot.services.engines import EngineBox
from bot.services.group_rules import AdminCache
from bot.services.intake.window import Intake
from bot.services.limits import RateLimiter
from bot.services.quota import BurstGate, press_limiter
from bot.services.worker import Worker
from bot.settings import Settings
from storage import Store


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


class Shared:
    """The application's `bot_data`: the Runtime, from post_init until post_shutdown."""

    def __init__(self) -> None:
        self.runtime: Runtime | None = None


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], Shared]):
    """The context every handler gets: `context.rt` is the running bot's services."""

    @property
    def rt(self) -> Runtime:
        """The running bot's services (the bot is open while handlers run)."""
        runtime = self.bot_data.runtime
        if runtime is None:
            raise RuntimeError("the bot is not open")
        return runtime


CONTEXT_TYPES = ContextTypes(context=BotContext, bot_data=Shared)
# The job queue keeps PTB's default context type in ApplicationBuilder's annotations (unused here).
App = Application[ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], Shared,
                  JobQueue[CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any],
                                           dict[Any, Any]]]]

"""A bot driven through Application.process_update against the fake Bot API."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from telegram import Bot, Update

from bot.app import build_application
from bot.runtime import Runtime
from bot.settings import Settings
from bot.transport.launch import running
from tests.support import telegram_objects as tg
from tests.support.fake_engine import FakeEngine
from tests.support.fake_request import BOT_ID, BOT_USERNAME, FakeBotAPI
from tests.support.stub_api import DEFAULT_TOKEN, StubBotApi

# PTB 22 warns when RetryAfter carries an int; opt in to timedelta as `tomtat run` does.
os.environ.setdefault("PTB_TIMEDELTA", "1")

USER = 111
OTHER_USER = 222
GROUP = -100500


class Harness:
    """Send updates as users would and look at what the chats show."""

    def __init__(self, app: Any, api: FakeBotAPI, engine: FakeEngine) -> None:
        self.app = app
        self.api = api
        self.engine = engine
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)

    @property
    def rt(self) -> Runtime:
        runtime: Runtime | None = self.app.bot_data.runtime
        assert runtime is not None, "the bot is not open"
        return runtime

    def _chat(self, chat_id: int) -> dict[str, Any]:
        return tg.chat(chat_id, name="Lan" if chat_id > 0 else "Nhóm đọc báo")

    def message(self, text: str | None = None, *, chat_id: int = USER, user_id: int = USER,
                language: str = "vi", **extra: Any) -> dict[str, Any]:
        """A Message object as Telegram would send it."""
        data: dict[str, Any] = {
            "message_id": next(self._message_ids), "date": int(time.time()),
            "chat": self._chat(chat_id),
            "from": tg.user(user_id, "Lan", language),
            **extra,
        }
        if text is not None:
            data["text"] = text
            if text.startswith("/"):
                command = text.split()[0]
                data["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return data

    async def feed(self, payload: dict[str, Any], update_id: int | None = None) -> int:
        """Process one update; returns its update_id."""
        uid = next(self._update_ids) if update_id is None else update_id
        update = Update.de_json({"update_id": uid, **payload}, self.app.bot)
        await self.app.process_update(update)
        return uid

    async def send(self, text: str | None = None, **kwargs: Any) -> dict[str, Any]:
        """A user sends a message; returns the message sent."""
        message = self.message(text, **kwargs)
        await self.feed({"message": message})
        return message

    async def press(self, data: str, *, chat_id: int = USER, user_id: int = USER,
                    message_id: int = 1) -> None:
        """A user presses an inline button on message `message_id` of `chat_id`."""
        query = {
            "id": str(next(self._update_ids) * 7), "chat_instance": "ci",
            "from": tg.user(user_id, "Lan", "vi"),
            "data": data,
            "message": {"message_id": message_id, "date": int(time.time()),
                        "chat": self._chat(chat_id), "from": self.api.bot_user(), "text": "…"},
        }
        await self.feed({"callback_query": query})

    async def settle(self, timeout: float = 10.0) -> None:
        """Wait until no paste is open and every job is finished and delivered."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            rt = self.rt
            busy = rt.intake.busy() or await rt.store.jobs.queue_length() or rt.worker.busy()
            if not busy:
                return
            await asyncio.sleep(0.02)
        raise AssertionError("the bot did not settle")

    async def settle_intake(self, timeout: float = 5.0) -> None:
        """Wait until every open paste became a job."""
        deadline = time.monotonic() + timeout
        while self.rt.intake.busy() and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.02)

    def texts(self, chat_id: int = USER) -> list[str]:
        """What the chat shows now (bot messages), oldest first."""
        return self.api.visible(chat_id)

    def digests(self, chat_id: int = USER) -> list[str]:
        """Visible bot messages that are digests (they carry the footer with #N)."""
        return [t for t in self.texts(chat_id) if "→" in t and "#" in t]


def client_split(text: str, limit: int = 4096) -> list[str]:
    """Cut a paste as a Telegram client does: at the last line break before the limit."""
    pieces, rest = [], text
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit)
        pieces.append(rest[:cut])
        rest = rest[cut + 1:]
    return [*pieces, rest]


def make_settings(tmp_path: Path, **changes: Any) -> Settings:
    """Settings for a test bot with a database in tmp_path."""
    base = Settings(token="123456:TEST-TOKEN", api_base_url="http://127.0.0.1:1/bot",
                    db_path=tmp_path / "bot.sqlite3", engine="extractive",
                    merge_window_s=0.15, status_after_s=30.0, min_article_words=25,
                    rate_limit_count=100, retry_backoff_s=0.01)
    return replace(base, **changes)


@pytest.fixture
def engine() -> FakeEngine:
    """The scripted engine the bot uses."""
    return FakeEngine()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default test settings."""
    return make_settings(tmp_path)


@contextlib.asynccontextmanager
async def start_bot(
    settings: Settings, engine: FakeEngine | None = None, api: FakeBotAPI | None = None
) -> AsyncIterator[Harness]:
    """Start a bot (store open, worker running) on the fake Bot API; stop it afterwards."""
    api = api or FakeBotAPI()
    engine = engine or FakeEngine()
    app = build_application(settings, request=api, engine=engine, rate_limiter=False)
    async with running(app, takes_updates=False):  # the worker role's sequence: no updates
        yield Harness(app, api, engine)


@pytest.fixture
async def harness(settings: Settings, engine: FakeEngine) -> AsyncIterator[Harness]:
    """A started bot on the fake Bot API."""
    async with start_bot(settings, engine) as h:
        yield h


@pytest.fixture
def article(fixtures_dir: Path) -> str:
    """An original Vietnamese news page (with clutter)."""
    return (fixtures_dir / "bot_article_budget.txt").read_text(encoding="utf-8")


@pytest.fixture
def article2(fixtures_dir: Path) -> str:
    """A second, different article."""
    return (fixtures_dir / "bot_article_health.txt").read_text(encoding="utf-8")


__all__ = [
    "BOT_ID", "BOT_USERNAME", "GROUP", "OTHER_USER", "USER", "Harness", "client_split",
    "make_settings",
]


@pytest.fixture
async def stub_bot() -> AsyncIterator[tuple[StubBotApi, Bot]]:
    """A real `Bot` talking to the stub Bot API on loopback."""
    async with StubBotApi() as stub:
        bot = Bot(DEFAULT_TOKEN, base_url=stub.base_url)
        async with bot:
            yield stub, bot

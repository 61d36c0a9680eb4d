"""Every mode (polling, webhook, worker role) opens and closes the bot in the same order: the
store and worker (post_shutdown) close while the bot can still send, then the bot shuts down."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from telegram.ext import Application, ApplicationBuilder

from bot.transport.polling import serve
from bot.transport.roles import serve_worker
from bot.transport.webhook import WebhookConfig, serve_webhook
from tests.bot.e2e_support import free_port
from tests.support.fake_request import BOT_ID, FakeBotAPI

Serve = Callable[[Any, asyncio.Event], Awaitable[None]]


class Recorded(Application[Any, Any, Any, Any, Any, Any]):
    """An application that notes each step of its life, hooks included."""

    steps: list[str]

    async def initialize(self) -> None:
        self.steps.append("initialize")
        await super().initialize()

    async def start(self) -> None:
        self.steps.append("start")
        await super().start()

    async def stop(self) -> None:
        self.steps.append("stop")
        await super().stop()

    async def shutdown(self) -> None:
        self.steps.append("shutdown")
        await super().shutdown()


def recorded_app() -> Recorded:
    api = FakeBotAPI()
    steps: list[str] = []

    async def post_init(app: Any) -> None:
        steps.append("post_init")

    async def post_stop(app: Any) -> None:
        steps.append("post_stop")

    async def post_shutdown(app: Any) -> None:
        steps.append("post_shutdown")

    app = (ApplicationBuilder().application_class(Recorded).token(f"{BOT_ID}:fake")
           .request(api).get_updates_request(api).updater(None)
           .post_init(post_init).post_stop(post_stop).post_shutdown(post_shutdown).build())
    assert isinstance(app, Recorded)
    app.steps = steps
    return app


async def polling(app: Any, stop: asyncio.Event) -> None:
    await serve(app, None, stop)


async def webhook(app: Any, stop: asyncio.Event) -> None:
    port = free_port()
    config = WebhookConfig(url=f"http://127.0.0.1:{port}/tomtat/hook", port=port,
                           secret="bi-mat", ack_within_s=0.2)
    await serve_webhook(app, config, stop)


TAKING_UPDATES = ["initialize", "post_init", "start", "stop", "post_stop", "post_shutdown",
                  "shutdown"]


@pytest.mark.parametrize(("mode", "steps"), [
    (polling, TAKING_UPDATES),
    (webhook, TAKING_UPDATES),
    (serve_worker, ["initialize", "post_init", "post_shutdown", "shutdown"]),  # takes no updates
])
async def test_each_mode_opens_and_closes_in_the_same_order(mode: Serve, steps: list[str]) -> None:
    app = recorded_app()
    stop = asyncio.Event()
    serving = asyncio.ensure_future(mode(app, stop))
    for _ in range(500):  # up to 5 s; a mode that failed to start ends the wait too
        if "post_init" in app.steps or serving.done():
            break
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(serving, 5)
    assert app.steps == steps


async def test_a_failed_start_still_closes_what_was_opened() -> None:
    app = recorded_app()

    async def broken(app: Any) -> None:
        app.steps.append("post_init")
        raise OSError("cannot open the database")

    app.post_init = broken
    with pytest.raises(OSError, match="database"):
        await serve_worker(app, asyncio.Event())
    assert app.steps == ["initialize", "post_init", "post_shutdown", "shutdown"]

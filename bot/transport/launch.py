"""Running the bot as a process: one start-up path, one start/stop sequence and one set of
friendly exits for every mode (polling, webhook, worker role)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from typing import Any

from telegram.error import InvalidToken, NetworkError
from telegram.request import BaseRequest

from bot.app import build_application, configure_logging
from bot.runtime import App
from bot.settings import Settings, shown_db
from storage import StoreError
from summarizer.engines.base import EngineUnavailable

log = logging.getLogger(__name__)

EXIT_CANNOT_START = 2
Serve = Callable[[App], Coroutine[Any, Any, None]]


class StartupError(Exception):
    """The bot cannot start; the message is the one line the operator reads."""


def stop_on_signals() -> asyncio.Event:
    """An event the running loop sets on SIGINT/SIGTERM (where the platform lets it)."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    return stop


@contextlib.asynccontextmanager
async def running(
    app: App, *, takes_updates: bool = True,
    initialize: Callable[[], Awaitable[None]] | None = None,
) -> AsyncIterator[None]:
    """The application open for the body of the `async with`, the same sequence in every mode.

    Up: initialize (or `initialize`, e.g. with retries), post_init (store, worker), start (only
    when it `takes_updates`). Down, whatever happened: stop and post_stop (when started), then
    post_shutdown (intake, worker, store: closed while the bot can still send), then shutdown.
    """
    await (initialize or app.initialize)()
    try:
        if app.post_init:
            await app.post_init(app)
        if takes_updates:
            await app.start()
        try:
            yield
        finally:
            if app.running:
                await app.stop()
                if app.post_stop:
                    await app.post_stop(app)
    finally:
        if app.post_shutdown:
            await app.post_shutdown(app)
        await app.shutdown()


def launch(settings: Settings, serve: Serve, *, request: BaseRequest | None = None) -> int:
    """Build the application, run `serve` on it until it returns; the process exit code."""
    # Opt in to PTB's timedelta time periods (silences a deprecation warning per 429).
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    configure_logging(settings)
    try:
        asyncio.run(serve(build_application(settings, request=request)))
    except StartupError as exc:
        log.error("%s", exc)
        return EXIT_CANNOT_START
    except InvalidToken:
        log.error("Telegram refused the token (TELEGRAM_BOT_TOKEN): check it with @BotFather")
        return EXIT_CANNOT_START
    except EngineUnavailable as exc:
        log.error("the %s engine cannot run here: %s (try --engine extractive)",
                  settings.engine, exc)
        return EXIT_CANNOT_START
    except (StoreError, OSError) as exc:
        log.error("cannot open the database %s: %s", shown_db(settings.db_path), exc)
        return EXIT_CANNOT_START
    except NetworkError as exc:
        log.error("cannot reach the Bot API at %s: %s", settings.api_base_url, exc)
        return EXIT_CANNOT_START
    except KeyboardInterrupt:
        pass
    return 0


def run_polling(settings: Settings, *, request: BaseRequest | None = None) -> int:
    """`tomtat run`: long polling until Ctrl-C / SIGTERM; returns the exit code."""
    from bot.transport.offsets import UpdateMark, mark_path
    from bot.transport.polling import serve

    async def poll(app: App) -> None:
        await serve(app, UpdateMark(mark_path(settings.db_path)))

    return launch(settings, poll, request=request)

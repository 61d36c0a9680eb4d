"""Running the bot as a process: one start-up path and one set of friendly exits for both modes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from collections.abc import Callable, Coroutine
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

"""Process roles beyond one machine: `ingress` takes updates, `worker` runs the queue, `all` both.

An ingress process (polling, or one of many webhook replicas behind a load balancer) stores
pastes and jobs and answers commands; it loads no model and claims no job. A worker process
takes no Telegram updates (no polling, no webhook server): it claims jobs from the shared store,
summarises and delivers them. `all` is the single process of `make run`.
"""

from __future__ import annotations

import asyncio
import sys

from telegram.request import BaseRequest

from bot.runtime import App
from bot.settings import Settings
from bot.transport.launch import launch, running, stop_on_signals

SHARED_SECRET = (
    "tomtat: webhook ingress replicas share one URL, so they need one shared secret:"
    " set TOMTAT_WEBHOOK_SECRET (letters, digits, _ and -) to the same value on each"
)


def role_problem(settings: Settings) -> str | None:
    """Why these settings cannot run in their role (one line for the operator), or None."""
    if settings.role == "ingress" and settings.webhook_url and not settings.webhook_secret:
        # A random secret per start would make each replica refuse the others' updates.
        return SHARED_SECRET
    return None


async def serve_worker(app: App,
                       stop: asyncio.Event) -> None:
    """Open the store and the worker (post_init), run until `stop` is set, then shut down."""
    async with running(app, takes_updates=False):  # no updates: never started
        await stop.wait()


def run_in_role(settings: Settings) -> int:
    """`tomtat run`: a worker, or the bot taking updates by webhook or polling; the exit code."""
    problem = role_problem(settings)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    if settings.role == "worker":
        return run_worker(settings)
    if settings.webhook_url:
        from bot.transport.webhook import run_webhook

        return run_webhook(settings)
    from bot.transport.launch import run_polling

    return run_polling(settings)


def run_worker(settings: Settings, *, request: BaseRequest | None = None) -> int:
    """`tomtat run --role worker`: claim and run jobs until SIGINT/SIGTERM; the exit code."""

    async def serve(app: App) -> None:
        await serve_worker(app, stop_on_signals())

    return launch(settings, serve, request=request)

"""Long polling that confirms an update to Telegram only after it was handled.

PTB's own Updater asks for the next batch (which confirms the previous one) as soon as updates
are queued; here each batch is processed — fragments and jobs written to disk — before the next
`getUpdates` call moves the offset past it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Iterable
from typing import Any

from telegram import Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import Application

from bot.delivery import best_effort
from bot.offsets import UpdateMark

log = logging.getLogger(__name__)

POLL_TIMEOUT_S = 20
MAX_BACKOFF_S = 30.0


def _chat_key(update: Update) -> int:
    chat = update.effective_chat
    return chat.id if chat else 0


async def process_batch(app: Application[Any, Any, Any, Any, Any, Any],
                        updates: Iterable[Update]) -> None:
    """Handle a batch: in order within each chat, chats concurrently."""
    by_chat: dict[int, list[Update]] = {}
    for update in updates:
        by_chat.setdefault(_chat_key(update), []).append(update)

    async def one_chat(items: list[Update]) -> None:
        for update in items:
            await app.process_update(update)

    await asyncio.gather(*(one_chat(items) for items in by_chat.values()))


async def _wait(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


async def poll(app: Application[Any, Any, Any, Any, Any, Any], stop: asyncio.Event,
               *, timeout: int = POLL_TIMEOUT_S, mark: UpdateMark | None = None) -> None:
    """Fetch and handle updates until `stop` is set."""
    await best_effort(app.bot.delete_webhook(), "deleteWebhook")
    if mark is not None:
        mark.load(app.bot.id)
    offset: int | None = None
    backoff = 1.0
    while not stop.is_set():
        fetch = asyncio.ensure_future(
            app.bot.get_updates(offset=offset, timeout=timeout, allowed_updates=Update.ALL_TYPES)
        )
        stopper = asyncio.ensure_future(stop.wait())
        await asyncio.wait({fetch, stopper}, return_when=asyncio.FIRST_COMPLETED)
        stopper.cancel()
        if not fetch.done():
            fetch.cancel()
            with contextlib.suppress(asyncio.CancelledError, TelegramError):
                await fetch
            break
        try:
            updates = fetch.result()
        except InvalidToken:
            raise
        except TelegramError as exc:
            log.warning("getUpdates failed (%s); retrying in %.0f s", exc, backoff)
            await _wait(stop, backoff)
            backoff = min(MAX_BACKOFF_S, backoff * 2)
            continue
        backoff = 1.0
        if updates:
            fresh = [u for u in updates if mark is None or not mark.seen(u.update_id)]
            if len(fresh) < len(updates):
                log.info("%s update(s) handled before a restart skipped", len(updates) - len(fresh))
            await process_batch(app, fresh)
            if mark is not None:
                mark.forget()
                await asyncio.to_thread(mark.save, updates[-1].update_id)
            offset = updates[-1].update_id + 1
    if offset is not None:
        # Confirm the last handled batch so a clean restart doesn't see it again.
        await best_effort(app.bot.get_updates(offset=offset, timeout=0, limit=1), "confirm")


async def serve(app: Application[Any, Any, Any, Any, Any, Any],
                mark: UpdateMark | None = None) -> None:
    """Start the application, poll until SIGINT/SIGTERM, then shut down cleanly."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    await app.initialize()
    try:
        if app.post_init:
            await app.post_init(app)
        await app.start()
        try:
            await poll(app, stop, mark=mark)
        finally:
            await app.stop()
    finally:
        if app.post_shutdown:
            await app.post_shutdown(app)
        await app.shutdown()

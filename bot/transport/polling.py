"""Long polling that confirms an update to Telegram only after it was handled.

PTB's own Updater asks for the next batch (which confirms the previous one) as soon as updates
are queued; here the offset of the next `getUpdates` call never moves past an update still being
handled (its fragment or job not yet on disk). Updates run per chat in `Lanes`, so a slow one
holds up only its own chat; on shutdown, updates still running get `STOP_GRACE_S`, then are
cut short and left unconfirmed for the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram import Update
from telegram.error import InvalidToken, TelegramError

from bot.runtime import App
from bot.transport.delivery import best_effort
from bot.transport.lanes import Lanes
from bot.transport.launch import running, stop_on_signals
from bot.transport.offsets import UpdateMark

log = logging.getLogger(__name__)

POLL_TIMEOUT_S = 20
MAX_BACKOFF_S = 30.0
BUSY_POLL_S = 0.25  # how often other chats' updates are fetched while one is being handled
STOP_GRACE_S = 1.0


async def _wait(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


async def _fetch(app: App, stop: asyncio.Event,
                 offset: int | None, timeout: int) -> tuple[Update, ...] | None:
    """One getUpdates call, cut short by `stop` (None then)."""
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
        return None
    return fetch.result()


async def _pause_while_busy(lanes: Lanes, stop: asyncio.Event) -> None:
    """While updates are being handled Telegram answers at once (they are not confirmed yet):
    wait for one to finish, or a short while for other chats' new updates."""
    lanes.progress.clear()
    waiters = {asyncio.ensure_future(lanes.progress.wait()), asyncio.ensure_future(stop.wait())}
    await asyncio.wait(waiters, timeout=BUSY_POLL_S, return_when=asyncio.FIRST_COMPLETED)
    for waiter in waiters:
        waiter.cancel()


async def poll(app: App, stop: asyncio.Event,
               *, timeout: int = POLL_TIMEOUT_S, mark: UpdateMark | None = None) -> None:
    """Fetch and handle updates until `stop` is set."""
    await best_effort(app.bot.delete_webhook(), "deleteWebhook")
    if mark is not None:
        mark.load(app.bot.id)
    lanes = Lanes(app.process_update)
    saved = None
    backoff = 1.0
    try:
        while not stop.is_set():
            asked = lanes.offset()
            try:
                updates = await _fetch(app, stop, asked, 0 if lanes.busy() else timeout)
            except InvalidToken:
                raise
            except TelegramError as exc:
                log.warning("getUpdates failed (%s); retrying in %.0f s", exc, backoff)
                await _wait(stop, backoff)
                backoff = min(MAX_BACKOFF_S, backoff * 2)
                continue
            if updates is None:
                break
            backoff = 1.0
            lanes.confirmed(asked)
            fresh = _fresh(updates, lanes, mark)
            for update in fresh:
                lanes.take(update)
            if updates and mark is not None:
                mark.forget()
            if lanes.busy() and not fresh:
                await _pause_while_busy(lanes, stop)
            saved = await _save_mark(mark, lanes, saved)
    finally:
        await lanes.close(STOP_GRACE_S)
    saved = await _save_mark(mark, lanes, saved)
    offset = lanes.offset()
    if offset is not None:
        # Confirm what was handled so a clean restart doesn't see it again.
        await best_effort(app.bot.get_updates(offset=offset, timeout=0, limit=1), "confirm")


def _fresh(updates: tuple[Update, ...], lanes: Lanes, mark: UpdateMark | None) -> list[Update]:
    """The updates not handled yet (in this run, or before a restart per the mark)."""
    fresh = [u for u in updates if not lanes.known(u.update_id)]
    if mark is not None and mark.value is not None:
        kept = [u for u in fresh if not mark.seen(u.update_id)]
        if len(kept) < len(fresh):
            log.info("%s update(s) handled before a restart skipped", len(fresh) - len(kept))
            lanes.skip(u.update_id for u in fresh if mark.seen(u.update_id))
        fresh = kept
    return fresh


async def _save_mark(mark: UpdateMark | None, lanes: Lanes, saved: int | None) -> int | None:
    """Record the last handled update when it moved (the offset less one)."""
    offset = lanes.offset()
    if mark is None or offset is None or offset - 1 == saved:
        return saved
    await asyncio.to_thread(mark.save, offset - 1)
    return offset - 1


async def serve(app: App, mark: UpdateMark | None = None,
                stop: asyncio.Event | None = None) -> None:
    """Start the application, poll until `stop` (SIGINT/SIGTERM), then shut down cleanly."""
    stop = stop or stop_on_signals()
    async with running(app):
        await poll(app, stop, mark=mark)

"""Waking workers the moment a job is queued: LISTEN on a connection of its own (PostgreSQL's
NOTIFY, sent by the transaction that queues the job and delivered when it commits).

Polling stays the fallback: a worker that is not listening (the connection dropped, or
TOMTAT_QUEUE_NOTIFY=0) still finds jobs every TOMTAT_QUEUE_POLL.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import psycopg

from storage.job_sql import CHANNEL

log = logging.getLogger(__name__)

RETRY_S = 2.0


async def listen(url: str, wake: Callable[[], None], *, retry_s: float = RETRY_S) -> None:
    """Call `wake` on every notification of CHANNEL, until cancelled; reconnects after errors."""
    while True:
        try:
            conn = await psycopg.AsyncConnection.connect(url, autocommit=True)
            async with conn:
                await conn.execute(f"LISTEN {CHANNEL}")
                log.info("listening for new jobs (PostgreSQL NOTIFY)")
                wake()  # whatever was queued while nobody listened
                async for _ in conn.notifies():
                    wake()
        except (psycopg.Error, OSError) as exc:
            log.warning("not listening for new jobs (%s); polling until it reconnects", exc)
        await asyncio.sleep(retry_s)

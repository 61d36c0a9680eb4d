"""The PostgreSQL Database: each unit of work runs in a thread on a pooled connection, as one
transaction (storage/database.py's seam)."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable

import psycopg
from psycopg import errors
from psycopg_pool import ConnectionPool

from storage.database import Cursor, T
from storage.models import StoreClosedError
from storage.postgres.cursor import PgCursor
from storage.postgres.migrations import migrate

POOL_MIN, POOL_MAX = 1, 8
OPEN_TIMEOUT_S = 30.0
# A unit that keeps losing races is retried for this long (many writers on one chat's rows under
# load lost 12 quick tries now and then), then the serialization failure is raised.
WRITE_BUDGET_S = 10.0
# Units of work were written for SQLite's single writer; SERIALIZABLE gives them the same
# guarantee across processes, at the price of retrying a unit that lost a race.
RETRYABLE = (errors.SerializationFailure, errors.DeadlockDetected)


class PostgresDatabase:
    """`read` runs in a REPEATABLE READ, READ ONLY snapshot; `write` in one SERIALIZABLE
    transaction, re-run from the start when PostgreSQL reports a serialization failure."""

    dialect = "postgresql"

    def __init__(self, pool: ConnectionPool[psycopg.Connection[tuple[object, ...]]]) -> None:
        self._pool = pool
        self._closed = False

    async def read(self, work: Callable[[Cursor], T]) -> T:
        """`work` on one consistent snapshot."""
        return await asyncio.to_thread(self._attempt, work, True)

    async def write(self, work: Callable[[Cursor], T]) -> T:
        """`work` as one transaction: all of it is committed, or none of it."""
        return await asyncio.to_thread(self._retrying, work)

    async def close(self) -> None:
        """Close every pooled connection; closing twice is harmless."""
        if self._closed:
            return
        self._closed = True
        await asyncio.to_thread(self._pool.close)

    def _retrying(self, work: Callable[[Cursor], T]) -> T:
        deadline = time.monotonic() + WRITE_BUDGET_S
        attempt = 0
        while True:
            try:
                return self._attempt(work, False)
            except RETRYABLE:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(random.uniform(0, 0.002 * 2 ** min(attempt, 7)))  # jittered backoff
                attempt += 1

    def _attempt(self, work: Callable[[Cursor], T], read_only: bool) -> T:
        if self._closed:
            raise StoreClosedError("Store is closed")
        with self._pool.connection() as conn:
            conn.isolation_level = (
                psycopg.IsolationLevel.REPEATABLE_READ
                if read_only
                else psycopg.IsolationLevel.SERIALIZABLE
            )
            conn.read_only = read_only
            with conn.transaction(), conn.cursor() as cursor:
                return work(PgCursor(cursor))


async def open_postgres(
    url: str, *, min_size: int = POOL_MIN, max_size: int = POOL_MAX
) -> PostgresDatabase:
    """Connect a pool to `url` and bring the schema up to date (safe in many processes)."""
    pool: ConnectionPool[psycopg.Connection[tuple[object, ...]]] = ConnectionPool(
        url,
        min_size=min_size,
        max_size=max_size,
        open=False,
        kwargs={"autocommit": False, "cursor_factory": psycopg.ClientCursor},
        name="tomtat",
    )
    try:
        await asyncio.to_thread(pool.open, True, OPEN_TIMEOUT_S)
        await asyncio.to_thread(_migrate, pool)
    except BaseException:
        await asyncio.to_thread(pool.close)
        raise
    return PostgresDatabase(pool)


def _migrate(pool: ConnectionPool[psycopg.Connection[tuple[object, ...]]]) -> None:
    with pool.connection() as conn:
        migrate(conn)

"""Cross-chat upkeep: retention, size and admin figures, and the bulk import path."""

from __future__ import annotations

import asyncio
import statistics
from collections.abc import Sequence

from storage.bulk import insert_bulk, prepare
from storage.bulk_rows import WRITERS
from storage.database import Cursor, Database
from storage.digest_sql import delete_digests
from storage.models import BulkDigest
from storage.rows import now_ms
from storage.search.dialect import fulltext
from storage.sql import as_int, count, one, rows

DAY_MS = 86_400_000
RETENTION_BATCH = 500
# Bytes of a text column: the one spelling that differs by engine here.
BYTES = {"sqlite": "length(CAST({} AS BLOB))", "postgresql": "octet_length({})"}
SIZE_SQL = (
    "SELECT (SELECT count(*) FROM digests WHERE chat_id = ?),"
    " (SELECT coalesce(sum({text}), 0) FROM articles WHERE chat_id = ?),"
    " (SELECT coalesce(sum({summary} + {officials} + {decisions}), 0) FROM digests"
    "  WHERE chat_id = ?),"
    " (SELECT count(*) FROM jobs WHERE chat_id = ?),"
    " (SELECT count(*) FROM fragments WHERE chat_id = ?)"
)
SIZE_KEYS = ("digests", "article_bytes", "digest_bytes", "jobs", "fragments")


class AdminRepository:
    """Retention, reports and bulk import."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._ft = fulltext(database.dialect)
        self._rows = WRITERS[database.dialect]
        spell = BYTES[database.dialect].format
        self._size_sql = SIZE_SQL.format(text=spell("text"), summary=spell("summary"),
                                         officials=spell("officials"),
                                         decisions=spell("decisions"))

    async def size_report(self, chat_id: int) -> dict[str, int]:
        """How much one chat stores: counts and bytes of text."""
        row = await self._db.read(lambda cur: one(cur, self._size_sql, (chat_id,) * 5))
        values = row if row is not None else (0,) * len(SIZE_KEYS)
        return {key: as_int(value) for key, value in zip(SIZE_KEYS, values, strict=True)}

    async def delete_older_than(self, days: int) -> int:
        """Cross-chat retention: delete digests (and finished jobs) older than `days` days."""
        if days < 0:
            raise ValueError("days must be zero or more")
        cutoff = now_ms() - int(days) * DAY_MS

        def prune(cur: Cursor) -> int:
            deleted = delete_digests(
                self._ft, cur,
                "d.id IN (SELECT id FROM digests WHERE created_at < ? ORDER BY id LIMIT ?)",
                (cutoff, RETENTION_BATCH),
            )
            if deleted == 0:
                cur.execute(
                    "DELETE FROM jobs WHERE finished_at < ? AND status IN ('delivered', 'failed')",
                    (cutoff,),
                )
            return deleted

        total = 0
        while deleted := await self._db.write(prune):  # small transactions: never blocks long
            total += deleted
        return total

    async def stats(self) -> dict[str, float | int]:
        """Admin figures across chats: digests, chats, queue and median job latency."""

        def figures(cur: Cursor) -> tuple[int, int, int, list[int]]:
            digests = count(cur, "SELECT count(*) FROM digests")
            chats = count(cur, "SELECT count(*) FROM chats")
            queue = count(cur, "SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')")
            latencies = rows(
                cur,
                "SELECT finished_at - created_at FROM jobs WHERE finished_at IS NOT NULL"
                " AND status IN ('done', 'delivered') ORDER BY id DESC LIMIT 1000",
            )
            return digests, chats, queue, [as_int(r[0]) for r in latencies]

        digests, chats, queue, latencies = await self._db.read(figures)
        median = statistics.median(latencies) if latencies else 0
        return {"digests": digests, "chats": chats, "queue": queue, "median_latency_ms": median}

    async def insert_digests_bulk(self, items: Sequence[BulkDigest]) -> int:
        """Cross-chat import path (restores, benchmarks): many digests in one transaction."""
        prepared = await asyncio.to_thread(prepare, items)
        await self._db.write(lambda cur: insert_bulk(self._ft, self._rows, cur, prepared))
        return len(items)

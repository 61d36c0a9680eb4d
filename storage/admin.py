"""Cross-chat upkeep: retention, size and admin figures, and the bulk import path."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import statistics
from collections.abc import Sequence
from typing import Any

from storage.export import ExportMixin
from storage.folding import content_hash
from storage.indexing import (
    ARTICLE_INSERT,
    DIGEST_INSERT,
    OFFICIAL_INSERT,
    FtsRow,
    delete_digests,
    fts_values,
    official_rows,
    write_fts,
)
from storage.models import BulkDigest
from storage.rows import digest_values, now_ms, officials_text, to_ms

DAY_MS = 86_400_000
RETENTION_BATCH = 500


Prepared = tuple[BulkDigest, int, str, str, tuple[Any, ...], FtsRow]


def _prepare(items: Sequence[BulkDigest]) -> list[Prepared]:
    """CPU-heavy part of a bulk import (hashing, JSON, index forms), run off the event loop."""
    return [
        (
            item,
            to_ms(item.created_at),
            content_hash(item.text),
            json.dumps(list(item.message_ids)),
            digest_values(item.digest),
            fts_values(
                0,
                item.chat_id,
                item.digest.title,
                item.digest.summary,
                officials_text(item.digest),
                item.text,
            ),
        )
        for item in items
    ]


def _insert_bulk(raw: sqlite3.Connection, prepared: list[Prepared]) -> None:
    """Write prepared digests with consecutive ids and each chat's next numbers (one unit)."""
    chat_ids = sorted({p[0].chat_id for p in prepared})
    numbers: dict[int, int] = {}
    for start in range(0, len(chat_ids), 500):
        chunk = chat_ids[start : start + 500]
        numbers.update(
            raw.execute(
                "SELECT chat_id, next_number FROM chats"
                f" WHERE chat_id IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        )
    article_id, digest_id = raw.execute(
        "SELECT (SELECT coalesce(max(id), 0) FROM articles),"
        " (SELECT coalesce(max(id), 0) FROM digests)"
    ).fetchone()
    articles, digests, fts, officials = [], [], [], []
    for item, created, hashed, message_ids, values, indexed in prepared:
        article_id += 1
        digest_id += 1
        number = numbers.get(item.chat_id, 1)
        numbers[item.chat_id] = number + 1
        articles.append(
            (
                article_id,
                item.chat_id,
                item.user_id,
                created,
                message_ids,
                hashed,
                item.digest.title,
                item.text,
            )
        )
        digests.append((digest_id, item.chat_id, number, article_id, created, *values))
        fts.append((item.chat_id, (digest_id, *indexed[1:])))
        officials.extend(official_rows(digest_id, item.chat_id, item.digest))
    now = now_ms()
    raw.executemany(
        "INSERT INTO chats (chat_id, created_at, next_number) VALUES (?,?,?)"
        " ON CONFLICT (chat_id) DO UPDATE SET next_number = excluded.next_number",
        [(chat_id, now, number) for chat_id, number in numbers.items()],
    )
    raw.executemany(ARTICLE_INSERT, articles)
    raw.executemany(DIGEST_INSERT, digests)
    write_fts(raw, fts)
    raw.executemany(OFFICIAL_INSERT, officials)


class AdminMixin(ExportMixin):
    """Retention, reports and bulk import."""

    async def size_report(self, chat_id: int) -> dict[str, int]:
        """How much one chat stores: counts and bytes of text."""
        rows = await self._rows(
            "SELECT (SELECT count(*) FROM digests WHERE chat_id = :c),"
            " (SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM articles"
            "  WHERE chat_id = :c),"
            " (SELECT coalesce(sum(length(CAST(summary AS BLOB))"
            "  + length(CAST(officials AS BLOB)) + length(CAST(decisions AS BLOB))), 0)"
            "  FROM digests WHERE chat_id = :c),"
            " (SELECT count(*) FROM jobs WHERE chat_id = :c),"
            " (SELECT count(*) FROM fragments WHERE chat_id = :c)",
            {"c": chat_id},
        )
        digests, article_bytes, digest_bytes, jobs, fragments = rows[0]
        return {
            "digests": int(digests),
            "article_bytes": int(article_bytes),
            "digest_bytes": int(digest_bytes),
            "jobs": int(jobs),
            "fragments": int(fragments),
        }

    async def delete_older_than(self, days: int) -> int:
        """Cross-chat retention: delete digests (and finished jobs) older than `days` days."""
        if days < 0:
            raise ValueError("days must be zero or more")
        cutoff = now_ms() - int(days) * DAY_MS

        def prune(raw: sqlite3.Connection) -> int:
            deleted = delete_digests(
                raw,
                "d.id IN (SELECT id FROM digests WHERE created_at < ? LIMIT ?)",
                (cutoff, RETENTION_BATCH),
            )
            if deleted == 0:
                raw.execute(
                    "DELETE FROM jobs WHERE finished_at < ? AND status IN ('delivered', 'failed')",
                    (cutoff,),
                )
            return deleted

        total = 0
        while deleted := await self._write_sync(prune):  # small transactions: never blocks long
            total += deleted
        return total

    async def stats(self) -> dict[str, float | int]:
        """Admin figures across chats: digests, chats, queue and median job latency."""

        def figures(raw: sqlite3.Connection) -> tuple[Any, list[Any]]:
            counts = raw.execute(
                "SELECT (SELECT count(*) FROM digests), (SELECT count(*) FROM chats),"
                " (SELECT count(*) FROM jobs WHERE status IN ('queued', 'running'))"
            ).fetchone()
            latencies = raw.execute(
                "SELECT finished_at - created_at FROM jobs WHERE finished_at IS NOT NULL"
                " AND status IN ('done', 'delivered') ORDER BY id DESC LIMIT 1000"
            ).fetchall()
            return counts, latencies

        counts, latencies = await self._read_sync(figures)
        digests, chats, queue = counts
        median = statistics.median([r[0] for r in latencies]) if latencies else 0
        return {"digests": digests, "chats": chats, "queue": queue, "median_latency_ms": median}

    async def insert_digests_bulk(self, items: Sequence[BulkDigest]) -> int:
        """Cross-chat import path (restores, benchmarks): many digests in one transaction."""
        prepared = await asyncio.to_thread(_prepare, items)
        await self._write_sync(lambda raw: _insert_bulk(raw, prepared))
        return len(items)

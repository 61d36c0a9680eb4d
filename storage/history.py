"""A chat's history: keyset pages newest first, one digest by number, delete, clear."""

from __future__ import annotations

import sqlite3

from storage.indexing import delete_digests
from storage.jobs import JobsMixin, digest_by_number
from storage.models import HistoryPage, StoredDigest
from storage.rows import DIGEST_SELECT, stored_digest

MAX_PAGE = 100
EXISTS = "SELECT EXISTS (SELECT 1 FROM digests WHERE chat_id = ? AND number {op} ?)"


def history_page(
    raw: sqlite3.Connection, chat_id: int, limit: int, before: int | None, after: int | None
) -> HistoryPage:
    """One keyset page (index range scan on (chat_id, number), no OFFSET)."""
    if after is not None:
        # Walk upwards from the cursor, then show the page newest first.
        rows = raw.execute(
            f"{DIGEST_SELECT} WHERE d.chat_id = ? AND d.number > ? ORDER BY d.number ASC LIMIT ?",
            (chat_id, after, limit),
        ).fetchall()
        rows.reverse()
    else:
        rows = raw.execute(
            f"{DIGEST_SELECT} WHERE d.chat_id = ? AND d.number < ? ORDER BY d.number DESC LIMIT ?",
            (chat_id, before if before is not None else 2**62, limit),
        ).fetchall()
    items = tuple(stored_digest(r) for r in rows)
    (total,) = raw.execute("SELECT count(*) FROM digests WHERE chat_id = ?", (chat_id,)).fetchone()
    older = newer = None
    newer_count = 0
    if items:
        (newer_count,) = raw.execute(
            "SELECT count(*) FROM digests WHERE chat_id = ? AND number > ?",
            (chat_id, items[0].number),
        ).fetchone()
        lowest, highest = items[-1].number, items[0].number
        if raw.execute(EXISTS.format(op="<"), (chat_id, lowest)).fetchone()[0]:
            older = lowest
        if raw.execute(EXISTS.format(op=">"), (chat_id, highest)).fetchone()[0]:
            newer = highest
    return HistoryPage(items=items, total=int(total), older=older, newer=newer,
                       newer_count=int(newer_count))


class HistoryMixin(JobsMixin):
    """Browse and prune one chat's digests."""

    async def history(
        self,
        chat_id: int,
        *,
        limit: int = 5,
        before: int | None = None,
        after: int | None = None,
    ) -> HistoryPage:
        """Newest first. `before=N`: the page of numbers below N; `after=N`: the page above N."""
        if before is not None and after is not None:
            raise ValueError("pass before= or after=, not both")
        size = max(1, min(int(limit), MAX_PAGE))
        return await self._read_sync(lambda raw: history_page(raw, chat_id, size, before, after))

    async def get_digest(self, chat_id: int, number: int) -> StoredDigest | None:
        """The chat's digest #number, or None (also for other chats' numbers)."""
        return await self._read_sync(lambda raw: digest_by_number(raw, chat_id, number))

    async def delete_digest(self, chat_id: int, number: int) -> bool:
        """Delete digest #number and its article; the number is never reused."""
        deleted = await self._write_sync(
            lambda raw: delete_digests(raw, "d.chat_id = ? AND d.number = ?", (chat_id, number))
        )
        return deleted > 0

    async def clear_history(self, chat_id: int) -> int:
        """Delete every digest of the chat (and its finished jobs); returns how many digests."""

        def clear(raw: sqlite3.Connection) -> int:
            deleted = delete_digests(raw, "d.chat_id = ?", (chat_id,))
            raw.execute(
                "DELETE FROM jobs WHERE chat_id = ? AND status IN ('delivered', 'failed')",
                (chat_id,),
            )
            return deleted

        return await self._write_sync(clear)

"""A chat's history: keyset pages newest first, one digest by number, delete, clear."""

from __future__ import annotations

import aiosqlite

from storage.indexing import delete_digests
from storage.jobs import JobsMixin, _digest_by_number
from storage.models import HistoryPage, StoredDigest
from storage.rows import DIGEST_SELECT, fetch, stored_digest

MAX_PAGE = 100


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
        limit = max(1, min(int(limit), MAX_PAGE))
        async with self._read() as conn:
            if after is not None:
                # Walk upwards from the cursor, then show the page newest first.
                rows = await fetch(
                    conn,
                    f"{DIGEST_SELECT} WHERE d.chat_id = ? AND d.number > ?"
                    " ORDER BY d.number ASC LIMIT ?",
                    (chat_id, after, limit),
                )
                rows = list(reversed(rows))
            else:
                rows = await fetch(
                    conn,
                    f"{DIGEST_SELECT} WHERE d.chat_id = ? AND d.number < ?"
                    " ORDER BY d.number DESC LIMIT ?",
                    (chat_id, before if before is not None else 2**62, limit),
                )
            items = tuple(stored_digest(r) for r in rows)
            total_rows = await fetch(
                conn, "SELECT count(*) FROM digests WHERE chat_id = ?", (chat_id,)
            )
            older = newer = None
            if items:
                lowest, highest = items[-1].number, items[0].number
                if await self._exists(conn, chat_id, "<", lowest):
                    older = lowest
                if await self._exists(conn, chat_id, ">", highest):
                    newer = highest
        return HistoryPage(items=items, total=int(total_rows[0][0]), older=older, newer=newer)

    @staticmethod
    async def _exists(conn: aiosqlite.Connection, chat_id: int, op: str, number: int) -> bool:
        rows = await fetch(
            conn,
            f"SELECT EXISTS (SELECT 1 FROM digests WHERE chat_id = ? AND number {op} ?)",
            (chat_id, number),
        )
        return bool(rows[0][0])

    async def get_digest(self, chat_id: int, number: int) -> StoredDigest | None:
        """The chat's digest #number, or None (also for other chats' numbers)."""
        async with self._read() as conn:
            return await _digest_by_number(conn, chat_id, number)

    async def delete_digest(self, chat_id: int, number: int) -> bool:
        """Delete digest #number and its article; the number is never reused."""
        async with self._write() as conn:
            deleted = await delete_digests(
                conn, "d.chat_id = ? AND d.number = ?", (chat_id, number)
            )
        return deleted > 0

    async def clear_history(self, chat_id: int) -> int:
        """Delete every digest of the chat (and its finished jobs); returns how many digests."""
        async with self._write() as conn:
            deleted = await delete_digests(conn, "d.chat_id = ?", (chat_id,))
            await conn.execute(
                "DELETE FROM jobs WHERE chat_id = ? AND status IN ('delivered', 'failed')",
                (chat_id,),
            )
        return deleted

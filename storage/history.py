"""A chat's history as keyset pages, newest first (an index range scan, no OFFSET)."""

from __future__ import annotations

from storage.database import Cursor
from storage.models import HistoryPage
from storage.rows import DIGEST_SELECT, stored_digest
from storage.sql import count, rows

MAX_PAGE = 100
EXISTS = (
    "SELECT count(*) FROM (SELECT 1 FROM digests WHERE chat_id = ? AND number {op} ? LIMIT 1) e"
)


def history_page(
    cur: Cursor, chat_id: int, limit: int, before: int | None, after: int | None
) -> HistoryPage:
    """One keyset page on (chat_id, number)."""
    if after is not None:
        # Walk upwards from the cursor, then show the page newest first.
        found = rows(
            cur,
            f"{DIGEST_SELECT} WHERE d.chat_id = ? AND d.number > ? ORDER BY d.number ASC LIMIT ?",
            (chat_id, after, limit),
        )
        found.reverse()
    else:
        found = rows(
            cur,
            f"{DIGEST_SELECT} WHERE d.chat_id = ? AND d.number < ? ORDER BY d.number DESC LIMIT ?",
            (chat_id, before if before is not None else 2**62, limit),
        )
    items = tuple(stored_digest(r) for r in found)
    total = count(cur, "SELECT count(*) FROM digests WHERE chat_id = ?", (chat_id,))
    older = newer = None
    newer_count = 0
    if items:
        lowest, highest = items[-1].number, items[0].number
        newer_count = count(
            cur, "SELECT count(*) FROM digests WHERE chat_id = ? AND number > ?",
            (chat_id, highest),
        )
        if count(cur, EXISTS.format(op="<"), (chat_id, lowest)):
            older = lowest
        if newer_count:
            newer = highest
    return HistoryPage(items=items, total=total, older=older, newer=newer,
                       newer_count=newer_count)

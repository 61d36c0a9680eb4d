"""Finding digests in one chat: full-text search and search by official."""

from __future__ import annotations

from collections.abc import Sequence

import aiosqlite

from storage.folding import name_key
from storage.history import HistoryMixin
from storage.models import SearchHit, StoredDigest
from storage.rows import DIGEST_FIELDS, DIGEST_FROM, fetch, officials_text_from_json, stored_digest
from storage.search import match_expression, query_terms, snippet

# Column weights for bm25: chat scope token, title, summary, officials, article body.
BM25 = "bm25(digest_fts, 0.0, 8.0, 4.0, 4.0, 1.0)"
MAX_LIMIT = 50


async def _digests_by_ids(
    conn: aiosqlite.Connection, chat_id: int, ids: Sequence[int]
) -> dict[int, tuple[StoredDigest, str, str]]:
    """id → (digest, officials JSON, article text), only rows that belong to the chat."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = await fetch(
        conn,
        f"SELECT {DIGEST_FIELDS}, d.id, a.text{DIGEST_FROM}"
        f" WHERE d.chat_id = ? AND d.id IN ({marks})",
        (chat_id, *ids),
    )
    return {r[16]: (stored_digest(r), r[6], r[17]) for r in rows}


class LookupMixin(HistoryMixin):
    """Search one chat's history by words or by official."""

    async def search(
        self, chat_id: int, query: str, *, limit: int = 5, offset: int = 0
    ) -> tuple[list[SearchHit], int]:
        """Best matches first (bm25), with or without diacritics; returns (hits, total)."""
        terms = query_terms(query)
        if not terms:
            return [], 0
        expression = match_expression(chat_id, terms)
        limit = max(1, min(int(limit), MAX_LIMIT))
        async with self._read() as conn:
            total_rows = await fetch(
                conn, "SELECT count(*) FROM digest_fts WHERE digest_fts MATCH ?", (expression,)
            )
            id_rows = await fetch(
                conn,
                f"SELECT rowid FROM digest_fts WHERE digest_fts MATCH ? ORDER BY {BM25}"
                " LIMIT ? OFFSET ?",
                (expression, limit, max(0, int(offset))),
            )
            ids = [r[0] for r in id_rows]
            found = await _digests_by_ids(conn, chat_id, ids)
        hits = []
        for digest_id in ids:
            if digest_id not in found:
                continue
            item, officials, body = found[digest_id]
            fields = (
                item.digest.summary,
                item.digest.title,
                officials_text_from_json(officials),
                body,
            )
            hits.append(SearchHit(item=item, snippet=snippet(fields, terms)))
        return hits, int(total_rows[0][0])

    async def digests_by_official(
        self, chat_id: int, name: str, *, limit: int = 5, offset: int = 0
    ) -> tuple[list[StoredDigest], int]:
        """Newest first, digests naming the person (full name or part of it, any diacritics)."""
        key = name_key(name)
        if not key:
            return [], 0
        where = "chat_id = ? AND (name_key = ? OR ' ' || name_key || ' ' LIKE ?)"
        params = (chat_id, key, f"% {key} %")
        limit = max(1, min(int(limit), MAX_LIMIT))
        async with self._read() as conn:
            total_rows = await fetch(
                conn,
                f"SELECT count(DISTINCT digest_id) FROM digest_officials WHERE {where}",
                params,
            )
            id_rows = await fetch(
                conn,
                f"SELECT DISTINCT digest_id FROM digest_officials WHERE {where}"
                " ORDER BY digest_id DESC LIMIT ? OFFSET ?",
                (*params, limit, max(0, int(offset))),
            )
            ids = [r[0] for r in id_rows]
            found = await _digests_by_ids(conn, chat_id, ids)
        return [found[i][0] for i in ids if i in found], int(total_rows[0][0])

    async def top_officials(self, chat_id: int, *, limit: int = 10) -> list[tuple[str, int]]:
        """The chat's most-mentioned officials: (name as last written, number of digests)."""
        async with self._read() as conn:
            rows = await fetch(
                conn,
                "SELECT name, count(*) AS n, max(digest_id) FROM digest_officials"
                " WHERE chat_id = ? GROUP BY name_key ORDER BY n DESC, max(digest_id) DESC"
                " LIMIT ?",
                (chat_id, max(1, min(int(limit), MAX_LIMIT))),
            )
        return [(r[0], int(r[1])) for r in rows]

"""Finding digests in one chat: full-text search and search by official."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from storage.folding import name_key
from storage.history import HistoryMixin
from storage.indexing import fts_table
from storage.models import SearchHit, StoredDigest
from storage.query import Query, matches_exactly, meets_requirements, parse_query
from storage.rows import DIGEST_FIELDS, DIGEST_FROM, officials_text, stored_digest
from storage.search import match_expression, snippet

# Column weights for bm25: chat token (never ranks), title, summary, officials, article body.
BM25_WEIGHTS = "0.0, 8.0, 4.0, 4.0, 1.0"
MAX_LIMIT = 50
RANK_WINDOW = 400  # matches ranked by bm25 when a query matches more than this
EXACT_WINDOW = 200  # best matches checked for the diacritics a query was typed with
Found = dict[int, tuple[StoredDigest, str]]


def digests_by_ids(raw: sqlite3.Connection, chat_id: int, ids: Sequence[int]) -> Found:
    """id → (digest, article text), only rows that belong to the chat."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = raw.execute(
        f"SELECT {DIGEST_FIELDS}, d.id, a.text{DIGEST_FROM}"
        f" WHERE d.chat_id = ? AND d.id IN ({marks})",
        (chat_id, *ids),
    ).fetchall()
    return {r[-2]: (stored_digest(r), r[-1]) for r in rows}


def _ranked(
    raw: sqlite3.Connection,
    table: str,
    expression: str,
    limit: int,
    offset: int,
    min_rowid: int = 0,
) -> list[int]:
    return [
        r[0]
        for r in raw.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND rowid >= ?"
            f" ORDER BY bm25({table}, {BM25_WEIGHTS}) LIMIT ? OFFSET ?",
            (expression, min_rowid, limit, offset),
        )
    ]


def _bm25_ids(
    raw: sqlite3.Connection, chat_id: int, expression: str, total: int, limit: int, offset: int
) -> list[int]:
    """One page of ids in bm25 order.

    bm25 reads every match's positions (~30 µs each), so when a common word matches thousands
    of a busy chat's digests, ranking is limited to its newest digests expected to hold about
    RANK_WINDOW matches (pages beyond them fall back to ranking everything).
    """
    table = fts_table(chat_id)
    ids: list[int] = []
    if total > RANK_WINDOW and offset + limit <= RANK_WINDOW // 2:
        (chat_size,) = raw.execute(
            "SELECT count(*) FROM digests WHERE chat_id = ?", (chat_id,)
        ).fetchone()
        newest = max(1, chat_size * RANK_WINDOW // total)
        floor = raw.execute(
            "SELECT id FROM digests WHERE chat_id = ? ORDER BY number DESC LIMIT 1 OFFSET ?",
            (chat_id, newest - 1),
        ).fetchone()
        if floor is not None:
            ids = _ranked(raw, table, expression, limit, offset, floor[0])
    if len(ids) < min(limit, total - offset):
        ids = _ranked(raw, table, expression, limit, offset)
    return ids


def _exact_first(
    raw: sqlite3.Connection, chat_id: int, query: Query, expression: str, total: int
) -> tuple[list[int], Found, int]:
    """The best EXACT_WINDOW matches in bm25 order, those with the typed diacritics first,
    and their rows.

    Quoted phrases typed with diacritics drop the matches lacking them. Beyond the window the
    order is bm25's and the total counts matches not checked for the required diacritics.
    """
    ids = _ranked(raw, fts_table(chat_id), expression, EXACT_WINDOW, 0)
    found = digests_by_ids(raw, chat_id, ids)
    exact: list[int] = []
    loose: list[int] = []
    for digest_id in ids:
        if digest_id not in found:
            continue
        item, body = found[digest_id]
        fields = (item.digest.title, item.digest.summary, officials_text(item.digest), body)
        if not meets_requirements(fields, query):
            total -= 1
        elif matches_exactly(fields, query):
            exact.append(digest_id)
        else:
            loose.append(digest_id)
    return exact + loose, found, total


def search_rows(
    raw: sqlite3.Connection, chat_id: int, query: Query, limit: int, offset: int
) -> tuple[list[int], Found, int]:
    """Ranked ids of one page, their rows, and the total number of matches."""
    table = fts_table(chat_id)
    expression = match_expression(chat_id, query)
    (total,) = raw.execute(
        f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (expression,)
    ).fetchone()
    if not total:
        return [], {}, 0
    if query.toned and offset < EXACT_WINDOW:
        # The window's rows were read to check diacritics: the page is among them.
        ordered, found, total = _exact_first(raw, chat_id, query, expression, int(total))
        return ordered[offset:offset + limit], found, int(total)
    ids = _bm25_ids(raw, chat_id, expression, int(total), limit, offset)
    return ids, digests_by_ids(raw, chat_id, ids), int(total)


def official_matches(
    raw: sqlite3.Connection, chat_id: int, key: str, limit: int, offset: int
) -> tuple[list[StoredDigest], int]:
    """Newest first, the chat's digests naming an official whose key is or contains `key`."""
    where = "chat_id = ? AND (name_key = ? OR ' ' || name_key || ' ' LIKE ?)"
    params = (chat_id, key, f"% {key} %")
    (total,) = raw.execute(
        f"SELECT count(DISTINCT digest_id) FROM digest_officials WHERE {where}", params
    ).fetchone()
    ids = [
        r[0]
        for r in raw.execute(
            f"SELECT DISTINCT digest_id FROM digest_officials WHERE {where}"
            " ORDER BY digest_id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
    ]
    found = digests_by_ids(raw, chat_id, ids)
    return [found[i][0] for i in ids if i in found], int(total)


def _page(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(int(limit), MAX_LIMIT)), max(0, int(offset))


class LookupMixin(HistoryMixin):
    """Search one chat's history by words or by official."""

    async def search(
        self, chat_id: int, query: str, *, limit: int = 5, offset: int = 0
    ) -> tuple[list[SearchHit], int]:
        """Best matches first, phrases as storage/query.py reads them; returns (hits, total).

        Typed diacritics rank the matches written with them first (bm25 within each group).
        """
        parsed = parse_query(query)
        if not parsed.alternatives:
            return [], 0
        size, start = _page(limit, offset)

        def hits(raw: sqlite3.Connection) -> tuple[list[SearchHit], int]:
            # Snippets fold whole article bodies: built here, on the reader's thread, not the loop.
            ids, found, total = search_rows(raw, chat_id, parsed, size, start)
            page = []
            for digest_id in ids:
                if digest_id not in found:
                    continue
                item, body = found[digest_id]
                # The officials JSON was already decoded into item.digest: no second json.loads.
                fields = (item.digest.summary, item.digest.title, officials_text(item.digest), body)
                page.append(SearchHit(item=item, snippet=snippet(fields, parsed)))
            return page, total

        return await self._read_sync(hits)

    async def digests_by_official(
        self, chat_id: int, name: str, *, limit: int = 5, offset: int = 0
    ) -> tuple[list[StoredDigest], int]:
        """Newest first, digests naming the person (full name or part of it, any diacritics)."""
        key = name_key(name)
        if not key:
            return [], 0
        size, start = _page(limit, offset)
        return await self._read_sync(lambda raw: official_matches(raw, chat_id, key, size, start))

    async def top_officials(self, chat_id: int, *, limit: int = 10) -> list[tuple[str, int]]:
        """The chat's most-mentioned officials: (name as last written, number of digests)."""
        rows = await self._rows(
            "SELECT name, count(*) AS n, max(digest_id) FROM digest_officials"
            " WHERE chat_id = ? GROUP BY name_key ORDER BY n DESC, max(digest_id) DESC LIMIT ?",
            (chat_id, _page(limit, 0)[0]),
        )
        return [(r[0], int(r[1])) for r in rows]

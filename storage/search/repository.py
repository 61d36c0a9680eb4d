"""Finding digests in one chat: by the words of a query, or by an official's name."""

from __future__ import annotations

from collections.abc import Sequence

from storage.database import Cursor, Database
from storage.folding import name_key
from storage.models import SearchHit, StoredDigest
from storage.rows import DIGEST_FIELDS, DIGEST_FROM, officials_text, stored_digest
from storage.search.dialect import FullText, fulltext
from storage.search.query import (
    FoldedFields,
    Query,
    matches_exactly,
    meets_requirements,
    parse_query,
)
from storage.search.snippets import snippet
from storage.sql import as_int, as_str, count, marks, rows

MAX_LIMIT = 50
EXACT_WINDOW = 200  # best matches checked for the diacritics a query was typed with
# Matches counted at most: counting a common word re-checks every matching document of a
# chat, so a busy chat's count would cost more than its page. A total above MATCH_CAP reads
# "more than MATCH_CAP" (deep pages raise the ceiling to keep their ▶ button).
MATCH_CAP = 1_000
Found = dict[int, tuple[StoredDigest, str]]


def digests_by_ids(cur: Cursor, chat_id: int, ids: Sequence[int]) -> Found:
    """id → (digest, article text), only rows that belong to the chat."""
    if not ids:
        return {}
    found = rows(
        cur,
        f"SELECT {DIGEST_FIELDS}, d.id, a.text{DIGEST_FROM}"
        f" WHERE d.chat_id = ? AND d.id IN ({marks(len(ids))})",
        (chat_id, *ids),
    )
    return {as_int(r[-2]): (stored_digest(r), as_str(r[-1])) for r in found}


def _fields(item: StoredDigest, body: str) -> tuple[str, str, str, str]:
    # The officials JSON was already decoded into item.digest: no second json.loads.
    return (item.digest.title, item.digest.summary, officials_text(item.digest), body)


def _exact_first(
    ft: FullText, cur: Cursor, chat_id: int, query: Query, total: int
) -> tuple[list[int], Found, int]:
    """The best EXACT_WINDOW matches, those with the typed diacritics first, their rows, and
    how many of them lack diacritics a quoted phrase requires (dropped).

    Beyond the window the order is the engine's and the total counts matches not checked for
    the required diacritics. The engine ranks as for a first page (its newest matches only
    when there are many): ranking all of a busy chat's matches cost more than the rest.
    """
    ids = ft.ranked(cur, chat_id, query, EXACT_WINDOW, 0, total)
    found = digests_by_ids(cur, chat_id, ids)
    exact: list[int] = []
    loose: list[int] = []
    dropped = 0
    for digest_id in ids:
        if digest_id not in found:
            continue
        fields = FoldedFields(_fields(*found[digest_id]))
        if not meets_requirements(fields, query):
            dropped += 1
        elif matches_exactly(fields, query):
            exact.append(digest_id)
        else:
            loose.append(digest_id)
    return exact + loose, found, dropped


def search_rows(
    ft: FullText, cur: Cursor, chat_id: int, query: Query, limit: int, offset: int
) -> tuple[list[int], Found, int]:
    """Ranked ids of one page, their rows, and the total number of matches (above the
    ceiling, max(MATCH_CAP, offset + limit), a lower bound: counting stopped there)."""
    ceiling = max(MATCH_CAP, offset + limit)
    total = ft.matches(cur, chat_id, query, ceiling + 1)
    if not total:
        return [], {}, 0
    if query.toned and offset < EXACT_WINDOW:
        # The window's rows were read to check diacritics: the page is among them.
        ordered, found, dropped = _exact_first(ft, cur, chat_id, query, total)
        if total <= ceiling:
            total -= dropped
        return ordered[offset:offset + limit], found, total
    ids = ft.ranked(cur, chat_id, query, limit, offset, total)
    return ids, digests_by_ids(cur, chat_id, ids), total


def official_matches(
    cur: Cursor, chat_id: int, key: str, limit: int, offset: int
) -> tuple[list[StoredDigest], int]:
    """Newest first, the chat's digests naming an official whose key is or contains `key`."""
    where = "chat_id = ? AND (name_key = ? OR ' ' || name_key || ' ' LIKE ?)"
    params = (chat_id, key, f"% {key} %")
    total = count(cur, f"SELECT count(DISTINCT digest_id) FROM digest_officials WHERE {where}",
                  params)
    ids = [as_int(r[0]) for r in rows(
        cur,
        f"SELECT DISTINCT digest_id FROM digest_officials WHERE {where}"
        " ORDER BY digest_id DESC LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )]
    found = digests_by_ids(cur, chat_id, ids)
    return [found[i][0] for i in ids if i in found], total


def _page(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(int(limit), MAX_LIMIT)), max(0, int(offset))


class SearchRepository:
    """Search one chat's history by words or by official."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._ft = fulltext(database.dialect)

    async def words(
        self, chat_id: int, query: str, *, limit: int = 5, offset: int = 0
    ) -> tuple[list[SearchHit], int]:
        """Best matches first, phrases as search/query.py reads them; returns (hits, total).

        Typed diacritics rank the matches written with them first (the engine's rank within
        each group). A total above MATCH_CAP means "more than MATCH_CAP": counting stopped.
        """
        parsed = parse_query(query)
        if not parsed.alternatives:
            return [], 0
        size, start = _page(limit, offset)

        def hits(cur: Cursor) -> tuple[list[SearchHit], int]:
            # Snippets fold whole article bodies: built here, on the reader's thread, not the loop.
            ids, found, total = search_rows(self._ft, cur, chat_id, parsed, size, start)
            page = []
            for digest_id in ids:
                if digest_id in found:
                    item, body = found[digest_id]
                    fields = (item.digest.summary, item.digest.title,
                              officials_text(item.digest), body)
                    page.append(SearchHit(item=item, snippet=snippet(fields, parsed)))
            return page, total

        return await self._db.read(hits)

    async def by_official(
        self, chat_id: int, name: str, *, limit: int = 5, offset: int = 0
    ) -> tuple[list[StoredDigest], int]:
        """Newest first, digests naming the person (full name or part of it, any diacritics)."""
        key = name_key(name)
        if not key:
            return [], 0
        size, start = _page(limit, offset)
        return await self._db.read(lambda cur: official_matches(cur, chat_id, key, size, start))

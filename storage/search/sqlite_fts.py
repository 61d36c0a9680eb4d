"""Full-text search on SQLite (the dialect module): FTS5 bucket tables, MATCH and bm25 ranking.

The search index is split into BUCKETS contentless FTS5 tables by chat id (schema v6). A query
reads one bucket, so bm25's document frequencies come from ~1/BUCKETS of all digests; inside a
bucket a chat's rows carry its token in the `chat` column. Changing BUCKETS needs a migration.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from storage.database import Cursor
from storage.folding import chat_token, index_form
from storage.search.entry import IndexEntry
from storage.search.query import Query
from storage.sql import as_int, count, one, rows

BUCKETS = 64
TEXT_COLUMNS = ("title", "summary", "officials", "body")  # what a search term may match
FTS_COLUMNS = ", ".join(("chat", *TEXT_COLUMNS))
# FTS5 merges segments once `automerge` of them pile up on a level (default 4); 8 halves the
# merge work per commit while a search still reads few segments per level.
FTS_AUTOMERGE = 8
# Column weights for bm25: chat token (never ranks), title, summary, officials, article body.
BM25_WEIGHTS = "0.0, 8.0, 4.0, 4.0, 1.0"
RANK_WINDOW = 400  # matches ranked by bm25 when a query matches more than this
FtsRow = tuple[int, str, str, str, str, str]  # rowid, chat token, title, summary, officials, body


def fts_table(chat_id: int) -> str:
    """The FTS5 table (bucket) holding a chat's search rows."""
    return f"fts_{chat_id % BUCKETS:02d}"


def fts_tables() -> list[str]:
    """Every bucket's table name."""
    return [fts_table(bucket) for bucket in range(BUCKETS)]


def create_tables(cur: Cursor) -> None:
    """Create every bucket's table (schema v6)."""
    for table in fts_tables():
        cur.execute(
            f"CREATE VIRTUAL TABLE {table} USING fts5({FTS_COLUMNS},"
            " content='', tokenize='unicode61 remove_diacritics 2')"
        )
        cur.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', {FTS_AUTOMERGE})")


def fts_values(
    digest_id: int, chat_id: int, title: str, summary: str, officials: str, body: str
) -> FtsRow:
    """The column values indexed for one digest (identical for insert and delete)."""
    return (
        digest_id,
        chat_token(chat_id),
        index_form(title),
        index_form(summary),
        index_form(officials),
        index_form(body),
    )


def write_fts(cur: Cursor, entries: Iterable[tuple[int, FtsRow]], *, delete: bool = False) -> None:
    """Add (or remove) (chat_id, values) rows, one statement per bucket touched."""
    buckets: dict[str, list[FtsRow]] = {}
    for chat_id, values in entries:
        buckets.setdefault(fts_table(chat_id), []).append(values)
    for table, batch in buckets.items():
        if delete:
            # A contentless FTS5 row is removed by repeating exactly the values it was indexed with.
            sql = (
                f"INSERT INTO {table} ({table}, rowid, {FTS_COLUMNS})"
                " VALUES ('delete',?,?,?,?,?,?)"
            )
        else:
            sql = f"INSERT INTO {table} (rowid, {FTS_COLUMNS}) VALUES (?,?,?,?,?,?)"
        cur.executemany(sql, batch)


def _rows(entries: Iterable[IndexEntry]) -> list[tuple[int, FtsRow]]:
    return [
        (e.chat_id, fts_values(e.digest_id, e.chat_id, e.title, e.summary, e.officials, e.body))
        for e in entries
    ]


def index(cur: Cursor, entries: Sequence[IndexEntry]) -> None:
    """Make digests findable."""
    write_fts(cur, _rows(entries))


def unindex(cur: Cursor, entries: Sequence[IndexEntry]) -> None:
    """Forget digests, given exactly what they were indexed with."""
    write_fts(cur, _rows(entries), delete=True)


def match_expression(chat_id: int, query: Query) -> str:
    """FTS5 MATCH text for the chat's bucket: its chat token, then the query's phrases.

    Every phrase is a double-quoted FTS5 string of folded letters and digits only, so nothing
    the user types (quotes, `*`, `NEAR`, `-`, `:`, parentheses) can act as query syntax; the
    chat token comes from the chat id and the phrases may only match the text columns, so no
    query can reach another chat's rows. A phrase matches adjacent words in order.
    """
    alternatives = [
        "(" + " AND ".join(f'"{" ".join(p.folded)}"' for p in alternative) + ")"
        for alternative in query.alternatives
    ]
    body = " OR ".join(alternatives)
    return f'chat:"{chat_token(chat_id)}" AND {{{" ".join(TEXT_COLUMNS)}}}: ({body})'


def matches(cur: Cursor, chat_id: int, query: Query, limit: int) -> int:
    """How many of the chat's digests match, counting no further than `limit`."""
    table = fts_table(chat_id)
    return count(
        cur, f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT ?)",
        (match_expression(chat_id, query), limit),
    )


def _ranked(
    cur: Cursor, chat_id: int, expression: str, limit: int, offset: int, min_rowid: int = 0
) -> list[int]:
    table = fts_table(chat_id)
    found = rows(
        cur,
        f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND rowid >= ?"
        f" ORDER BY bm25({table}, {BM25_WEIGHTS}) LIMIT ? OFFSET ?",
        (expression, min_rowid, limit, offset),
    )
    return [as_int(r[0]) for r in found]


def ranked(
    cur: Cursor, chat_id: int, query: Query, limit: int, offset: int, total: int | None = None
) -> list[int]:
    """One page of digest ids, best first (bm25).

    bm25 reads every match's positions (~30 µs each), so when a common word matches thousands
    of a busy chat's digests (`total` given), the first pages rank its RANK_WINDOW newest
    matches only (as the PostgreSQL backend does); pages beyond them rank everything. FTS5
    walks the matches newest first without ranking, so finding the window costs no count.
    """
    expression = match_expression(chat_id, query)
    table = fts_table(chat_id)
    ids: list[int] = []
    if total is not None and total > RANK_WINDOW and offset + limit <= RANK_WINDOW // 2:
        floor = one(
            cur,
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid DESC"
            " LIMIT 1 OFFSET ?",
            (expression, RANK_WINDOW - 1),
        )
        if floor is not None:
            ids = _ranked(cur, chat_id, expression, limit, offset, as_int(floor[0]))
    if total is None or len(ids) < min(limit, total - offset):
        ids = _ranked(cur, chat_id, expression, limit, offset)
    return ids

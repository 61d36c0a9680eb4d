"""Writing and removing a digest everywhere it lives: article, digest row, officials, FTS index."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from storage.folding import chat_token, content_hash, index_form, name_key
from storage.rows import digest_values, officials_text, officials_text_from_json
from summarizer.digest import Digest
from summarizer.textnorm import nfc

# The search index is split into BUCKETS FTS5 tables by chat id (schema v6). A query reads one
# bucket, so bm25's document frequencies come from ~1/BUCKETS of all digests; inside a bucket a
# chat's rows carry its token in the `chat` column. Changing BUCKETS needs a migration.
BUCKETS = 64
TEXT_COLUMNS = ("title", "summary", "officials", "body")  # what a search term may match
FTS_COLUMNS = ", ".join(("chat", *TEXT_COLUMNS))
ARTICLE_INSERT = (
    "INSERT INTO articles (id, chat_id, user_id, created_at, message_ids, content_hash, title,"
    " text) VALUES (?,?,?,?,?,?,?,?)"
)
DIGEST_INSERT = (
    "INSERT INTO digests (id, chat_id, number, article_id, created_at, title, summary, officials,"
    " decisions, engine, model, input_words, summary_words, elapsed_ms, fallback, notes)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
OFFICIAL_INSERT = "INSERT OR IGNORE INTO digest_officials VALUES (?,?,?,?)"
FtsRow = tuple[int, str, str, str, str, str]  # rowid, chat token, title, summary, officials, body


def fts_table(chat_id: int) -> str:
    """The FTS5 table (bucket) holding a chat's search rows."""
    return f"fts_{chat_id % BUCKETS:02d}"


def fts_tables() -> list[str]:
    """Every bucket's table name."""
    return [fts_table(bucket) for bucket in range(BUCKETS)]


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


def write_fts(
    raw: sqlite3.Connection, rows: Iterable[tuple[int, FtsRow]], *, delete: bool = False
) -> None:
    """Add (or remove) (chat_id, values) rows, one statement per bucket touched."""
    buckets: dict[str, list[FtsRow]] = {}
    for chat_id, values in rows:
        buckets.setdefault(fts_table(chat_id), []).append(values)
    for table, batch in buckets.items():
        if delete:
            # A contentless FTS5 row is removed by repeating exactly the values it was indexed with.
            sql = (
                f"INSERT INTO {table} ({table}, rowid, {FTS_COLUMNS}) VALUES ('delete',?,?,?,?,?,?)"
            )
        else:
            sql = f"INSERT INTO {table} (rowid, {FTS_COLUMNS}) VALUES (?,?,?,?,?,?)"
        raw.executemany(sql, batch)


def insert_digest(
    raw: sqlite3.Connection,
    *,
    chat_id: int,
    user_id: int | None,
    text: str,
    body: str,
    message_ids: Sequence[int],
    digest: Digest,
    created_at: int,
    url: str | None = None,
) -> tuple[int, int]:
    """Store article and digest; returns (article_id, number). Runs inside a write transaction.

    `url`: the page a link came from (its canonical address), to recognise the story by.
    """
    # Reserve the chat's next number; numbers are never handed out twice, even after deletes.
    (number,) = raw.execute(
        "INSERT INTO chats (chat_id, created_at, next_number) VALUES (?, ?, 2)"
        " ON CONFLICT (chat_id) DO UPDATE SET next_number = next_number + 1"
        " RETURNING next_number - 1",
        (chat_id, created_at),
    ).fetchall()[0]
    (article_id,) = raw.execute(
        ARTICLE_INSERT + " RETURNING id",
        (
            None,
            chat_id,
            user_id,
            created_at,
            json.dumps(list(message_ids)),
            content_hash(text),
            digest.title,
            body,
        ),
    ).fetchall()[0]
    if url is not None:
        raw.execute("UPDATE articles SET url = ? WHERE id = ?", (url, article_id))
    (digest_id,) = raw.execute(
        DIGEST_INSERT + " RETURNING id",
        (None, chat_id, number, article_id, created_at, *digest_values(digest)),
    ).fetchall()[0]
    values = fts_values(
        digest_id, chat_id, digest.title, digest.summary, officials_text(digest), body
    )
    write_fts(raw, [(chat_id, values)])
    raw.executemany(OFFICIAL_INSERT, official_rows(digest_id, chat_id, digest))
    return int(article_id), int(number)


def official_rows(digest_id: int, chat_id: int, digest: Digest) -> list[tuple[int, int, str, str]]:
    """digest_officials rows for one digest (names that fold to nothing are skipped)."""
    return [
        (digest_id, chat_id, key, nfc(o.name))
        for o in digest.officials
        if (key := name_key(o.name))
    ]


def delete_digests(raw: sqlite3.Connection, where: str, params: Sequence[Any]) -> int:
    """Delete the digests matching `where` (on alias d) with their articles and index entries."""
    rows = raw.execute(
        "SELECT d.id, d.chat_id, d.title, d.summary, d.officials, a.text, d.article_id"
        f" FROM digests d JOIN articles a ON a.id = d.article_id WHERE {where}",
        tuple(params),
    ).fetchall()
    if not rows:
        return 0
    write_fts(
        raw,
        [
            (r[1], fts_values(r[0], r[1], r[2], r[3], officials_text_from_json(r[4]), r[5]))
            for r in rows
        ],
        delete=True,
    )
    # digest_officials goes by ON DELETE CASCADE; articles are deleted explicitly (privacy).
    raw.executemany("DELETE FROM digests WHERE id = ?", [(r[0],) for r in rows])
    raw.executemany("DELETE FROM articles WHERE id = ?", [(r[6],) for r in rows])
    return len(rows)

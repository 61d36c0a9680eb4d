"""Writing and removing a digest everywhere it lives: article, digest row, officials, FTS index."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from storage.folding import chat_prefix, content_hash, indexed_form, name_key
from storage.rows import digest_values, officials_text, officials_text_from_json
from summarizer.digest import Digest
from summarizer.textnorm import nfc

FTS_INSERT = "INSERT INTO digest_fts (rowid, title, summary, officials, body) VALUES (?,?,?,?,?)"
FTS_DELETE = (
    "INSERT INTO digest_fts (digest_fts, rowid, title, summary, officials, body)"
    " VALUES ('delete',?,?,?,?,?)"
)


def fts_values(
    digest_id: int, chat_id: int, title: str, summary: str, officials: str, body: str
) -> tuple[Any, ...]:
    """The column values indexed for one digest (identical for insert and delete)."""
    prefix = chat_prefix(chat_id)
    return (
        digest_id,
        indexed_form(prefix, title),
        indexed_form(prefix, summary),
        indexed_form(prefix, officials),
        indexed_form(prefix, body),
    )


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
) -> tuple[int, int]:
    """Store article and digest; returns (article_id, number). Runs inside a write transaction."""
    # Reserve the chat's next number; numbers are never handed out twice, even after deletes.
    (number,) = raw.execute(
        "INSERT INTO chats (chat_id, created_at, next_number) VALUES (?, ?, 2)"
        " ON CONFLICT (chat_id) DO UPDATE SET next_number = next_number + 1"
        " RETURNING next_number - 1",
        (chat_id, created_at),
    ).fetchall()[0]
    (article_id,) = raw.execute(
        "INSERT INTO articles (chat_id, user_id, created_at, message_ids, content_hash, title,"
        " text) VALUES (?,?,?,?,?,?,?) RETURNING id",
        (
            chat_id,
            user_id,
            created_at,
            json.dumps(list(message_ids)),
            content_hash(text),
            digest.title,
            body,
        ),
    ).fetchall()[0]
    (digest_id,) = raw.execute(
        "INSERT INTO digests (chat_id, number, article_id, created_at, title, summary, officials,"
        " decisions, engine, model, input_words, summary_words, elapsed_ms, fallback, notes)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
        (chat_id, number, article_id, created_at, *digest_values(digest)),
    ).fetchall()[0]
    raw.execute(
        FTS_INSERT,
        fts_values(digest_id, chat_id, digest.title, digest.summary, officials_text(digest), body),
    )
    raw.executemany(
        "INSERT OR IGNORE INTO digest_officials VALUES (?,?,?,?)",
        official_rows(digest_id, chat_id, digest),
    )
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
    # A contentless FTS5 row is removed by repeating exactly the values it was indexed with.
    raw.executemany(
        FTS_DELETE,
        [fts_values(r[0], r[1], r[2], r[3], officials_text_from_json(r[4]), r[5]) for r in rows],
    )
    # digest_officials goes by ON DELETE CASCADE; articles are deleted explicitly (privacy).
    raw.executemany("DELETE FROM digests WHERE id = ?", [(r[0],) for r in rows])
    raw.executemany("DELETE FROM articles WHERE id = ?", [(r[6],) for r in rows])
    return len(rows)

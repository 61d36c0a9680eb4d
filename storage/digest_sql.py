"""A digest written and removed everywhere it lives: article, digest row, officials, search index.

Synchronous functions over `Cursor` in portable SQL, run inside a repository's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from storage.database import Cursor
from storage.folding import content_hash, name_key
from storage.models import StoredDigest
from storage.rows import (
    DIGEST_SELECT,
    digest_values,
    officials_text,
    officials_text_from_json,
    stored_digest,
)
from storage.search.dialect import FullText
from storage.search.entry import IndexEntry
from storage.sql import as_int, as_str, one, rows
from summarizer.digest import Digest
from summarizer.textnorm import nfc

DIGEST_COLUMNS = (
    "chat_id, number, article_id, created_at, title, summary, officials, decisions, engine,"
    " model, input_words, summary_words, elapsed_ms, fallback, notes"
)
ARTICLE_COLUMNS = "chat_id, user_id, created_at, message_ids, content_hash, title, text"
OFFICIAL_INSERT = (
    "INSERT INTO digest_officials (digest_id, chat_id, name_key, name) VALUES (?,?,?,?)"
    " ON CONFLICT DO NOTHING"
)


@dataclass(frozen=True)
class NewArticle:
    """What a digest was made from: the paste (hashed, kept as the original) and its body."""

    chat_id: int
    user_id: int | None
    text: str  # the raw paste: its hash recognises the same article sent again
    body: str  # the cleaned article: what is stored and searched
    message_ids: Sequence[int]
    created_at: int
    url: str | None = None
    content_hash: str | None = None  # of `text`, when already known (else computed here)


def digest_by_number(cur: Cursor, chat_id: int, number: int) -> StoredDigest | None:
    """The chat's digest #number, or None."""
    row = one(cur, f"{DIGEST_SELECT} WHERE d.chat_id = ? AND d.number = ?", (chat_id, number))
    return stored_digest(row) if row else None


def official_rows(digest_id: int, chat_id: int, digest: Digest) -> list[tuple[int, int, str, str]]:
    """digest_officials rows for one digest (names that fold to nothing are skipped)."""
    return [
        (digest_id, chat_id, key, nfc(o.name))
        for o in digest.officials
        if (key := name_key(o.name))
    ]


def index_entry(digest_id: int, chat_id: int, digest: Digest, body: str) -> IndexEntry:
    """What the search index holds for a digest made from `body`."""
    return IndexEntry(
        digest_id, chat_id, digest.title, digest.summary, officials_text(digest), body
    )


def insert_digest(ft: FullText, cur: Cursor, article: NewArticle, digest: Digest) -> tuple[int,
                                                                                           int]:
    """Store article and digest; returns (article_id, number). Runs inside a write transaction."""
    chat_id, created_at = article.chat_id, article.created_at
    # Reserve the chat's next number; numbers are never handed out twice, even after deletes.
    number = as_int(_first(cur,
        "INSERT INTO chats (chat_id, created_at, next_number) VALUES (?, ?, 2)"
        " ON CONFLICT (chat_id) DO UPDATE SET next_number = chats.next_number + 1"
        " RETURNING next_number - 1",
        (chat_id, created_at),
    ))
    original = article.text if article.text != article.body else None
    article_id = as_int(_first(cur,
        f"INSERT INTO articles ({ARTICLE_COLUMNS}, url, original) VALUES (?,?,?,?,?,?,?,?,?)"
        " RETURNING id",
        (chat_id, article.user_id, created_at, json.dumps(list(article.message_ids)),
         article.content_hash or content_hash(article.text), digest.title, article.body,
         article.url, original),
    ))
    digest_id = as_int(_first(cur,
        f"INSERT INTO digests ({DIGEST_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        " RETURNING id",
        (chat_id, number, article_id, created_at, *digest_values(digest)),
    ))
    ft.index(cur, [index_entry(digest_id, chat_id, digest, article.body)])
    cur.executemany(OFFICIAL_INSERT, official_rows(digest_id, chat_id, digest))
    return article_id, number


def _first(cur: Cursor, sql: str, params: Sequence[object]) -> object:
    found = rows(cur, sql, params)  # all rows: a RETURNING statement completes when fetched
    return found[0][0]


def _stored_entry(row: Sequence[object]) -> IndexEntry:
    """The index entry of a row (d.id, d.chat_id, d.title, d.summary, d.officials, a.text)."""
    return IndexEntry(
        as_int(row[0]), as_int(row[1]), as_str(row[2]), as_str(row[3]),
        officials_text_from_json(row[4]), as_str(row[5]),
    )


def delete_digests(ft: FullText, cur: Cursor, where: str, params: Sequence[object]) -> int:
    """Delete the digests matching `where` (on alias d) with their articles and index entries."""
    found = rows(
        cur,
        "SELECT d.id, d.chat_id, d.title, d.summary, d.officials, a.text, d.article_id"
        f" FROM digests d JOIN articles a ON a.id = d.article_id WHERE {where}",
        tuple(params),
    )
    if not found:
        return 0
    ft.unindex(cur, [_stored_entry(r) for r in found])
    # digest_officials goes by ON DELETE CASCADE; articles are deleted explicitly (privacy).
    cur.executemany("DELETE FROM digests WHERE id = ?", [(r[0],) for r in found])
    cur.executemany("DELETE FROM articles WHERE id = ?", [(r[6],) for r in found])
    return len(found)


_UPDATE = (
    "UPDATE digests SET title = ?, summary = ?, officials = ?, decisions = ?, engine = ?,"
    " model = ?, input_words = ?, summary_words = ?, elapsed_ms = ?, fallback = ?, notes = ?,"
    " length = ? WHERE id = ?"
)


def replace_digest(
    ft: FullText, cur: Cursor, chat_id: int, number: int, digest: Digest, length: str
) -> StoredDigest | None:
    """Digest #number rewritten in place (index and officials too); None if it is gone."""
    row = one(
        cur,
        "SELECT d.id, d.chat_id, d.title, d.summary, d.officials, a.text FROM digests d"
        " JOIN articles a ON a.id = d.article_id WHERE d.chat_id = ? AND d.number = ?",
        (chat_id, number),
    )
    if row is None:
        return None
    old = _stored_entry(row)
    # The contentless index forgets a row only when given exactly what it indexed.
    ft.unindex(cur, [old])
    cur.execute(_UPDATE, (*digest_values(digest), length, old.digest_id))
    ft.index(cur, [index_entry(old.digest_id, chat_id, digest, old.body)])
    cur.execute("DELETE FROM digest_officials WHERE digest_id = ?", (old.digest_id,))
    cur.executemany(OFFICIAL_INSERT, official_rows(old.digest_id, chat_id, digest))
    return digest_by_number(cur, chat_id, number)

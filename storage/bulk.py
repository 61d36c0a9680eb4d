"""The bulk import path (restores, benchmarks): many digests in one transaction."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from storage.bulk_rows import RowWriter
from storage.database import Cursor
from storage.digest_sql import official_rows
from storage.folding import content_hash
from storage.models import BulkDigest
from storage.rows import DigestValues, digest_values, now_ms, officials_text, to_ms
from storage.search.dialect import FullText
from storage.search.entry import IndexEntry
from storage.sql import as_int, marks, one, rows

CHUNK = 500
BIG, TEXT, INT = "bigint", "text", "integer"
CHATS = (("chat_id", BIG), ("created_at", BIG), ("next_number", BIG))
ARTICLES = (("id", BIG), ("chat_id", BIG), ("user_id", BIG), ("created_at", BIG),
            ("message_ids", TEXT), ("content_hash", TEXT), ("title", TEXT), ("text", TEXT))
DIGESTS = (("id", BIG), ("chat_id", BIG), ("number", BIG), ("article_id", BIG),
           ("created_at", BIG), ("title", TEXT), ("summary", TEXT), ("officials", TEXT),
           ("decisions", TEXT), ("engine", TEXT), ("model", TEXT), ("input_words", INT),
           ("summary_words", INT), ("elapsed_ms", INT), ("fallback", INT), ("notes", TEXT))
OFFICIALS = (("digest_id", BIG), ("chat_id", BIG), ("name_key", TEXT), ("name", TEXT))


@dataclass(frozen=True)
class Prepared:
    """A bulk digest with its CPU-heavy parts (hash, JSON, officials text) computed."""

    item: BulkDigest
    created_at: int
    content_hash: str
    message_ids: str
    values: DigestValues
    officials: str


def prepare(items: Sequence[BulkDigest]) -> list[Prepared]:
    """Hashing and JSON for a bulk import, run off the event loop."""
    return [
        Prepared(item, to_ms(item.created_at), content_hash(item.text),
                 json.dumps(list(item.message_ids)), digest_values(item.digest),
                 officials_text(item.digest))
        for item in items
    ]


def _next_numbers(cur: Cursor, chat_ids: list[int]) -> dict[int, int]:
    numbers: dict[int, int] = {}
    for start in range(0, len(chat_ids), CHUNK):
        chunk = chat_ids[start : start + CHUNK]
        found = rows(cur, f"SELECT chat_id, next_number FROM chats WHERE chat_id IN"
                          f" ({marks(len(chunk))})", chunk)
        numbers.update((as_int(c), as_int(n)) for c, n in found)
    return numbers


def insert_bulk(
    ft: FullText, write: RowWriter, cur: Cursor, prepared: list[Prepared]
) -> None:
    """Write prepared digests with consecutive ids and each chat's next numbers (one unit)."""
    numbers = _next_numbers(cur, sorted({p.item.chat_id for p in prepared}))
    top = one(cur, "SELECT (SELECT coalesce(max(id), 0) FROM articles),"
                   " (SELECT coalesce(max(id), 0) FROM digests)")
    article_id, digest_id = (as_int(top[0]), as_int(top[1])) if top else (0, 0)
    articles, digests, entries, officials = [], [], [], []
    for p in prepared:
        item = p.item
        article_id += 1
        digest_id += 1
        number = numbers.get(item.chat_id, 1)
        numbers[item.chat_id] = number + 1
        articles.append((article_id, item.chat_id, item.user_id, p.created_at, p.message_ids,
                         p.content_hash, item.digest.title, item.text))
        digests.append((digest_id, item.chat_id, number, article_id, p.created_at, *p.values))
        entries.append(IndexEntry(digest_id, item.chat_id, item.digest.title,
                                  item.digest.summary, p.officials, item.text))
        officials.extend(official_rows(digest_id, item.chat_id, item.digest))
    now = now_ms()
    write(cur, "chats", CHATS, [(chat_id, now, number) for chat_id, number in numbers.items()],
          "ON CONFLICT (chat_id) DO UPDATE SET next_number = excluded.next_number")
    write(cur, "articles", ARTICLES, articles)
    write(cur, "digests", DIGESTS, digests)
    ft.index(cur, entries)
    write(cur, "digest_officials", OFFICIALS, officials, "ON CONFLICT DO NOTHING")

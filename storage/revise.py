"""A digest rewritten in place (another summary length), and the article it was made from."""

from __future__ import annotations

import sqlite3

from storage.base import StoreBase
from storage.chats import check_length
from storage.indexing import fts_values, official_rows, write_fts
from storage.jobs import digest_by_number
from storage.models import StoredDigest
from storage.rows import digest_values, officials_text, officials_text_from_json
from summarizer.digest import Digest

_UPDATE = (
    "UPDATE digests SET title = ?, summary = ?, officials = ?, decisions = ?, engine = ?,"
    " model = ?, input_words = ?, summary_words = ?, elapsed_ms = ?, fallback = ?, notes = ?,"
    " length = ? WHERE id = ?"
)


def _replace(
    raw: sqlite3.Connection, chat_id: int, number: int, digest: Digest, length: str
) -> StoredDigest | None:
    row = raw.execute(
        "SELECT d.id, d.title, d.summary, d.officials, a.text FROM digests d"
        " JOIN articles a ON a.id = d.article_id WHERE d.chat_id = ? AND d.number = ?",
        (chat_id, number),
    ).fetchone()
    if row is None:
        return None
    digest_id, title, summary, officials, body = row
    # The contentless index forgets a row only when given exactly what it indexed.
    old = fts_values(digest_id, chat_id, title, summary, officials_text_from_json(officials), body)
    write_fts(raw, [(chat_id, old)], delete=True)
    raw.execute(_UPDATE, (*digest_values(digest), length, digest_id))
    new = fts_values(digest_id, chat_id, digest.title, digest.summary, officials_text(digest), body)
    write_fts(raw, [(chat_id, new)])
    raw.execute("DELETE FROM digest_officials WHERE digest_id = ?", (digest_id,))
    raw.executemany(
        "INSERT OR IGNORE INTO digest_officials VALUES (?,?,?,?)",
        official_rows(digest_id, chat_id, digest),
    )
    return digest_by_number(raw, chat_id, number)


class RevisionMixin(StoreBase):
    """Re-summarised digests keep their number; the stored article can be handed back."""

    async def article_text(self, chat_id: int, number: int) -> str | None:
        """The article digest #number was made from (as stored), or None."""
        found = await self.article(chat_id, number)
        return found[0] if found else None

    async def article(self, chat_id: int, number: int) -> tuple[str, str | None] | None:
        """(text, source) of digest #number's article; source: where it can be read (a
        forwarded channel post's link, or the page a link digest was made from), else None."""
        rows = await self._rows(
            "SELECT a.text, coalesce(a.source, a.url) FROM digests d"
            " JOIN articles a ON a.id = d.article_id"
            " WHERE d.chat_id = ? AND d.number = ?",
            (chat_id, number),
        )
        return (str(rows[0][0]), rows[0][1]) if rows else None

    async def replace_digest(
        self, chat_id: int, number: int, digest: Digest, *, length: str
    ) -> StoredDigest | None:
        """Digest #number rewritten (search index and officials too); None if it is gone."""
        checked = check_length(length)
        return await self._write_sync(lambda raw: _replace(raw, chat_id, number, digest, checked))

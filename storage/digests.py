"""A chat's digests: pages of history, one by number, by content or page, rewrite, delete."""

from __future__ import annotations

from storage.database import Cursor, Database
from storage.digest_sql import delete_digests, digest_by_number, replace_digest
from storage.history import MAX_PAGE, history_page
from storage.job_sql import check_length
from storage.models import HistoryPage, StoredDigest
from storage.people import MAX_PEOPLE, OfficialCount, overview
from storage.rows import DIGEST_SELECT, stored_digest
from storage.search.dialect import fulltext
from storage.sql import as_str, one, opt_str
from summarizer.digest import Digest

SAME_LENGTH = " AND (? IS NULL OR d.length IS NULL OR d.length = ?) ORDER BY d.number DESC LIMIT 1"


class DigestsRepository:
    """Browse, find, rewrite and prune one chat's digests."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._ft = fulltext(database.dialect)

    async def history(
        self, chat_id: int, *, limit: int = 5, before: int | None = None, after: int | None = None
    ) -> HistoryPage:
        """Newest first. `before=N`: the page of numbers below N; `after=N`: the page above N."""
        if before is not None and after is not None:
            raise ValueError("pass before= or after=, not both")
        size = max(1, min(int(limit), MAX_PAGE))
        return await self._db.read(lambda cur: history_page(cur, chat_id, size, before, after))

    async def get(self, chat_id: int, number: int) -> StoredDigest | None:
        """The chat's digest #number, or None (also for other chats' numbers)."""
        return await self._db.read(lambda cur: digest_by_number(cur, chat_id, number))

    async def find_by_content(
        self, chat_id: int, text_hash: str, length: str | None = None
    ) -> StoredDigest | None:
        """The chat's newest digest of the same article: `text_hash` is `folding.content_hash`
        of its text (NFC, tones, case, spacing ignored), computed once per article by the caller.

        With `length`, only a digest written at that length (or of unknown length) counts.
        """

        def newest(cur: Cursor) -> StoredDigest | None:
            row = one(
                cur, f"{DIGEST_SELECT} WHERE a.chat_id = ? AND a.content_hash = ?{SAME_LENGTH}",
                (chat_id, text_hash, length, length),
            )
            return stored_digest(row) if row else None

        return await self._db.read(newest)

    async def find_by_url(
        self, chat_id: int, url: str, length: str | None = None
    ) -> StoredDigest | None:
        """The chat's newest digest of the page at `url` (its canonical address), or None.

        With `length`, only a digest written at that length (or of unknown length) counts.
        """
        row = await self._db.read(lambda cur: one(
            cur, f"{DIGEST_SELECT} WHERE a.chat_id = ? AND a.url = ?{SAME_LENGTH}",
            (chat_id, url, length, length),
        ))
        return stored_digest(row) if row else None

    async def article(self, chat_id: int, number: int) -> tuple[str, str | None] | None:
        """(original text, source) of digest #number's article, as the reader pasted it.

        source: where it can be read (a forwarded channel post's link, or the page a link
        digest was made from), else None.
        """
        row = await self._db.read(lambda cur: one(
            cur,
            "SELECT coalesce(a.original, a.text), coalesce(a.source, a.url) FROM digests d"
            " JOIN articles a ON a.id = d.article_id WHERE d.chat_id = ? AND d.number = ?",
            (chat_id, number),
        ))
        return (as_str(row[0]), opt_str(row[1])) if row else None

    async def article_text(self, chat_id: int, number: int) -> str | None:
        """The cleaned article digest #number was made from (what a rewrite summarises)."""
        row = await self._db.read(lambda cur: one(
            cur,
            "SELECT a.text FROM digests d JOIN articles a ON a.id = d.article_id"
            " WHERE d.chat_id = ? AND d.number = ?",
            (chat_id, number),
        ))
        return as_str(row[0]) if row else None

    async def replace(
        self, chat_id: int, number: int, digest: Digest, *, length: str
    ) -> StoredDigest | None:
        """Digest #number rewritten (search index and officials too); None if it is gone."""
        checked = check_length(length)
        return await self._db.write(
            lambda cur: replace_digest(self._ft, cur, chat_id, number, digest, checked)
        )

    async def delete(self, chat_id: int, number: int) -> bool:
        """Delete digest #number and its article; the number is never reused."""
        deleted = await self._db.write(lambda cur: delete_digests(
            self._ft, cur, "d.chat_id = ? AND d.number = ?", (chat_id, number)
        ))
        return deleted > 0

    async def clear(self, chat_id: int) -> int:
        """Delete every digest of the chat (and its finished jobs); returns how many digests."""

        def clear(cur: Cursor) -> int:
            deleted = delete_digests(self._ft, cur, "d.chat_id = ?", (chat_id,))
            cur.execute(
                "DELETE FROM jobs WHERE chat_id = ? AND status IN ('delivered', 'failed')",
                (chat_id,),
            )
            return deleted

        return await self._db.write(clear)

    async def officials_overview(self, chat_id: int, *, limit: int = 10) -> list[OfficialCount]:
        """The officials the chat reads about: most-named first, with their latest positions."""
        size = max(1, min(int(limit), MAX_PEOPLE))
        return await self._db.read(lambda cur: overview(cur, chat_id, size))

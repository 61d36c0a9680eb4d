"""Link jobs: queued before their page is fetched, then filled in; stories known by their URL."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from storage.chats import check_length, insert_job, job_in_chat
from storage.jobs import JobsMixin
from storage.models import Job, StoredDigest
from storage.rows import DIGEST_SELECT, JOB_SELECT, job, now_ms, stored_digest


class LinksMixin(JobsMixin):
    """Enqueue links, store what their pages gave, find a digest by its page's address."""

    async def enqueue_links(
        self,
        chat_id: int,
        user_id: int,
        urls: Sequence[str],
        message_id: int,
        *,
        length: str,
        language: str | None,
        reply_to: int | None,
    ) -> list[Job]:
        """One queued job per link, in order, all in one transaction (on disk on return).

        The message is remembered once, with the first job: a re-delivered update finds it
        and adds none of them again.
        """
        length = check_length(length)

        def add(raw: sqlite3.Connection) -> list[Job]:
            return [
                insert_job(raw, chat_id, user_id, "", [message_id], length, language, reply_to,
                           url=url)
                for url in urls
            ]

        return await self._write_sync(add)

    async def set_fetched(self, chat_id: int, job_id: int, text: str, url: str) -> Job:
        """The link job's article text and canonical URL; the job can now be summarised."""

        def fill(raw: sqlite3.Connection) -> Job:
            job_in_chat(raw, chat_id, job_id)
            raw.execute(
                "UPDATE jobs SET text = ?, url = ?, updated_at = ? WHERE id = ? AND text = ''",
                (text, url, now_ms(), job_id),
            )
            rows = raw.execute(f"{JOB_SELECT} WHERE id = ?", (job_id,)).fetchall()
            return job(rows[0])

        return await self._write_sync(fill)

    async def find_digest_by_url(
        self, chat_id: int, url: str, length: str | None = None
    ) -> StoredDigest | None:
        """The chat's newest digest of the page at `url` (its canonical address), or None.

        With `length`, only a digest written at that length (or of unknown length) counts.
        """
        rows = await self._rows(
            f"{DIGEST_SELECT} WHERE a.chat_id = ? AND a.url = ?"
            " AND (? IS NULL OR d.length IS NULL OR d.length = ?)"
            " ORDER BY d.number DESC LIMIT 1",
            (chat_id, url, length, length),
        )
        return stored_digest(rows[0]) if rows else None

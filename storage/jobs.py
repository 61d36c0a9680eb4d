"""The job queue: accepted work survives crashes until its digest is delivered."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from storage.chats import ChatsMixin, check_length, insert_job, job_in_chat
from storage.folding import content_hash
from storage.indexing import insert_digest
from storage.models import Job, StoredDigest
from storage.rows import DIGEST_SELECT, JOB_COLUMNS, JOB_SELECT, from_ms, job, now_ms, stored_digest
from summarizer.digest import Article, Digest


def digest_by_number(raw: sqlite3.Connection, chat_id: int, number: int) -> StoredDigest | None:
    """The chat's digest #number, or None."""
    rows = raw.execute(
        f"{DIGEST_SELECT} WHERE d.chat_id = ? AND d.number = ?", (chat_id, number)
    ).fetchall()
    return stored_digest(rows[0]) if rows else None


def _job_of_message(raw: sqlite3.Connection, chat_id: int, message_id: int) -> Job | None:
    rows = raw.execute(
        f"{JOB_SELECT} WHERE id = (SELECT job_id FROM job_messages"
        " WHERE chat_id = ? AND message_id = ?)",
        (chat_id, message_id),
    ).fetchall()
    return job(rows[0]) if rows else None


class JobsMixin(ChatsMixin):
    """Enqueue, claim, complete, fail, deliver and recover jobs."""

    async def enqueue(
        self,
        chat_id: int,
        user_id: int,
        text: str,
        message_ids: Sequence[int],
        *,
        length: str,
        language: str | None,
        reply_to: int | None,
        source: str | None = None,
    ) -> Job:
        """Accept one article for summarising; it is on disk when this returns.

        Its message ids are remembered (see `job_for_message`) in the same transaction;
        `source` (a link to the forwarded post) goes to the article when it is stored.
        """
        length = check_length(length)
        ids = list(message_ids)

        def insert(raw: sqlite3.Connection) -> Job:
            added = insert_job(raw, chat_id, user_id, text, ids, length, language, reply_to)
            if source:
                raw.execute("UPDATE jobs SET source = ? WHERE id = ?", (source, added.id))
            return added

        return await self._write_sync(insert)

    async def job_for_message(self, chat_id: int, message_id: int) -> Job | None:
        """The job this chat's message already produced (a paste fragment included), or None."""
        return await self._read_sync(lambda raw: _job_of_message(raw, chat_id, message_id))

    async def find_digest_by_content(
        self, chat_id: int, text: str, length: str | None = None
    ) -> StoredDigest | None:
        """The chat's newest digest of the same article (NFC, tones, case, spacing ignored).

        With `length`, only a digest written at that length (or of unknown length) counts.
        """

        def newest(raw: sqlite3.Connection) -> StoredDigest | None:
            # Hashed here, on the reader's thread: a long paste takes milliseconds to fold.
            row = raw.execute(
                f"{DIGEST_SELECT} WHERE a.chat_id = ? AND a.content_hash = ?"
                " AND (? IS NULL OR d.length IS NULL OR d.length = ?)"
                " ORDER BY d.number DESC LIMIT 1",
                (chat_id, content_hash(text), length, length),
            ).fetchone()
            return stored_digest(row) if row else None

        return await self._read_sync(newest)

    async def claim_next_job(self) -> Job | None:
        """Cross-chat: the oldest queued job becomes running, attempts + 1.

        A link whose page is still being fetched is skipped, and so is every later job of its
        chat (the chat's digests keep their order); other chats go on meanwhile.
        """

        def claim(raw: sqlite3.Connection) -> Job | None:
            rows = raw.execute(
                "UPDATE jobs SET status = 'running', attempts = attempts + 1, updated_at = ?"
                " WHERE id = (SELECT j.id FROM jobs j WHERE j.status = 'queued' AND NOT EXISTS"
                " (SELECT 1 FROM jobs w WHERE w.chat_id = j.chat_id AND w.status = 'queued'"
                " AND w.id <= j.id AND w.url IS NOT NULL AND w.text = '') ORDER BY j.id LIMIT 1)"
                f" RETURNING {JOB_COLUMNS}",
                (now_ms(),),
            ).fetchall()
            return job(rows[0]) if rows else None

        return await self._write_sync(claim)

    async def get_job(self, chat_id: int, job_id: int) -> Job | None:
        """One job of this chat, or None."""
        rows = await self._rows(f"{JOB_SELECT} WHERE id = ? AND chat_id = ?", (job_id, chat_id))
        return job(rows[0]) if rows else None

    async def set_status_message(self, chat_id: int, job_id: int, message_id: int) -> None:
        """Remember the "working on it" message so a restart can edit it instead of re-sending."""

        def update(raw: sqlite3.Connection) -> None:
            job_in_chat(raw, chat_id, job_id)
            raw.execute(
                "UPDATE jobs SET status_message_id = ?, updated_at = ? WHERE id = ?",
                (message_id, now_ms(), job_id),
            )

        await self._write_sync(update)

    async def complete_job(
        self, chat_id: int, job_id: int, digest: Digest, *, article: Article | None = None
    ) -> StoredDigest:
        """Save article and digest and mark the job done, atomically; repeating it is harmless.

        `article` (optional) is the cleaned article: its body is what gets stored and searched.
        """

        def complete(raw: sqlite3.Connection) -> StoredDigest:
            current = job_in_chat(raw, chat_id, job_id)
            if current.digest_number is not None:
                existing = digest_by_number(raw, chat_id, current.digest_number)
                if existing is not None:
                    return existing
            now = now_ms()
            body = article.body if article is not None and article.body.strip() else current.text
            article_id, number = insert_digest(
                raw,
                chat_id=chat_id,
                user_id=current.user_id,
                text=current.text,
                body=body,
                message_ids=current.message_ids,
                digest=digest,
                created_at=now,
                url=current.url,
            )
            raw.execute(
                "UPDATE digests SET length = ? WHERE chat_id = ? AND number = ?",
                (current.length, chat_id, number),
            )
            raw.execute(
                "UPDATE articles SET source = (SELECT source FROM jobs WHERE id = ?) WHERE id = ?",
                (job_id, article_id),
            )
            raw.execute(
                "UPDATE jobs SET status = 'done', error = NULL, digest_number = ?, updated_at = ?,"
                " finished_at = ? WHERE id = ?",
                (number, now, now, job_id),
            )
            return StoredDigest(
                chat_id, number, digest, from_ms(now), article_id, current.user_id,
                current.length,
            )

        return await self._write_sync(complete)

    async def fail_job(self, chat_id: int, job_id: int, error: str, *, retry: bool) -> None:
        """Record an error; with retry the job goes back to the queue, else it is failed."""

        def fail(raw: sqlite3.Connection) -> None:
            if job_in_chat(raw, chat_id, job_id).status in ("done", "delivered"):
                return
            now = now_ms()
            raw.execute(
                "UPDATE jobs SET status = ?, error = ?, updated_at = ?, finished_at = ?"
                " WHERE id = ?",
                ("queued" if retry else "failed", error, now, None if retry else now, job_id),
            )

        await self._write_sync(fail)

    async def mark_delivered(self, chat_id: int, job_id: int) -> None:
        """The digest reached the user; the job needs nothing more."""

        def deliver(raw: sqlite3.Connection) -> None:
            job_in_chat(raw, chat_id, job_id)
            raw.execute(
                "UPDATE jobs SET status = 'delivered', updated_at = ? WHERE id = ?"
                " AND status IN ('done', 'delivered')",
                (now_ms(), job_id),
            )

        await self._write_sync(deliver)

    async def queue_position(self, chat_id: int, job_id: int) -> int:
        """1 = next to run; 0 when the job is running or no longer queued."""
        rows = await self._rows(
            "SELECT count(*) FROM jobs WHERE status = 'queued' AND id <= ?"
            " AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND chat_id = ? AND status = 'queued')",
            (job_id, job_id, chat_id),
        )
        return int(rows[0][0])

    async def pending_jobs(self, chat_id: int, user_id: int) -> int:
        """Queued plus running jobs of one user in one chat (for per-user limits)."""
        rows = await self._rows(
            "SELECT count(*) FROM jobs WHERE chat_id = ? AND user_id = ?"
            " AND status IN ('queued', 'running')",
            (chat_id, user_id),
        )
        return int(rows[0][0])

    async def queue_length(self) -> int:
        """Cross-chat: how many jobs wait or run."""
        rows = await self._rows("SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')")
        return int(rows[0][0])

    async def recover_jobs(self) -> list[Job]:
        """Cross-chat, start-up: running → queued; return queued and done-but-undelivered jobs."""

        def recover(raw: sqlite3.Connection) -> list[Job]:
            raw.execute(
                "UPDATE jobs SET status = 'queued', updated_at = ? WHERE status = 'running'",
                (now_ms(),),
            )
            rows = raw.execute(
                f"{JOB_SELECT} WHERE status IN ('queued', 'running', 'done') ORDER BY id"
            ).fetchall()
            return [job(r) for r in rows]

        return await self._write_sync(recover)

"""The job queue: accepted work survives crashes until its digest is delivered."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from storage import job_sql
from storage.database import Cursor, Database, T
from storage.job_sql import NewJob, announced, check_length
from storage.models import Job, StoredDigest
from storage.relength_sql import relength_done, request_length
from storage.rows import now_ms
from storage.search.dialect import fulltext
from storage.sql import as_int, count, rows
from summarizer.digest import Article, Digest


class JobsRepository:
    """Enqueue (articles, links, merged pastes), complete, fail, deliver; claims: queue.py."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._ft = fulltext(database.dialect)

    async def enqueue(
        self, chat_id: int, user_id: int, text: str, message_ids: Sequence[int], *,
        length: str, language: str | None, reply_to: int | None, source: str | None = None,
        content_hash: str | None = None,
    ) -> Job:
        """Accept one article for summarising; it is on disk when this returns.

        Its message ids are remembered (see `for_message`) in the same transaction; `source`
        (a link to the forwarded post) goes to the article when it is stored. `content_hash`
        (`folding.content_hash(text)`, when the caller has it) is stored with the job, else
        computed here.
        """
        new = NewJob(chat_id, user_id, text, list(message_ids), check_length(length), language,
                     reply_to, source=source, content_hash=content_hash)
        return await self._db.write(self._announced(lambda cur: job_sql.insert_job(cur, new)))

    async def enqueue_links(
        self, chat_id: int, user_id: int, urls: Sequence[str], message_id: int, *,
        length: str, language: str | None, reply_to: int | None,
    ) -> list[Job]:
        """One queued job per link, in order, all in one transaction (on disk on return).

        The message is remembered once, with the first job: a re-delivered update finds it
        and adds none of them again.
        """
        checked = check_length(length)
        news = [NewJob(chat_id, user_id, "", [message_id], checked, language, reply_to, url=url)
                for url in urls]
        return await self._db.write(
            self._announced(lambda cur: [job_sql.insert_job(cur, n) for n in news]))

    async def fragments_to_job(
        self, chat_id: int, user_id: int, *, length: str, language: str | None,
        reply_to: int | None, quiet_before: int | None = None,
    ) -> Job | None:
        """In ONE transaction: join the fragments in message order, enqueue a job, drop them.

        With `quiet_before` (epoch ms), only a paste whose newest piece came before it.
        """
        template = NewJob(chat_id, user_id, "", [], check_length(length), language, reply_to)
        return await self._db.write(
            self._announced(lambda cur: job_sql.merge_fragments(cur, template, quiet_before)))

    async def request_length(
        self, chat_id: int, user_id: int, number: int, message_id: int, *,
        length: str, language: str | None,
    ) -> Job | None:
        """Queue digest #number's rewrite at `length`, shown by editing `message_id` (a waiting
        rewrite of it takes the new length instead); None when the digest is gone."""
        new = NewJob(chat_id, user_id, "", [], check_length(length), language, None)
        return await self._db.write(
            self._announced(lambda cur: request_length(cur, new, number, message_id)))

    async def relength_done(
        self, chat_id: int, job_id: int, digest: Digest | None
    ) -> StoredDigest | None:
        """Store a length change's new digest (None: nothing to rewrite) and mark the job done;
        None (the job failed) when the digest was deleted meanwhile."""
        return await self._db.write(
            lambda cur: relength_done(self._ft, cur, chat_id, job_id, digest))

    def _announced(self, work: Callable[[Cursor], T]) -> Callable[[Cursor], T]:
        return announced(self._db.dialect, work)

    async def for_message(self, chat_id: int, message_id: int) -> Job | None:
        """The job this chat's message already produced (a paste fragment included), or None."""
        return await self._db.read(lambda cur: job_sql.job_of_message(cur, chat_id, message_id))

    # -- helping the queue across processes (storage/queue.py) --------------------------------

    async def lease_fetches(self, worker: str, lease_s: float, limit: int) -> list[Job]:
        """Link jobs whose page nobody is fetching, leased to `worker` for the fetch."""
        lease_ms = round(lease_s * 1000)
        # Workers look often and links are rare: a read first spares the writer a transaction.
        if not await self._db.read(lambda cur: job_sql.fetch_waiting(cur, now_ms())):
            return []
        return await self._db.write(
            lambda cur: job_sql.lease_fetches(cur, worker, now_ms(), lease_ms, limit))

    async def release_leases(self) -> int:
        """End every lease (a process alone on its database, at start-up); how many."""
        return await self._db.write(job_sql.release_leases)

    async def get(self, chat_id: int, job_id: int) -> Job | None:
        """One job of this chat, or None."""

        def read(cur: Cursor) -> Job | None:
            try:
                return job_sql.job_in_chat(cur, chat_id, job_id)
            except LookupError:
                return None

        return await self._db.read(read)

    async def set_fetched(self, chat_id: int, job_id: int, text: str, url: str) -> Job:
        """The link job's article text and canonical URL; the job can now be summarised."""
        return await self._db.write(
            lambda cur: job_sql.set_fetched(cur, chat_id, job_id, text, url)
        )

    async def complete(
        self, chat_id: int, job_id: int, digest: Digest, *, article: Article | None = None
    ) -> StoredDigest:
        """Save article and digest and mark the job done, atomically; repeating it is harmless.

        `article` is the cleaned article: its body is what gets stored and searched, while the
        raw paste stays available as the original.
        """
        return await self._db.write(
            lambda cur: job_sql.complete(self._ft, cur, chat_id, job_id, digest, article)
        )

    async def fail(self, chat_id: int, job_id: int, error: str, *, retry: bool) -> None:
        """Record an error; with retry the job goes back to the queue, else it is failed."""
        await self._db.write(lambda cur: job_sql.fail(cur, chat_id, job_id, error, retry))

    async def mark_delivered(self, chat_id: int, job_id: int) -> None:
        """The digest reached the user; the job needs nothing more."""

        def deliver(cur: Cursor) -> None:
            job_sql.job_in_chat(cur, chat_id, job_id)
            cur.execute(
                "UPDATE jobs SET status = 'delivered', updated_at = ? WHERE id = ?"
                " AND status IN ('done', 'delivered')",
                (now_ms(), job_id),
            )

        await self._db.write(deliver)

    async def queue_position(self, chat_id: int, job_id: int) -> int:
        """1 = next to run; 0 when the job is running or no longer queued."""
        return await self._db.read(lambda cur: count(
            cur,
            "SELECT count(*) FROM jobs WHERE status = 'queued' AND id <= ?"
            " AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND chat_id = ? AND status = 'queued')",
            (job_id, job_id, chat_id),
        ))

    async def pending(self, chat_id: int, user_id: int) -> int:
        """Queued plus running articles of one user in one chat (for per-user limits; a
        length change, numbered already, is not an article)."""
        return await self._db.read(lambda cur: count(
            cur,
            "SELECT count(*) FROM jobs WHERE chat_id = ? AND user_id = ?"
            " AND status IN ('queued', 'running') AND digest_number IS NULL",
            (chat_id, user_id),
        ))

    async def queue_length(self) -> int:
        """Cross-chat: how many jobs wait or run."""
        return await self._db.read(lambda cur: count(
            cur, "SELECT count(*) FROM jobs WHERE status IN ('queued', 'running')"
        ))

    async def part_messages(self, chat_id: int, job_id: int) -> dict[int, int]:
        """Part number → message id, for the parts of a job's reply that have a message already.

        Part 0 is the job's status message, the rest a table.
        """
        found = await self._db.read(lambda cur: rows(
            cur,
            "SELECT 0, status_message_id FROM jobs WHERE id = ? AND chat_id = ?"
            " AND status_message_id IS NOT NULL UNION ALL"
            " SELECT p.part, p.message_id FROM delivery_parts p JOIN jobs j ON j.id = p.job_id"
            " WHERE p.job_id = ? AND j.chat_id = ? AND p.part > 0",
            (job_id, chat_id, job_id, chat_id),
        ))
        return {as_int(part): as_int(message_id) for part, message_id in found}

    async def set_part_message(
        self, chat_id: int, job_id: int, part: int, message_id: int
    ) -> None:
        """Record (or replace) the message that shows part `part` of the job's reply."""
        await self._db.write(
            lambda cur: job_sql.set_part(cur, chat_id, job_id, part, message_id)
        )

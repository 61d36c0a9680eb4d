"""The job queue across processes: leases, one job at a time per chat, a chat's jobs in order.

Only a chat's oldest open job (queued, running, or done but not yet delivered) can be
claimed: when queued, or when the lease it is held under has expired (its worker died: the job
is taken over, and a done one is handed out again only to be delivered). A live lease therefore
holds its whole chat, and the chat's digests are delivered in paste order. A claim is one
statement: PostgreSQL locks the chosen row FOR UPDATE SKIP LOCKED (concurrent claimers move
on to the next chat instead of waiting); SQLite runs it on its single writer.

The bot's worker claims here in every role (bot/services/claims.py); `--role all`, alone on its
database, first ends every lease (`JobsRepository.release_leases`) so its previous run's jobs
resume at once.
"""

from __future__ import annotations

from storage import job_sql
from storage.database import Cursor, Database
from storage.models import Job
from storage.rows import JOB_COLUMNS, job, now_ms
from storage.sql import as_int, one, rows

LEASE_S = 120.0  # a worker renews well before (every LEASE_S / 3 while it summarises)
OPEN = "('queued', 'running', 'done')"
_CLAIM = (
    "UPDATE jobs SET status = CASE WHEN status = 'done' THEN 'done' ELSE 'running' END,"
    " attempts = attempts + CASE WHEN status = 'done' THEN 0 ELSE 1 END,"
    " lease_owner = ?, lease_until = ?, updated_at = ?"
    f" WHERE id = (SELECT j.id FROM jobs j WHERE j.status IN {OPEN}"
    " AND NOT EXISTS (SELECT 1 FROM jobs w WHERE w.chat_id = j.chat_id AND w.id < j.id"
    f" AND w.status IN {OPEN})"
    " AND ((j.status = 'queued' AND (j.url IS NULL OR j.text <> ''))"
    " OR (j.status <> 'queued' AND coalesce(j.lease_until, 0) < ?))"
    " ORDER BY j.id LIMIT 1{lock})"
    f" RETURNING {JOB_COLUMNS}"
)
CLAIM = {
    "sqlite": _CLAIM.format(lock=""),
    "postgresql": _CLAIM.format(lock=" FOR UPDATE SKIP LOCKED"),
}


def claim(cur: Cursor, dialect: str, worker: str, now: int, lease_ms: int) -> Job | None:
    """The next claimable job, now leased to `worker` until now + lease_ms; or None."""
    found = rows(cur, CLAIM[dialect], (worker, now + lease_ms, now, now))
    return job(found[0]) if found else None


def renew(cur: Cursor, chat_id: int, job_id: int, worker: str, until: int) -> bool:
    """Extend `worker`'s lease; False when the job is no longer its (taken over, finished)."""
    cur.execute(
        "UPDATE jobs SET lease_until = ? WHERE id = ? AND chat_id = ? AND lease_owner = ?"
        " AND status IN ('running', 'done')",
        (until, job_id, chat_id, worker),
    )
    return cur.rowcount == 1


def holds(cur: Cursor, chat_id: int, job_id: int, worker: str, now: int) -> bool:
    """Whether `worker` holds a live lease on the job."""
    return bool(rows(
        cur,
        "SELECT 1 FROM jobs WHERE id = ? AND chat_id = ? AND lease_owner = ? AND lease_until >= ?"
        " AND status IN ('running', 'done')",
        (job_id, chat_id, worker, now),
    ))


def status_message(
    cur: Cursor, chat_id: int, job_id: int, message_id: int, replacing: int | None
) -> int:
    """Record the job's status message in place of `replacing` (None: of none); when another
    stands instead (another worker's, or a replacement of the same lost message), that one
    stays. The message that stands."""
    job_sql.job_in_chat(cur, chat_id, job_id)
    cur.execute(  # message ids are positive: 0 stands for none
        "UPDATE jobs SET status_message_id = ?, updated_at = ? WHERE id = ?"
        " AND coalesce(status_message_id, 0) = ?",
        (message_id, now_ms(), job_id, replacing or 0),
    )
    row = one(cur, "SELECT status_message_id FROM jobs WHERE id = ?", (job_id,))
    assert row is not None  # the job was read just above, in this transaction
    return as_int(row[0])


def first_part(cur: Cursor, chat_id: int, job_id: int, part: int, message_id: int) -> int:
    """Record the message of a reply part unless one is recorded; the message that stands."""
    if part == 0:  # part 0 is the job's status message
        return status_message(cur, chat_id, job_id, message_id, None)
    job_sql.job_in_chat(cur, chat_id, job_id)
    cur.execute(
        "INSERT INTO delivery_parts (job_id, part, message_id) VALUES (?, ?, ?)"
        " ON CONFLICT (job_id, part) DO NOTHING",
        (job_id, part, message_id),
    )
    row = one(
        cur, "SELECT message_id FROM delivery_parts WHERE job_id = ? AND part = ?",
        (job_id, part),
    )
    assert row is not None  # written just above, in this transaction
    return as_int(row[0])


class QueueRepository:
    """Workers in any number of processes: claim with a lease, renew it, deliver each part once.

    A worker loop: `claim(me)`; summarise, calling `renew(...)` every LEASE_S / 3 (False: the
    job was taken over, drop it); `jobs.complete(...)`; show each part through `record_part`;
    `jobs.mark_delivered(...)` (or `jobs.fail(..., retry=...)`), which frees the chat.
    """

    def __init__(self, database: Database) -> None:
        self._db = database

    async def claim(self, worker: str, *, lease_s: float = LEASE_S) -> Job | None:
        """Cross-chat: the next job no live lease holds back, leased to `worker`; or None."""
        dialect, lease_ms = self._db.dialect, int(lease_s * 1000)
        return await self._db.write(lambda cur: claim(cur, dialect, worker, now_ms(), lease_ms))

    async def renew(
        self, chat_id: int, job_id: int, worker: str, *, lease_s: float = LEASE_S
    ) -> bool:
        """Extend the lease (a negative `lease_s` ends it: the job is handed back, and listening
        workers are woken); False when the job is no longer `worker`'s."""
        until = now_ms() + int(lease_s * 1000)

        def work(cur: Cursor) -> bool:
            return renew(cur, chat_id, job_id, worker, until)

        handed_back = job_sql.announced(self._db.dialect, work)
        return await self._db.write(handed_back if lease_s < 0 else work)

    async def holds(self, chat_id: int, job_id: int, worker: str) -> bool:
        """Whether `worker` still holds a live lease on the job."""
        return await self._db.read(lambda cur: holds(cur, chat_id, job_id, worker, now_ms()))

    async def record_status(
        self, chat_id: int, job_id: int, message_id: int, *, replacing: int | None = None
    ) -> int:
        """Make `message_id` the job's status message, in place of `replacing` (None: the
        first); returns the message that stands (delete yours when it is not it): one status
        line per job, whichever of several workers sends one."""
        return await self._db.write(
            lambda cur: status_message(cur, chat_id, job_id, message_id, replacing))

    async def record_part(self, chat_id: int, job_id: int, part: int, message_id: int) -> int:
        """Store `message_id` as part `part`'s message unless another process stored one
        first; returns the message that stands (delete yours when it is not it)."""
        return await self._db.write(
            lambda cur: first_part(cur, chat_id, job_id, part, message_id)
        )

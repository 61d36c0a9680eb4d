"""The job queue across processes: leases, one job at a time per chat, a chat's jobs in order.

Only a chat's oldest open job (queued, running or done but not yet delivered) can be claimed:
queued, or held under a lease that expired (its worker died: the job is taken over, and a
done one is handed out again only to be delivered). A live lease therefore holds its whole
chat, and the chat's digests are delivered in paste order. Claiming is one statement:
PostgreSQL locks the chosen row with FOR UPDATE SKIP LOCKED (concurrent claimers skip to the
next chat instead of waiting); SQLite runs it on its single writer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from storage.models import Job
from storage.rows import JOB_COLUMNS, job

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


class Cursor(Protocol):
    """What the queue needs of storage/database.py's Cursor."""

    def execute(self, sql: str, params: Sequence[object] = ...) -> object: ...
    def fetchall(self) -> list[tuple[object, ...]]: ...
    @property
    def rowcount(self) -> int: ...


def claim(cur: Cursor, dialect: str, worker: str, now: int, lease_ms: int) -> Job | None:
    """The next claimable job, now leased to `worker` until now + lease_ms; or None."""
    cur.execute(CLAIM[dialect], (worker, now + lease_ms, now, now))
    rows = cur.fetchall()
    return job(rows[0]) if rows else None


def renew(cur: Cursor, chat_id: int, job_id: int, worker: str, until: int) -> bool:
    """Extend `worker`'s lease; False when the job is no longer its (taken over, finished)."""
    cur.execute(
        "UPDATE jobs SET lease_until = ? WHERE id = ? AND chat_id = ? AND lease_owner = ?"
        " AND status IN ('running', 'done')",
        (until, job_id, chat_id, worker),
    )
    return cur.rowcount == 1


def holds(cur: Cursor, chat_id: int, job_id: int, worker: str, now: int) -> bool:
    """Whether `worker` holds a live lease on the job (checked before showing a reply)."""
    cur.execute(
        "SELECT 1 FROM jobs WHERE id = ? AND chat_id = ? AND lease_owner = ? AND lease_until >= ?",
        (job_id, chat_id, worker, now),
    )
    return bool(cur.fetchall())


def first_part_message(cur: Cursor, job_id: int, part: int, message_id: int) -> int:
    """Record the message of a reply part unless one is recorded; the message that stands.

    Two processes delivering the same job both learn the one message the part lives in, so
    it is shown once (the loser deletes its own placeholder).
    """
    if part == 0:  # part 0 is the job's status message
        cur.execute(
            "UPDATE jobs SET status_message_id = ? WHERE id = ? AND status_message_id IS NULL",
            (message_id, job_id),
        )
        cur.execute("SELECT status_message_id FROM jobs WHERE id = ?", (job_id,))
    else:
        cur.execute(
            "INSERT INTO delivery_parts (job_id, part, message_id) VALUES (?, ?, ?)"
            " ON CONFLICT (job_id, part) DO NOTHING",
            (job_id, part, message_id),
        )
        cur.execute(
            "SELECT message_id FROM delivery_parts WHERE job_id = ? AND part = ?", (job_id, part)
        )
    return int(str(cur.fetchall()[0][0]))

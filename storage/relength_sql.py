"""A length change of a digest as a job of the queue, so that whichever process summarises
(a worker) rewrites it, in the chat's order, one job at a time per chat.

Such a job is a queued job with no text whose `digest_number` is already set (an article's job
gets its number only when done) and whose `status_message_id` is the digest's own message: the
reply edits it in place, and a job taken over after its digest was rewritten is just delivered.
"""

from __future__ import annotations

from storage.database import Cursor
from storage.digest_sql import digest_by_number, replace_digest
from storage.job_sql import NewJob, insert_job, job_in_chat
from storage.models import Job, StoredDigest
from storage.rows import now_ms
from storage.search.dialect import FullText
from storage.sql import as_int, one, rows
from summarizer.digest import Digest


def request_length(cur: Cursor, new: NewJob, number: int, message_id: int) -> Job | None:
    """Queue digest #number's rewrite at `new.length`, edited into `message_id`; a rewrite of
    it still waiting takes the new length instead (two quick presses: one job, the last
    length). None when the digest is gone."""
    chat_id = new.chat_id
    if not rows(cur, "SELECT 1 FROM digests WHERE chat_id = ? AND number = ?", (chat_id, number)):
        return None
    waiting = one(
        cur,
        "SELECT id FROM jobs WHERE chat_id = ? AND status = 'queued' AND digest_number = ?"
        " ORDER BY id DESC LIMIT 1",
        (chat_id, number),
    )
    job_id = as_int(waiting[0]) if waiting else insert_job(cur, new).id
    cur.execute(
        "UPDATE jobs SET length = ?, language = ?, digest_number = ?, status_message_id = ?,"
        " updated_at = ? WHERE id = ?",
        (new.length, new.language, number, message_id, now_ms(), job_id),
    )
    return job_in_chat(cur, chat_id, job_id)


def relength_done(
    ft: FullText, cur: Cursor, chat_id: int, job_id: int, digest: Digest | None
) -> StoredDigest | None:
    """The digest rewritten (`digest`; None: it is at the job's length already) and the job
    done, atomically: what is left is to show it. None (the job failed) if the digest is gone."""
    current = job_in_chat(cur, chat_id, job_id)
    number = current.digest_number
    assert number is not None, "not a length change"
    if digest is None:
        stored = digest_by_number(cur, chat_id, number)
    else:
        stored = replace_digest(ft, cur, chat_id, number, digest, current.length)
    now = now_ms()
    cur.execute(
        "UPDATE jobs SET status = ?, error = ?, updated_at = ?, finished_at = ?"
        " WHERE id = ? AND status IN ('queued', 'running')",
        ("failed" if stored is None else "done", "digest deleted" if stored is None else None,
         now, now, job_id),
    )
    return stored

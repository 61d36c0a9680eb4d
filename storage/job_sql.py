"""The job queue's statements: synchronous functions over `Cursor` in portable SQL."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from storage.database import Cursor, T
from storage.digest_sql import NewArticle, digest_by_number, insert_digest
from storage.folding import content_hash
from storage.models import Job, JobNotFoundError, StoredDigest
from storage.rows import JOB_COLUMNS, JOB_SELECT, from_ms, job, now_ms
from storage.search.dialect import FullText
from storage.sql import as_int, as_str, one, rows
from summarizer.digest import Article, Digest, Length


@dataclass(frozen=True)
class NewJob:
    """What a queued job is made of (the chat row is created if new)."""

    chat_id: int
    user_id: int
    text: str
    message_ids: Sequence[int]
    length: str
    language: str | None
    reply_to: int | None
    url: str | None = None
    source: str | None = None
    content_hash: str | None = None  # of `text`; computed on insert when not given


CHANNEL = "tomtat_jobs"  # workers LISTEN on it (storage/postgres/notify.py)


def announced(dialect: str, work: Callable[[Cursor], T]) -> Callable[[Cursor], T]:
    """`work`, then (PostgreSQL, when it made something: a job, a lease handed back) a NOTIFY
    that wakes the listening workers when the transaction commits."""
    if dialect != "postgresql":
        return work

    def run(cur: Cursor) -> T:
        done = work(cur)
        if done:  # None, False or []: nothing new to claim (a paste another replica closed)
            cur.execute(f"NOTIFY {CHANNEL}")
        return done

    return run


def check_length(length: str) -> str:
    """A valid summary length name, or ValueError naming the choices."""
    try:
        return Length(length).value
    except ValueError:
        choices = ", ".join(item.value for item in Length)
        raise ValueError(f"unknown summary length {length!r}; choose one of {choices}") from None


def ensure_chat(cur: Cursor, chat_id: int) -> None:
    """The chat's row, created with defaults when new."""
    cur.execute(
        "INSERT INTO chats (chat_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (chat_id, now_ms()),
    )


def insert_job(cur: Cursor, new: NewJob) -> Job:
    """Insert a queued job (and the chat row if new); returns it as stored."""
    now = now_ms()
    ensure_chat(cur, new.chat_id)
    hashed = new.content_hash or (content_hash(new.text) if new.text else None)
    # RETURNING the whole row (defaults included) saves reading the job back.
    added = job(rows(
        cur,
        "INSERT INTO jobs (chat_id, user_id, text, message_ids, status, created_at, updated_at,"
        " length, language, reply_to, url, source, content_hash)"
        " VALUES (?,?,?,?, 'queued', ?,?,?,?,?,?,?,?)"
        f" RETURNING {JOB_COLUMNS}",
        (new.chat_id, new.user_id, new.text, json.dumps(list(new.message_ids)), now, now,
         new.length, new.language, new.reply_to, new.url, new.source or None, hashed),
    )[0])
    cur.executemany(
        "INSERT INTO job_messages (chat_id, message_id, job_id) VALUES (?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        [(new.chat_id, message_id, added.id) for message_id in new.message_ids],
    )
    return added


def job_in_chat(cur: Cursor, chat_id: int, job_id: int) -> Job:
    """The job if it belongs to the chat, else JobNotFoundError."""
    row = one(cur, f"{JOB_SELECT} WHERE id = ? AND chat_id = ?", (job_id, chat_id))
    if row is None:
        raise JobNotFoundError(f"no job {job_id} in chat {chat_id}")
    return job(row)


def job_of_message(cur: Cursor, chat_id: int, message_id: int) -> Job | None:
    """The job this chat's message became, or None."""
    row = one(
        cur,
        f"{JOB_SELECT} WHERE id = (SELECT job_id FROM job_messages"
        " WHERE chat_id = ? AND message_id = ?)",
        (chat_id, message_id),
    )
    return job(row) if row else None


def merge_fragments(cur: Cursor, template: NewJob, quiet_before: int | None = None) -> Job | None:
    """Join the user's fragments in message order into one queued job, and drop them.

    With `quiet_before` (epoch ms) only if no fragment came after it: another process that
    just received a piece of the paste keeps it open.
    """
    chat_id, user_id = template.chat_id, template.user_id
    if quiet_before is not None and rows(
        cur, "SELECT 1 FROM fragments WHERE chat_id = ? AND user_id = ? AND received_at > ?"
        " LIMIT 1", (chat_id, user_id, quiet_before)
    ):
        return None
    found = rows(
        cur,
        "SELECT message_id, text FROM fragments WHERE chat_id = ? AND user_id = ?"
        " ORDER BY message_id",
        (chat_id, user_id),
    )
    if not found:
        return None
    text = "\n".join(as_str(r[1]) for r in found)
    ids = [as_int(r[0]) for r in found]
    added = insert_job(cur, NewJob(chat_id, user_id, text, ids, template.length,
                                   template.language, template.reply_to))
    cur.execute("DELETE FROM fragments WHERE chat_id = ? AND user_id = ?", (chat_id, user_id))
    return added


def cleaned(article: Article | None) -> str:
    """The cleaned article as stored and searched: its title, then its paragraphs."""
    if article is None or not article.body.strip():
        return ""
    return "\n\n".join(part for part in (article.title, article.body) if part)


def complete(
    ft: FullText, cur: Cursor, chat_id: int, job_id: int, digest: Digest, article: Article | None
) -> StoredDigest:
    """Store the digest of a job (once) and mark the job done."""
    current = job_in_chat(cur, chat_id, job_id)
    if current.digest_number is not None:
        existing = digest_by_number(cur, chat_id, current.digest_number)
        if existing is not None:
            return existing
    now = now_ms()
    body = cleaned(article) or current.text
    # Jobs queued before v12 have no hash yet: computed here, once.
    hashed = current.content_hash or content_hash(current.text)
    new = NewArticle(chat_id, current.user_id, current.text, body, current.message_ids, now,
                     current.url, hashed)
    article_id, number = insert_digest(ft, cur, new, digest)
    cur.execute(
        "UPDATE digests SET length = ? WHERE chat_id = ? AND number = ?",
        (current.length, chat_id, number),
    )
    cur.execute(
        "UPDATE articles SET source = (SELECT source FROM jobs WHERE id = ?) WHERE id = ?",
        (job_id, article_id),
    )
    cur.execute(
        "UPDATE jobs SET status = 'done', error = NULL, digest_number = ?, updated_at = ?,"
        " finished_at = ? WHERE id = ?",
        (number, now, now, job_id),
    )
    return StoredDigest(
        chat_id, number, digest, from_ms(now), article_id, current.user_id, current.length
    )


def fail(cur: Cursor, chat_id: int, job_id: int, error: str, retry: bool) -> None:
    """Record an error; with retry the job goes back to the queue, else it is failed."""
    if job_in_chat(cur, chat_id, job_id).status in ("done", "delivered"):
        return
    now = now_ms()
    cur.execute(
        "UPDATE jobs SET status = ?, error = ?, updated_at = ?, finished_at = ? WHERE id = ?",
        ("queued" if retry else "failed", error, now, None if retry else now, job_id),
    )


def set_fetched(cur: Cursor, chat_id: int, job_id: int, text: str, url: str) -> Job:
    """A link job's fetched text (and its hash) and canonical address."""
    job_in_chat(cur, chat_id, job_id)
    cur.execute(
        "UPDATE jobs SET text = ?, url = ?, content_hash = ?, updated_at = ?"
        " WHERE id = ? AND text = ''",
        (text, url, content_hash(text), now_ms(), job_id),
    )
    return job_in_chat(cur, chat_id, job_id)


def set_part(cur: Cursor, chat_id: int, job_id: int, part: int, message_id: int) -> None:
    """Record (or replace) the message that shows part `part` of the job's reply."""
    job_in_chat(cur, chat_id, job_id)
    if part == 0:
        cur.execute(
            "UPDATE jobs SET status_message_id = ?, updated_at = ? WHERE id = ?",
            (message_id, now_ms(), job_id),
        )
        return
    cur.execute(
        "INSERT INTO delivery_parts (job_id, part, message_id) VALUES (?,?,?)"
        " ON CONFLICT (job_id, part) DO UPDATE SET message_id = excluded.message_id",
        (job_id, part, message_id),
    )


def fetch_waiting(cur: Cursor, now: int) -> bool:
    """Whether a queued link job waits for a process to fetch its page."""
    return bool(rows(
        cur, "SELECT 1 FROM jobs WHERE status = 'queued' AND url IS NOT NULL AND text = ''"
        " AND coalesce(lease_until, 0) < ? LIMIT 1", (now,),
    ))


def lease_fetches(cur: Cursor, worker: str, now: int, lease_ms: int, limit: int) -> list[Job]:
    """Queued link jobs whose page nobody fetches (or whose fetcher's lease ran out), now
    leased to `worker` for the fetch; the outer WHERE re-checks a row another claimer took."""
    found = rows(
        cur,
        "UPDATE jobs SET lease_owner = ?, lease_until = ? WHERE id IN (SELECT id FROM jobs"
        " WHERE status = 'queued' AND url IS NOT NULL AND text = ''"
        " AND coalesce(lease_until, 0) < ? ORDER BY id LIMIT ?)"
        " AND status = 'queued' AND text = '' AND coalesce(lease_until, 0) < ?"
        f" RETURNING {JOB_COLUMNS}",
        (worker, now + lease_ms, now, limit, now),
    )
    return [job(r) for r in found]


def release_leases(cur: Cursor) -> int:
    """Every lease ends now (a process alone on its database, starting: they were its own)."""
    cur.execute("UPDATE jobs SET lease_until = NULL WHERE lease_until IS NOT NULL"
                " AND status IN ('queued', 'running', 'done')")
    return cur.rowcount

"""Per-chat settings and the crash-safe paste merge window (fragments)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from storage.base import StoreBase
from storage.models import ChatSettings, Fragment, Job, JobNotFoundError
from storage.rows import JOB_COLUMNS, JOB_SELECT, from_ms, job, now_ms
from summarizer.digest import Length

SETTINGS_SELECT = "SELECT length, language, engine, timezone FROM chats WHERE chat_id = ?"


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


def check_length(length: str) -> str:
    """A valid summary length name, or ValueError naming the choices."""
    try:
        return Length(length).value
    except ValueError:
        choices = ", ".join(item.value for item in Length)
        raise ValueError(f"unknown summary length {length!r}; choose one of {choices}") from None


def insert_job(
    raw: sqlite3.Connection,
    chat_id: int,
    user_id: int,
    text: str,
    message_ids: list[int],
    length: str,
    language: str | None,
    reply_to: int | None,
    url: str | None = None,
) -> Job:
    """Insert a queued job (and the chat row if new); returns it as stored."""
    now = now_ms()
    raw.execute("INSERT OR IGNORE INTO chats (chat_id, created_at) VALUES (?, ?)", (chat_id, now))
    # RETURNING the whole row (defaults included) saves reading the job back.
    rows = raw.execute(
        "INSERT INTO jobs (chat_id, user_id, text, message_ids, status, created_at, updated_at,"
        " length, language, reply_to, url) VALUES (?,?,?,?, 'queued', ?,?,?,?,?,?)"
        f" RETURNING {JOB_COLUMNS}",
        (chat_id, user_id, text, json.dumps(message_ids), now, now, length, language, reply_to,
         url),
    ).fetchall()
    added = job(rows[0])
    raw.executemany(
        "INSERT OR IGNORE INTO job_messages (chat_id, message_id, job_id) VALUES (?, ?, ?)",
        [(chat_id, message_id, added.id) for message_id in message_ids],
    )
    return added


def job_in_chat(raw: sqlite3.Connection, chat_id: int, job_id: int) -> Job:
    """The job if it belongs to the chat, else JobNotFoundError."""
    rows = raw.execute(f"{JOB_SELECT} WHERE id = ? AND chat_id = ?", (job_id, chat_id)).fetchall()
    if not rows:
        raise JobNotFoundError(f"no job {job_id} in chat {chat_id}")
    return job(rows[0])


class ChatsMixin(StoreBase):
    """Settings per chat and paste fragments per (chat, user)."""

    async def chat_settings(self, chat_id: int) -> ChatSettings:
        """The chat's settings (defaults when it never changed any)."""
        rows = await self._rows(SETTINGS_SELECT, (chat_id,))
        if not rows:
            return ChatSettings(chat_id)
        length, language, engine, timezone = rows[0]
        return ChatSettings(chat_id, length, language, engine, timezone)

    async def update_chat_settings(
        self,
        chat_id: int,
        *,
        length: str = UNSET,
        language: str | None = UNSET,
        engine: str = UNSET,
        timezone: str | None = UNSET,
    ) -> ChatSettings:
        """Change some settings of one chat; `language=None` means follow Telegram's language.

        `timezone` is an IANA name (None: the bot's default); the caller checks it.
        """
        changes: dict[str, Any] = {}
        if length is not UNSET:
            changes["length"] = check_length(length)
        if language is not UNSET:
            changes["language"] = language
        if engine is not UNSET:
            changes["engine"] = engine
        if timezone is not UNSET:
            changes["timezone"] = timezone

        def update(raw: sqlite3.Connection) -> ChatSettings:
            raw.execute(
                "INSERT OR IGNORE INTO chats (chat_id, created_at) VALUES (?, ?)",
                (chat_id, now_ms()),
            )
            for column, value in changes.items():  # column names come from the fixed set above
                raw.execute(f"UPDATE chats SET {column} = ? WHERE chat_id = ?", (value, chat_id))
            return ChatSettings(chat_id, *raw.execute(SETTINGS_SELECT, (chat_id,)).fetchone())

        return await self._write_sync(update)

    async def add_fragment(self, chat_id: int, user_id: int, message_id: int, text: str) -> None:
        """Put one pasted message on disk; the same message id twice is ignored."""
        await self._write_sync(
            lambda raw: raw.execute(
                "INSERT OR IGNORE INTO fragments (chat_id, user_id, message_id, text, received_at)"
                " VALUES (?,?,?,?,?)",
                (chat_id, user_id, message_id, text, now_ms()),
            )
        )

    async def fragments(self, chat_id: int, user_id: int) -> list[Fragment]:
        """The user's waiting fragments in message order."""
        rows = await self._rows(
            "SELECT chat_id, user_id, message_id, text, received_at FROM fragments"
            " WHERE chat_id = ? AND user_id = ? ORDER BY message_id",
            (chat_id, user_id),
        )
        return [Fragment(r[0], r[1], r[2], r[3], from_ms(r[4])) for r in rows]

    async def fragments_to_job(
        self,
        chat_id: int,
        user_id: int,
        *,
        length: str,
        language: str | None,
        reply_to: int | None,
    ) -> Job | None:
        """In ONE transaction: join the fragments in message order, enqueue a job, drop them."""
        length = check_length(length)

        def merge(raw: sqlite3.Connection) -> Job | None:
            rows = raw.execute(
                "SELECT message_id, text FROM fragments WHERE chat_id = ? AND user_id = ?"
                " ORDER BY message_id",
                (chat_id, user_id),
            ).fetchall()
            if not rows:
                return None
            text = "\n".join(r[1] for r in rows)
            message_ids = [r[0] for r in rows]
            added = insert_job(
                raw, chat_id, user_id, text, message_ids, length, language, reply_to
            )
            raw.execute(
                "DELETE FROM fragments WHERE chat_id = ? AND user_id = ?", (chat_id, user_id)
            )
            return added

        return await self._write_sync(merge)

    async def discard_fragments(self, chat_id: int, user_id: int) -> int:
        """Drop the user's waiting fragments (a paste refused as a whole); returns how many."""
        return await self._write_sync(
            lambda raw: raw.execute(
                "DELETE FROM fragments WHERE chat_id = ? AND user_id = ?", (chat_id, user_id)
            ).rowcount
        )

    async def recover_fragment_owners(self) -> list[tuple[int, int]]:
        """Cross-chat, start-up only: every (chat, user) with fragments still waiting."""
        rows = await self._rows(
            "SELECT DISTINCT chat_id, user_id FROM fragments ORDER BY chat_id, user_id"
        )
        return [(r[0], r[1]) for r in rows]

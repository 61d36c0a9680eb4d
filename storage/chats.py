"""Per-chat settings and the crash-safe paste merge window (fragments)."""

from __future__ import annotations

from dataclasses import dataclass

from storage.database import Cursor, Database
from storage.job_sql import check_length, ensure_chat
from storage.models import ChatSettings, Fragment
from storage.rows import from_ms, now_ms
from storage.sql import as_int, as_str, one, opt_str, rows

SETTINGS_SELECT = "SELECT length, language, engine, timezone FROM chats WHERE chat_id = ?"


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET = _Unset()


@dataclass(frozen=True)
class _Change:
    column: str  # one of the fixed names below, never user input
    value: str | None


def _settings(cur: Cursor, chat_id: int) -> ChatSettings:
    row = one(cur, SETTINGS_SELECT, (chat_id,))
    if row is None:
        return ChatSettings(chat_id)
    length, language, engine, timezone = row
    return ChatSettings(chat_id, as_str(length), opt_str(language), as_str(engine),
                        opt_str(timezone))


def _changes(**values: str | _Unset | None) -> list[_Change]:
    return [_Change(k, v) for k, v in values.items() if not isinstance(v, _Unset)]


class ChatsRepository:
    """Settings per chat and paste fragments per (chat, user)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def settings(self, chat_id: int) -> ChatSettings:
        """The chat's settings (defaults when it never changed any)."""
        return await self._db.read(lambda cur: _settings(cur, chat_id))

    async def update_settings(
        self,
        chat_id: int,
        *,
        length: str | _Unset = UNSET,
        language: str | _Unset | None = UNSET,
        engine: str | _Unset = UNSET,
        timezone: str | _Unset | None = UNSET,
    ) -> ChatSettings:
        """Change some settings of one chat; `language=None` means follow Telegram's language.

        `timezone` is an IANA name (None: the bot's default); the caller checks it.
        """
        if isinstance(length, str):
            length = check_length(length)
        changes = _changes(length=length, language=language, engine=engine, timezone=timezone)

        def update(cur: Cursor) -> ChatSettings:
            ensure_chat(cur, chat_id)
            for change in changes:
                cur.execute(f"UPDATE chats SET {change.column} = ? WHERE chat_id = ?",
                            (change.value, chat_id))
            return _settings(cur, chat_id)

        return await self._db.write(update)

    async def add_fragment(self, chat_id: int, user_id: int, message_id: int, text: str) -> None:
        """Put one pasted message on disk; the same message id twice is ignored."""
        await self._db.write(lambda cur: cur.execute(
            "INSERT INTO fragments (chat_id, user_id, message_id, text, received_at)"
            " VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
            (chat_id, user_id, message_id, text, now_ms()),
        ))

    async def fragments(self, chat_id: int, user_id: int) -> list[Fragment]:
        """The user's waiting fragments in message order."""
        found = await self._db.read(lambda cur: rows(
            cur,
            "SELECT chat_id, user_id, message_id, text, received_at FROM fragments"
            " WHERE chat_id = ? AND user_id = ? ORDER BY message_id",
            (chat_id, user_id),
        ))
        return [Fragment(as_int(r[0]), as_int(r[1]), as_int(r[2]), as_str(r[3]), from_ms(r[4]))
                for r in found]

    async def discard_fragments(self, chat_id: int, user_id: int) -> int:
        """Drop the user's waiting fragments (a paste refused as a whole); returns how many."""

        def discard(cur: Cursor) -> int:
            cur.execute("DELETE FROM fragments WHERE chat_id = ? AND user_id = ?",
                        (chat_id, user_id))
            return cur.rowcount

        return await self._db.write(discard)

    async def recover_fragment_owners(
        self, quiet_before: int | None = None
    ) -> list[tuple[int, int]]:
        """Cross-chat: every (chat, user) with fragments waiting (with `quiet_before`, epoch
        ms: only those whose newest fragment came before it)."""
        found = await self._db.read(lambda cur: rows(
            cur, "SELECT chat_id, user_id FROM fragments GROUP BY chat_id, user_id"
            " HAVING max(received_at) <= ? ORDER BY chat_id, user_id",
            (2**62 if quiet_before is None else quiet_before,),
        ))
        return [(as_int(r[0]), as_int(r[1])) for r in found]

    async def paste_open(self, chat_id: int, user_id: int, since: int) -> bool:
        """Whether the user has a fragment waiting that came at or after `since` (epoch ms)."""
        found = await self._db.read(lambda cur: rows(
            cur, "SELECT 1 FROM fragments WHERE chat_id = ? AND user_id = ? AND received_at >= ?"
            " LIMIT 1", (chat_id, user_id, since),
        ))
        return bool(found)

"""The officials a chat's digests name most, with the positions the newest digest gives them."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from storage.base import StoreBase
from storage.folding import name_key

MAX_PEOPLE = 50


@dataclass(frozen=True)
class OfficialCount:
    """One person of /officials: name as last written, digests naming them, latest positions."""

    name: str
    digests: int
    titles: tuple[str, ...]


def _titles(raw: sqlite3.Connection, digest_id: int, key: str) -> tuple[str, ...]:
    row = raw.execute("SELECT officials FROM digests WHERE id = ?", (digest_id,)).fetchone()
    for person in json.loads(row[0]) if row else ():
        if name_key(person["name"]) == key:
            return tuple(person.get("titles", ()))
    return ()


def _overview(raw: sqlite3.Connection, chat_id: int, limit: int) -> list[OfficialCount]:
    rows = raw.execute(
        "SELECT name_key, count(*) AS n, max(digest_id) FROM digest_officials"
        " WHERE chat_id = ? GROUP BY name_key ORDER BY n DESC, max(digest_id) DESC LIMIT ?",
        (chat_id, limit),
    ).fetchall()
    out = []
    for key, count, newest in rows:
        (name,) = raw.execute(
            "SELECT name FROM digest_officials WHERE digest_id = ? AND name_key = ?",
            (newest, key),
        ).fetchone()
        out.append(OfficialCount(name, int(count), _titles(raw, newest, key)))
    return out


class PeopleMixin(StoreBase):
    """Who the chat reads about."""

    async def officials_overview(self, chat_id: int, *, limit: int = 10) -> list[OfficialCount]:
        """Most-named first (ties: named most recently), with their latest positions."""
        size = max(1, min(int(limit), MAX_PEOPLE))
        return await self._read_sync(lambda raw: _overview(raw, chat_id, size))

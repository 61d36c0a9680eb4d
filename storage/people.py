"""The officials a chat's digests name most, with the positions the newest digest gives them."""

from __future__ import annotations

import json
from dataclasses import dataclass

from storage.database import Cursor
from storage.folding import name_key
from storage.sql import as_int, as_str, one, rows

MAX_PEOPLE = 50


@dataclass(frozen=True)
class OfficialCount:
    """One person of /officials: name as last written, digests naming them, latest positions."""

    name: str
    digests: int
    titles: tuple[str, ...]


def _titles(cur: Cursor, digest_id: int, key: str) -> tuple[str, ...]:
    row = one(cur, "SELECT officials FROM digests WHERE id = ?", (digest_id,))
    for person in json.loads(as_str(row[0])) if row else ():
        if name_key(person["name"]) == key:
            return tuple(str(t) for t in person.get("titles", ()))
    return ()


def overview(cur: Cursor, chat_id: int, limit: int) -> list[OfficialCount]:
    """Most-named first (ties: named most recently), with their latest positions."""
    found = rows(
        cur,
        "SELECT name_key, count(*) AS n, max(digest_id) FROM digest_officials"
        " WHERE chat_id = ? GROUP BY name_key ORDER BY n DESC, max(digest_id) DESC LIMIT ?",
        (chat_id, limit),
    )
    out = []
    for key, digests, newest in found:
        named = one(
            cur, "SELECT name FROM digest_officials WHERE digest_id = ? AND name_key = ?",
            (newest, key),
        )
        name = as_str(named[0]) if named else as_str(key)
        out.append(OfficialCount(name, as_int(digests), _titles(cur, as_int(newest), as_str(key))))
    return out

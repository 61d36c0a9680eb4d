"""Portable SQL on psycopg: `?` placeholders become `%s` (once per SQL string), rows are tuples."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

import psycopg

# A quoted literal or identifier (kept whole, `%` doubled inside), a `?` or a bare `%`.
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?|%")


def _replace(match: re.Match[str]) -> str:
    token = match.group(0)
    if token == "?":
        return "%s"
    return token.replace("%", "%%")


@lru_cache(maxsize=2048)
def to_pyformat(sql: str) -> str:
    """`sql` with `?` placeholders as psycopg's `%s` and literal `%` escaped as `%%`."""
    return _TOKEN.sub(_replace, sql)


class PgCursor:
    """The DB-API subset repositories use (storage/database.py's Cursor), over psycopg.

    The connection uses client-side binding (psycopg.ClientCursor): values are quoted into the
    statement by libpq's escaping, so `? IS NULL` and other untyped uses of a parameter work as
    they do on SQLite, where server-side binding would fail to infer the parameter's type.
    """

    def __init__(self, cursor: psycopg.Cursor[tuple[object, ...]]) -> None:
        self._cursor = cursor

    def execute(self, sql: str, params: Sequence[object] = ()) -> PgCursor:
        """Run one statement; returns self so `.fetchall()` can follow."""
        self._cursor.execute(to_pyformat(sql), tuple(params))
        return self

    def executemany(self, sql: str, seq: Iterable[Sequence[object]]) -> PgCursor:
        """Run one statement per parameter row (pipelined by psycopg)."""
        rows = [tuple(row) for row in seq]
        if rows:
            self._cursor.executemany(to_pyformat(sql), rows)
        return self

    def fetchone(self) -> tuple[object, ...] | None:
        """The next row, or None (also after a statement that returns no rows, as on SQLite)."""
        if self._cursor.description is None:
            return None
        return self._cursor.fetchone()

    def fetchall(self) -> list[tuple[object, ...]]:
        """The remaining rows ([] after a statement that returns none)."""
        if self._cursor.description is None:
            return []
        return self._cursor.fetchall()

    def __iter__(self) -> Iterator[tuple[object, ...]]:
        return iter(self.fetchall())

    @property
    def rowcount(self) -> int:
        """Rows the last statement changed (or returned)."""
        return self._cursor.rowcount

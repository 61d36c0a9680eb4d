"""The one seam between repositories and a database engine.

Repositories are synchronous functions over `Cursor`, in portable SQL (`?` placeholders,
`RETURNING`, `ON CONFLICT`, rows as plain tuples); `Database.read`/`write` run them off the
event loop. `open_database` picks the engine: a path is SQLite (`storage/sqlite/`),
`postgresql://…` is `storage.postgres.open_postgres(url)`. What SQL differs by engine lives in
a dialect module chosen by `Database.dialect`: full-text search in `storage/search/dialect.py`
(`storage.search.sqlite_fts`, `storage.postgres.search`), migrations inside each engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

T = TypeVar("T")


class Cursor(Protocol):
    """The DB-API subset repositories may use."""

    def execute(self, sql: str, params: Sequence[object] = ...) -> object: ...

    def executemany(self, sql: str, seq: Iterable[Sequence[object]]) -> object: ...

    def fetchone(self) -> tuple[object, ...] | None: ...

    def fetchall(self) -> list[tuple[object, ...]]: ...

    @property
    def rowcount(self) -> int: ...


class Database(Protocol):
    """An engine the repositories run on: reads in a snapshot, writes as one transaction."""

    dialect: str  # "sqlite" or "postgresql"

    async def read(self, work: Callable[[Cursor], T]) -> T:
        """Run `work` on a reader thread, in one snapshot."""
        ...

    async def write(self, work: Callable[[Cursor], T]) -> T:
        """Run `work` as ONE transaction (SQLite: on the single writer thread, group commit)."""
        ...

    async def close(self) -> None:
        """Close every connection; idempotent."""
        ...


def is_postgres_url(target: str | Path) -> bool:
    """Whether `target` names a PostgreSQL server rather than an SQLite file."""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


async def open_database(target: str | Path) -> Database:
    """An open database: SQLite for a path (the default), PostgreSQL for `postgresql://…`."""
    if is_postgres_url(target):
        from storage.postgres import open_postgres

        database: Database = await open_postgres(str(target))
        return database
    from storage.sqlite import SqliteDatabase

    return await SqliteDatabase.open(Path(target))

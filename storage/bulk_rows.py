"""Many rows into one table, per engine: SQLite repeats an INSERT, PostgreSQL sends arrays."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from storage.database import Cursor
from storage.sql import marks

# (column, PostgreSQL type) per table the bulk path writes.
Columns = Sequence[tuple[str, str]]


class RowWriter(Protocol):
    """Inserts rows into a table (`conflict`: an ON CONFLICT clause or '')."""

    def __call__(
        self, cur: Cursor, table: str, columns: Columns, rows: Sequence[Sequence[object]],
        conflict: str = "",
    ) -> None:
        """Insert every row, in one unit with the caller's other writes."""


def _names(columns: Columns) -> str:
    return ", ".join(name for name, _ in columns)


def repeated(
    cur: Cursor, table: str, columns: Columns, rows: Sequence[Sequence[object]],
    conflict: str = "",
) -> None:
    """One INSERT per row (SQLite, where a statement costs microseconds)."""
    cur.executemany(
        f"INSERT INTO {table} ({_names(columns)}) VALUES ({marks(len(columns))}) {conflict}", rows
    )


def unnested(
    cur: Cursor, table: str, columns: Columns, rows: Sequence[Sequence[object]],
    conflict: str = "",
) -> None:
    """One INSERT … SELECT FROM unnest(arrays) (PostgreSQL): one parse, plan and round trip
    for the whole batch instead of one per row."""
    if not rows:
        return
    arrays = [list(column) for column in zip(*rows, strict=True)]
    typed = ", ".join(f"?::{kind}[]" for _, kind in columns)
    cur.execute(
        f"INSERT INTO {table} ({_names(columns)}) SELECT * FROM unnest({typed}) {conflict}",
        arrays,
    )


WRITERS: dict[str, RowWriter] = {"sqlite": repeated, "postgresql": unnested}

"""Small typed helpers over `Cursor`: rows, one row, one number, and column value checks."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from storage.database import Cursor

Row = tuple[object, ...]


def rows(cur: Cursor, sql: str, params: Sequence[object] = ()) -> list[Row]:
    """Every row of one statement."""
    cur.execute(sql, params)
    return cur.fetchall()


def one(cur: Cursor, sql: str, params: Sequence[object] = ()) -> Row | None:
    """The first row of one statement, or None."""
    cur.execute(sql, params)
    return cur.fetchone()


def count(cur: Cursor, sql: str, params: Sequence[object] = ()) -> int:
    """The integer in the first column of the first row (0 when there is none)."""
    row = one(cur, sql, params)
    return as_int(row[0]) if row is not None and row[0] is not None else 0


def as_int(value: object) -> int:
    """An INTEGER column's value."""
    if isinstance(value, bool | int):
        return int(value)
    if isinstance(value, float | Decimal) and value == int(value):
        return int(value)  # PostgreSQL's sum() of integers is numeric
    raise TypeError(f"expected an integer column, got {value!r}")


def as_str(value: object) -> str:
    """A TEXT column's value."""
    if isinstance(value, str):
        return value
    raise TypeError(f"expected a text column, got {value!r}")


def opt_int(value: object) -> int | None:
    """A nullable INTEGER column's value."""
    return None if value is None else as_int(value)


def opt_str(value: object) -> str | None:
    """A nullable TEXT column's value."""
    return None if value is None else as_str(value)


def marks(n: int) -> str:
    """`?,?,…` for an IN list of n values."""
    return ",".join("?" * n)

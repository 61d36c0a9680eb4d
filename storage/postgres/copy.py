"""Moving house: a SQLite history copied into an empty PostgreSQL database, counts verified.

Rows go over COPY in one transaction (a failed copy leaves the target empty), ids kept, so
numbers, ids and every reference stay as they were; the search index is built on the way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import psycopg

from storage.postgres import schema, search
from storage.postgres.cursor import PgCursor
from storage.postgres.migrations import migrate
from storage.rows import officials_text_from_json
from storage.search.entry import IndexEntry

# Parents before children (foreign keys); every table of the schema.
TABLES = (
    "chats", "articles", "digests", "digest_officials", "jobs", "job_messages",
    "delivery_parts", "fragments",
)
BATCH = 2_000
SEARCHED = (
    "SELECT d.id, d.chat_id, d.title, d.summary, d.officials, a.text FROM digests d"
    " JOIN articles a ON a.id = d.article_id WHERE d.id > ? ORDER BY d.id LIMIT ?"
)
Progress = Callable[[str, int], None]  # table, rows just copied
GIN_INDEX = "digest_search_document"
# The index exactly as the migration made it (the schema stays what migrations give).
GIN_DEFINITION = next(s for s in schema.statements(schema.SEARCH) if GIN_INDEX in s)


class CopyError(RuntimeError):
    """The copy cannot start or did not arrive whole; the message says why."""


@dataclass(frozen=True)
class CopyReport:
    """Rows per table in the SQLite file and, after the copy, in PostgreSQL."""

    source: dict[str, int]
    target: dict[str, int]

    @property
    def complete(self) -> bool:
        return self.source == self.target


def source_counts(sqlite_path: Path) -> dict[str, int]:
    """Rows per table of the SQLite file (opened read-only)."""
    with _read_only(sqlite_path) as conn:
        return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES}


def _read_only(path: Path) -> closing[sqlite3.Connection]:
    if not path.is_file():
        raise CopyError(f"{path}: no such SQLite file")
    return closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True))


def _columns(sqlite: sqlite3.Connection, pg: psycopg.Connection[tuple[object, ...]],
             table: str) -> list[str]:
    """Columns both sides have, in SQLite's order."""
    mine = [r[1] for r in sqlite.execute(f"PRAGMA table_info({table})")]
    theirs = {
        str(r[0]) for r in pg.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s", (table,)
        ).fetchall()
    }
    return [c for c in mine if c in theirs]


def _rows(
    sqlite: sqlite3.Connection, table: str, columns: list[str]
) -> Iterator[tuple[object, ...]]:
    cursor = sqlite.execute(f"SELECT {', '.join(columns)} FROM {table}")
    while batch := cursor.fetchmany(BATCH):
        yield from batch


def _index(sqlite: sqlite3.Connection, cur: PgCursor, progress: Progress) -> None:
    """Index every digest, the GIN index built once at the end: building it whole from the
    sorted entries costs far less than updating it digest by digest."""
    cur.execute(f"DROP INDEX {GIN_INDEX}")
    last = 0
    while rows := sqlite.execute(SEARCHED, (last, BATCH)).fetchall():
        search.index(cur, [IndexEntry(r[0], r[1], r[2], r[3], officials_text_from_json(r[4]),
                                      r[5]) for r in rows])
        last = rows[-1][0]
        progress("search", len(rows))
    cur.execute(GIN_DEFINITION)


def copy_history(sqlite_path: Path, url: str, progress: Progress) -> CopyReport:
    """Copy every table, then compare counts. The SQLite file must be at the latest schema."""
    expected = source_counts(sqlite_path)
    with (
        _read_only(sqlite_path) as sqlite,
        psycopg.connect(url, cursor_factory=psycopg.ClientCursor) as pg,
    ):
        migrate(pg)
        present = pg.execute("SELECT count(*) FROM chats").fetchone()
        if present and int(str(present[0])):
            raise CopyError(f"the PostgreSQL database already holds {present[0]} chats;"
                            " copy into an empty database")
        with pg.transaction(), pg.cursor() as cur:
            for table in TABLES:
                columns = _columns(sqlite, pg, table)
                with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for count, row in enumerate(_rows(sqlite, table, columns), 1):
                        copy.write_row(row)
                        if count % BATCH == 0:
                            progress(table, BATCH)
                progress(table, expected[table] % BATCH)
            _index(sqlite, PgCursor(cur), progress)
        copied = {
            t: int(str((pg.execute(f"SELECT count(*) FROM {t}").fetchone() or (0,))[0]))
            for t in TABLES
        }
    return CopyReport(expected, copied)

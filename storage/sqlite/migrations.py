"""Forward-only SQLite migrations keyed on `PRAGMA user_version`, applied at start-up."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable

from storage.folding import name_key
from storage.models import SchemaTooNewError
from storage.rows import officials_text_from_json
from storage.search.sqlite_fts import create_tables, fts_values, write_fts
from storage.sqlite import schema
from storage.sqlite.connect import SqliteCursor
from summarizer.textnorm import nfc

log = logging.getLogger(__name__)
REINDEX_BATCH = 5_000


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def run(conn: sqlite3.Connection) -> None:
        for statement in sql.split(";"):
            if statement.strip():
                conn.execute(statement)

    return run


def _v3(conn: sqlite3.Connection) -> None:
    """Index officials per digest, backfilled from the JSON already stored."""
    _script(schema.V3)(conn)
    rows = conn.execute("SELECT id, chat_id, officials FROM digests").fetchall()
    conn.executemany(
        "INSERT OR IGNORE INTO digest_officials VALUES (?, ?, ?, ?)",
        [
            (digest_id, chat_id, name_key(o["name"]), nfc(o["name"]))
            for digest_id, chat_id, officials in rows
            for o in json.loads(officials)
            if name_key(o["name"])
        ],
    )


def _v6(conn: sqlite3.Connection) -> None:
    """Rebuild the search index as per-bucket tables from the stored digests and articles."""
    conn.execute("DROP TABLE digest_fts")
    cursor = SqliteCursor(conn.cursor())
    create_tables(cursor)
    last = 0
    while True:
        rows = conn.execute(
            "SELECT d.id, d.chat_id, d.title, d.summary, d.officials, a.text FROM digests d"
            " JOIN articles a ON a.id = d.article_id WHERE d.id > ? ORDER BY d.id LIMIT ?",
            (last, REINDEX_BATCH),
        ).fetchall()
        if not rows:
            return
        values = [
            (r[1], fts_values(r[0], r[1], r[2], r[3], officials_text_from_json(r[4]), r[5]))
            for r in rows
        ]
        write_fts(cursor, values)
        last = rows[-1][0]


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _script(schema.V1),
    _script(schema.V2),
    _v3,
    _script(schema.V4),
    _script(schema.V5),
    _v6,
    _script(schema.V7),
    _script(schema.V8),
    _script(schema.V9),
    _script(schema.V10),
    _script(schema.V11),
    _script(schema.V12),
)
LATEST = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database header."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection, target: int = LATEST) -> int:
    """Apply every missing migration up to `target`, each in its own transaction.

    Safe when two processes start at once: each step re-reads the version under the write lock,
    and each process logs only what it did itself: a file new when opened "created at vN", an
    older one "upgraded from vN" (a process that found the work done logs nothing).
    """
    current = user_version(conn)
    if current > LATEST:
        raise SchemaTooNewError(
            f"database schema v{current} is newer than this program (v{LATEST}); upgrade Tóm Tắt"
        )
    first = None  # the first version this process applied
    for version in range(current + 1, target + 1):
        if _step(conn, version) and first is None:
            first = version
            if current > 0:
                # Rebuilding the search index (v6) takes about 13 s per 100,000 digests here.
                log.info("upgrading the database from schema v%d to v%d", version - 1, target)
    if first is not None and current == 0:  # new when opened (another process may share it)
        log.info("created the database at schema v%d", target)
    elif first is not None:
        log.info("upgraded the database from schema v%d to v%d", first - 1, target)
    return max(current, target)


def _step(conn: sqlite3.Connection, version: int) -> bool:
    """Apply migration `version` unless another process already did; whether this one did."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        applied = user_version(conn) < version
        if applied:
            MIGRATIONS[version - 1](conn)
            conn.execute(f"PRAGMA user_version = {version}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return applied

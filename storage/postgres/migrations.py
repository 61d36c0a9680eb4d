"""Forward-only PostgreSQL migrations, versioned in tomtat_schema, one transaction each.

Every migration runs under a transaction-level advisory lock and re-reads the version once it
holds it, so processes starting at once apply each migration exactly once (the others wait,
then find it done); a failed migration rolls back whole and leaves the previous version.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import psycopg

from storage.models import SchemaTooNewError
from storage.postgres import schema

log = logging.getLogger(__name__)
LOCK_KEY = 0x746F6D746174  # "tomtat": serialises migrations of one database
Connection = psycopg.Connection[tuple[object, ...]]


def _v1(conn: Connection) -> None:
    """The tables of SQLite's schema v9, and search on PostgreSQL's full-text search."""
    conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    conn.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    conn.execute(schema.ROWID_FUNCTION)
    for statement in schema.statements(schema.TABLES):
        conn.execute(statement)
    for table in schema.ROWID_TABLES:
        conn.execute(f"CREATE SEQUENCE {table}_id_seq OWNED BY {table}.id")
        conn.execute(
            f"CREATE TRIGGER {table}_rowid BEFORE INSERT ON {table}"
            f" FOR EACH ROW EXECUTE FUNCTION tomtat_rowid('{table}_id_seq')"
        )
    row = conn.execute(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
        " WHERE e.extname = 'unaccent'"
    ).fetchone()
    assert row is not None  # created just above
    conn.execute(schema.fold_function(str(row[0])))
    for statement in schema.statements(schema.SEARCH):
        conn.execute(statement)


def _v2(conn: Connection) -> None:
    """Job leases (storage/queue.py): who holds a job, and until when (epoch ms)."""
    for statement in schema.statements(schema.LEASES):
        conn.execute(statement)


def _v3(conn: Connection) -> None:
    """The content hash of a job's text, computed once when the job is made."""
    for statement in schema.statements(schema.JOB_HASH):
        conn.execute(statement)


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_v1, _v2, _v3)
LATEST = len(MIGRATIONS)


def _version(conn: Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS tomtat_schema (version INTEGER NOT NULL)")
    row = conn.execute("SELECT max(version) FROM tomtat_schema").fetchone()
    return int(str(row[0])) if row is not None and row[0] is not None else 0


def _step(conn: Connection, version: int) -> int:
    """Apply migration `version` unless another process did; the version found before it."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
        current = _version(conn)
        if current > LATEST:
            raise SchemaTooNewError(
                f"database schema v{current} is newer than this program (v{LATEST});"
                " upgrade Tóm Tắt"
            )
        if current < version:
            if current > 0:
                log.info("upgrading the PostgreSQL schema from v%d to v%d", current, version)
            MIGRATIONS[version - 1](conn)
            conn.execute("INSERT INTO tomtat_schema (version) VALUES (%s)", (version,))
        return current


def migrate(conn: Connection, target: int = LATEST) -> int:
    """Apply every missing migration up to `target`; returns the version now in place."""
    conn.autocommit = False
    reached = 0
    for version in range(1, target + 1):
        reached = max(_step(conn, version), version)
    return reached

"""The PostgreSQL Database on its own: portable SQL, one transaction per write, migrations."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from contextlib import closing
from pathlib import Path

import psycopg
import pytest

from storage import Store
from storage.models import SchemaTooNewError, StoreClosedError
from storage.postgres import PostgresDatabase, open_postgres
from storage.postgres.copy import TABLES
from storage.postgres.cursor import PgCursor, to_pyformat
from storage.postgres.migrations import LATEST


@pytest.fixture
async def database(postgres_url: str) -> AsyncIterator[PostgresDatabase]:
    opened = await open_postgres(postgres_url)
    yield opened
    await opened.close()


def test_question_marks_become_placeholders_but_not_inside_literals() -> None:
    sql = "SELECT ? , '50% ?', \"a?\" FROM t WHERE x LIKE ? AND y = '%'"
    assert to_pyformat(sql) == "SELECT %s , '50%% ?', \"a?\" FROM t WHERE x LIKE %s AND y = '%%'"


async def test_portable_sql_runs_as_on_sqlite(database: PostgresDatabase) -> None:
    def work(cur: PgCursor) -> list[tuple[object, ...]]:
        cur.execute("INSERT INTO chats (chat_id, created_at) VALUES (?, ?)", (-1001234567890, 5))
        cur.execute("UPDATE chats SET length = ? WHERE chat_id = ?", ("short", -1001234567890))
        assert cur.fetchone() is None and cur.rowcount == 1
        # An untyped parameter (`? IS NULL`) works, as on SQLite, and '%' is just a character.
        return cur.execute(
            "SELECT chat_id, length || '%' FROM chats WHERE (? IS NULL OR length = ?)",
            (None, None),
        ).fetchall()

    assert await database.write(work) == [(-1001234567890, "short%")]


async def test_a_failing_write_leaves_nothing_behind(database: PostgresDatabase) -> None:
    def half(cur: PgCursor) -> None:
        cur.execute("INSERT INTO chats (chat_id, created_at) VALUES (?, ?)", (1, 1))
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        await database.write(half)
    count = await database.read(lambda cur: cur.execute("SELECT count(*) FROM chats").fetchall())
    assert count == [(0,)]


async def test_concurrent_read_modify_writes_lose_no_update(database: PostgresDatabase) -> None:
    await database.write(
        lambda cur: cur.execute("INSERT INTO chats (chat_id, created_at) VALUES (1, 0)")
    )

    def bump(cur: PgCursor) -> None:
        row = cur.execute("SELECT next_number FROM chats WHERE chat_id = 1").fetchone()
        assert row is not None
        cur.execute("UPDATE chats SET next_number = ? WHERE chat_id = 1", (int(str(row[0])) + 1,))

    await asyncio.gather(*(database.write(bump) for _ in range(24)))
    final = await database.read(
        lambda cur: cur.execute("SELECT next_number FROM chats").fetchall()
    )
    assert final == [(25,)]


async def test_reads_cannot_write(database: PostgresDatabase) -> None:
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        await database.read(lambda cur: cur.execute("DELETE FROM chats"))


async def test_ids_behave_like_sqlite_rowids(database: PostgresDatabase) -> None:
    def insert(cur: PgCursor) -> list[int]:
        cur.execute("INSERT INTO chats (chat_id, created_at) VALUES (1, 0)")
        ids = []
        for given in (None, 40, None):
            row = cur.execute(
                "INSERT INTO articles (id, chat_id, created_at, content_hash, text)"
                " VALUES (?, 1, 0, 'h', 't') RETURNING id",
                (given,),
            ).fetchone()
            assert row is not None
            ids.append(int(str(row[0])))
        return ids

    assert await database.write(insert) == [1, 40, 41]


async def test_close_twice_is_harmless_and_use_after_close_is_clear(
    database: PostgresDatabase,
) -> None:
    await database.close()
    await database.close()
    with pytest.raises(StoreClosedError):
        await database.read(lambda cur: cur.execute("SELECT 1").fetchall())


async def test_many_processes_migrating_at_once_all_succeed(postgres_url: str) -> None:
    opened = await asyncio.gather(*(open_postgres(postgres_url) for _ in range(4)))
    for database in opened:
        versions = await database.read(
            lambda cur: cur.execute("SELECT version FROM tomtat_schema ORDER BY 1").fetchall()
        )
        assert versions == [(v,) for v in range(1, LATEST + 1)]
        await database.close()


async def test_a_database_from_a_newer_program_is_refused(postgres_url: str) -> None:
    database = await open_postgres(postgres_url)
    await database.write(
        lambda cur: cur.execute("INSERT INTO tomtat_schema VALUES (?)", (LATEST + 1,))
    )
    await database.close()
    with pytest.raises(SchemaTooNewError):
        await open_postgres(postgres_url)


async def test_both_engines_have_the_same_tables_and_columns(
    tmp_path: Path, postgres_url: str
) -> None:
    """A SQLite migration without its PostgreSQL twin (or the reverse) fails here."""
    async with Store(tmp_path / "a.db"), Store(postgres_url):
        pass
    with closing(sqlite3.connect(tmp_path / "a.db")) as lite:
        names = {r[0] for r in lite.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            " AND name NOT LIKE 'fts%' AND name NOT LIKE 'sqlite%'"
        )}
        assert names == set(TABLES)  # what `tomtat db copy` copies: every table
        sqlite_columns = {
            t: {r[1] for r in lite.execute(f"PRAGMA table_info({t})")} for t in TABLES
        }
    with psycopg.connect(postgres_url) as pg:
        pg_columns = {
            t: {str(r[0]) for r in pg.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s", (t,)
            ).fetchall()}
            for t in TABLES
        }
    assert pg_columns == sqlite_columns

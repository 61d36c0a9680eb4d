"""Schema migrations from every older version, with data in it, up to the latest."""

from __future__ import annotations

import json
import logging
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from storage import SchemaTooNewError, Store
from storage.folding import content_hash, search_form
from storage.search.sqlite_fts import fts_values, write_fts
from storage.sqlite import migrations as schema
from storage.sqlite.connect import SqliteCursor
from summarizer.textnorm import strip_diacritics, syllables
from tests.storage.conftest import make_digest, sqlite_only

# PostgreSQL's migrations are tested in test_postgres_database.py.
pytestmark = sqlite_only("SQLite's schema versions (user_version), files from older versions")

OFFICIALS = [{"name": "Nguyễn Hồ Hải", "titles": ["Phó Chủ tịch UBND tỉnh"]}]


async def _database_at(path: Path, version: int) -> None:
    """A database migrated only up to `version`, holding one chat, digest and queued job."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        schema.migrate(conn, target=version)
        if version == 0:
            return
        conn.execute("BEGIN")
        conn.execute(
            "INSERT INTO chats (chat_id, length, next_number, created_at) VALUES (-5, 'long', 4, 0)"
        )
        conn.execute(
            "INSERT INTO articles (id, chat_id, user_id, created_at, content_hash, title, text)"
            " VALUES (1, -5, 9, 1000, 'h', 'Trụ sở xã', 'Bài viết về trụ sở xã mới')"
        )
        conn.execute(
            "INSERT INTO digests (id, chat_id, number, article_id, created_at, title, summary,"
            " officials, decisions, engine, model, input_words, summary_words, elapsed_ms)"
            " VALUES (1, -5, 3, 1, 1000, 'Trụ sở xã', 'Tỉnh quyết định giữ trụ sở cũ.', ?,"
            " '[]', 'extractive', NULL, 100, 7, 50)",
            (json.dumps(OFFICIALS),),
        )
        fields = ("Trụ sở xã", "Tỉnh quyết định giữ trụ sở cũ.", "Nguyễn Hồ Hải", "Bài")
        if version < 4:
            # v1–v3 indexed folded text with a separate chat column (v4 rebuilds the index).
            conn.execute(
                "INSERT INTO digest_fts (rowid, chat, title, summary, officials, body)"
                " VALUES (1, 'cn5', ?, ?, ?, ?)",
                tuple(search_form(t) for t in fields),
            )
        elif version < 6:
            # v4 and v5 indexed folded tokens, each carrying the chat's prefix (v6 rebuilds).
            conn.execute(
                "INSERT INTO digest_fts (rowid, title, summary, officials, body)"
                " VALUES (1, ?, ?, ?, ?)",
                tuple(" ".join("cn5x" + w for w in syllables(strip_diacritics(t))) for t in fields),
            )
        else:  # v6 on: per-bucket tables, written as the program writes them
            write_fts(SqliteCursor(conn.cursor()), [(-5, fts_values(1, -5, *fields))])
        if version >= 3:  # from v3 on, the program writes the officials index itself
            conn.execute(
                "INSERT INTO digest_officials VALUES (1, -5, 'nguyen ho hai', 'Nguyễn Hồ Hải')"
            )
        conn.execute(
            "INSERT INTO jobs (chat_id, user_id, text, message_ids, status, created_at,"
            " updated_at, length) VALUES (-5, 9, 'bài chờ', '[1]', 'queued', 0, 0, 'short')"
        )
        if version >= 5:  # from v5 on, the program records each job's messages itself
            conn.execute("INSERT INTO job_messages VALUES (-5, 1, last_insert_rowid())")
        conn.execute("COMMIT")


@pytest.mark.parametrize("version", range(schema.LATEST))
async def test_upgrade_from_every_older_version_keeps_data(tmp_path: Path, version: int) -> None:
    path = tmp_path / f"v{version}.db"
    await _database_at(path, version)
    async with Store(path) as store:
        if version > 0:
            old = await store.digests.get(-5, 3)
            assert old is not None and old.digest.officials[0].name == "Nguyễn Hồ Hải"
            assert (await store.chats.settings(-5)).length == "long"
            hits, total = await store.search.words(-5, "quyet dinh")
            assert total == 1 and "«quyết định»" in hits[0].snippet
            # v3 backfilled the officials index from the JSON stored by v1 and v2.
            found, count = await store.search.by_official(-5, "nguyen ho hai")
            assert count == 1 and found[0].number == 3
            assert await store.jobs.queue_length() == 1
            # v5 remembered that message 1 already made that job (a re-delivery adds none).
            earlier = await store.jobs.for_message(-5, 1)
            assert earlier is not None and earlier.text == "bài chờ"
            claimed = await store.queue.claim("w1")
            assert claimed is not None and claimed.text == "bài chờ"
            assert claimed.content_hash is None  # queued before v12: hashed when completed
            stored = await store.jobs.complete(-5, claimed.id, make_digest())
            assert stored.number == 4  # numbering continues, nothing reused
            again = await store.digests.find_by_content(-5, content_hash("bài chờ"), "short")
            assert again is not None and again.number == 4
        await store.chats.add_fragment(-5, 9, 50, "đoạn")  # v2's fragments table exists
        assert len(await store.chats.fragments(-5, 9)) == 1
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


async def test_a_database_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.close()
    with pytest.raises(SchemaTooNewError, match="newer"):
        async with Store(path):
            pass


async def test_failed_migration_leaves_the_old_version(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    await _database_at(path, 1)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE fragments (x)")  # a clash makes migration 2 fail half-way
    conn.commit()
    conn.close()
    with pytest.raises(sqlite3.OperationalError):
        async with Store(path):
            pass
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM digests").fetchone()[0] == 1
    conn.close()


async def test_two_processes_opening_a_new_file_at_once_both_succeed(tmp_path: Path) -> None:
    import asyncio

    path = tmp_path / "race.db"
    stores = [Store(path), Store(path)]
    await asyncio.gather(*(store.open() for store in stores))
    for store in stores:
        assert (await store.chats.settings(1)).length == "medium"
        await store.close()


async def test_a_new_file_says_it_was_created_an_old_one_that_it_was_upgraded(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="storage.sqlite.migrations")
    async with Store(tmp_path / "new.db"):
        pass
    assert caplog.messages == [f"created the database at schema v{schema.LATEST}"]
    caplog.clear()
    async with Store(tmp_path / "new.db"):  # up to date: nothing to say
        pass
    assert caplog.messages == []
    await _database_at(tmp_path / "v5.db", 5)
    caplog.clear()
    async with Store(tmp_path / "v5.db"):
        pass
    assert caplog.messages == [f"upgrading the database from schema v5 to v{schema.LATEST}",
                               f"upgraded the database from schema v5 to v{schema.LATEST}"]

"""`tomtat db copy`: a SQLite history arrives whole in PostgreSQL, searchable, counts verified."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import psycopg
import pytest

from bot.cli import main
from storage import Store
from storage.postgres.cursor import PgCursor
from storage.postgres.search import matches
from storage.search.query import parse_query
from summarizer.digest import Official
from tests.storage.conftest import add_digest, make_digest

COMPARED = {
    "chats": "SELECT chat_id, length, language, engine, next_number, timezone FROM chats",
    "digests": "SELECT id, chat_id, number, article_id, title, summary, officials, decisions,"
    " length FROM digests",
    "articles": "SELECT id, chat_id, content_hash, text, url, source FROM articles",
    "digest_officials": "SELECT digest_id, chat_id, name_key, name FROM digest_officials",
    "jobs": "SELECT id, chat_id, status, text, digest_number, content_hash FROM jobs",
    "fragments": "SELECT chat_id, message_id, text FROM fragments",
}


async def history(path: Path) -> None:
    async with Store(path) as store:
        for chat in (1, -100200300400):
            await add_digest(store, chat)
            await add_digest(store, chat, make_digest(
                title="Đà Nẵng mở tuyến buýt mới",
                officials=(Official("Lê Trung Chinh", ("Chủ tịch UBND thành phố",)),),
            ), text="Sáng nay thành phố Đà Nẵng khai trương tuyến xe buýt ven biển.")
        await add_digest(store, 1)
        await store.digests.delete(1, 3)  # a gap in the numbers: #4 comes next
        await store.chats.update_settings(1, length="short", timezone="Europe/Paris")
        await store.jobs.enqueue(1, 7, "Bài đang chờ tóm tắt.", [501], length="long",
                            language="vi", reply_to=501)
        await store.chats.add_fragment(-100200300400, 8, 77, "Mảnh bài dán dở.")


def rows(query: str, sqlite_path: Path, url: str) -> tuple[list[tuple[object, ...]], ...]:
    order = " ORDER BY 1, 2"
    with sqlite3.connect(sqlite_path) as lite, psycopg.connect(url) as pg:
        return lite.execute(query + order).fetchall(), pg.execute(query + order).fetchall()


def test_a_history_round_trips(
    tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.sqlite3"
    asyncio.run(history(path))
    assert main(["db", "copy", str(path), postgres_url]) == 0
    out = capsys.readouterr()
    assert "digests                   4  ok" in out.out and "copying" in out.err
    for table, query in COMPARED.items():
        before, after = rows(query, path, postgres_url)
        assert before == after, table
    with psycopg.connect(postgres_url, cursor_factory=psycopg.ClientCursor) as pg:
        cur = PgCursor(pg.cursor())
        found = matches(cur, -100200300400, parse_query("xe buyt ven bien"), 10)
        after_copy = cur.execute(
            "INSERT INTO articles (chat_id, created_at, content_hash, text)"
            " VALUES (1, 0, 'h', 't') RETURNING id"
        ).fetchall()
        search_indexes = cur.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'digest_search' ORDER BY 1"
        ).fetchall()
    assert found == 1
    # The search index, built at the end of the copy, is the one the migration makes.
    assert ("CREATE INDEX digest_search_document ON public.digest_search USING gin"
            " (chat_id, document)",) in search_indexes
    assert after_copy == [(5,)]  # new ids continue after the highest copied one (4)


def test_a_database_already_in_use_is_refused(
    tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.sqlite3"
    asyncio.run(history(path))
    assert main(["db", "copy", str(path), postgres_url]) == 0
    assert main(["db", "copy", str(path), postgres_url]) == 2
    assert "already holds 2 chats" in capsys.readouterr().err


def test_wrong_arguments_get_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "copy", str(tmp_path / "none.db"), "postgresql://x@127.0.0.1:1/x"]) == 2
    assert "no such SQLite file" in capsys.readouterr().err
    assert main(["db", "copy", str(tmp_path / "none.db"), str(tmp_path / "other.db")]) == 2
    assert "postgresql://" in capsys.readouterr().err

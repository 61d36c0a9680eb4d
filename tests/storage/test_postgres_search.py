"""PostgreSQL's full-text search folds like the SQLite index: diacritics, đ, tone placement."""

from __future__ import annotations

import unicodedata
from collections.abc import AsyncIterator

import pytest

from storage.postgres import PostgresDatabase, open_postgres
from storage.postgres import search as fulltext
from storage.postgres.cursor import PgCursor
from storage.search.entry import IndexEntry
from storage.search.query import parse_query

ROWS = (
    (1, "Đà Nẵng khởi công đường ven biển", "Thành phố khởi công tuyến đường dài 12 km.",
     "Lương Nguyễn Minh Triết, Chủ tịch UBND thành phố", "Sáng 3/4, lễ khởi công diễn ra."),
    (2, "Uỷ ban tỉnh họp về hoà giải", "Ủy ban bàn công tác hòa giải và khoẻ mạnh cộng đồng.",
     "Trần Thị Hoà, Giám đốc Sở Tư pháp", "Hội nghị tổng kết công tác năm nay."),
    (3, "Tin ngắn", "Tỉnh nói về ven", "", "biển đảo quê hương"),
)


@pytest.fixture
async def indexed(postgres_url: str) -> AsyncIterator[PostgresDatabase]:
    database = await open_postgres(postgres_url)

    def fill(cur: PgCursor) -> None:
        cur.execute("INSERT INTO chats (chat_id, created_at) VALUES (1, 0), (2, 0)")
        for digest_id, title, summary, _, body in ROWS:
            cur.execute(
                "INSERT INTO articles (id, chat_id, created_at, content_hash, text)"
                " VALUES (?, 1, 0, 'h', ?)", (digest_id, body),
            )
            cur.execute(
                "INSERT INTO digests (id, chat_id, number, article_id, created_at, title, summary,"
                " officials, decisions, engine, input_words, summary_words, elapsed_ms)"
                " VALUES (?, 1, ?, ?, 0, ?, ?, '[]', '[]', 'extractive', 1, 1, 1)",
                (digest_id, digest_id, digest_id, title, summary),
            )
        fulltext.index(cur, [IndexEntry(r[0], 1, r[1], r[2], r[3], r[4]) for r in ROWS])

    await database.write(fill)
    yield database
    await database.close()


async def found(database: PostgresDatabase, text: str, chat_id: int = 1) -> list[int]:
    query = parse_query(text)

    def run(cur: PgCursor) -> list[int]:
        ids = fulltext.ranked(cur, chat_id, query, 10, 0)
        assert fulltext.matches(cur, chat_id, query, 11) == len(ids)
        return ids

    return await database.read(run)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("khởi công", [1]),
        ("khoi cong", [1]),
        ("KHOI   Cong", [1]),
        (unicodedata.normalize("NFD", "khởi công"), [1]),
        ("da nang", [1]),
        ("Đường ven", [1]),
        ("ủy ban", [2]),
        ("uỷ ban", [2]),
        ("hòa giải", [2]),
        ("khỏe", [2]),
        ("3/4", [1]),
        ("luong nguyen minh triet", [1]),
        ("cong dong OR bien dao", [3, 2]),
    ],
)
async def test_folds_as_the_sqlite_index_does(
    indexed: PostgresDatabase, text: str, expected: list[int]
) -> None:
    assert sorted(await found(indexed, text)) == sorted(expected)


async def test_a_phrase_stays_inside_one_field(indexed: PostgresDatabase) -> None:
    # #3's summary ends with "ven" and its body starts with "biển": not the phrase "ven biển".
    assert await found(indexed, "ven bien") == [1]


async def test_words_are_a_phrase_not_a_bag(indexed: PostgresDatabase) -> None:
    assert await found(indexed, "cong khoi") == []


async def test_another_chat_finds_nothing(indexed: PostgresDatabase) -> None:
    assert await found(indexed, "khoi cong", chat_id=2) == []


async def test_title_matches_rank_above_body_matches(indexed: PostgresDatabase) -> None:
    assert await found(indexed, "bien") == [1, 3]

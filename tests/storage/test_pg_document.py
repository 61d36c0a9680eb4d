"""Search documents built in Python equal the ones to_tsvector builds, so search finds the same."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import psycopg
import pytest

from storage.postgres import search
from storage.postgres.cursor import PgCursor
from storage.postgres.document import FOLDABLE_LETTERS, field_literal, lexemes
from storage.postgres.migrations import migrate
from storage.search.entry import IndexEntry

VILLAGE = ["dân", "sinh", "đường", "làng", "ngõ", "xóm", "điện", "nước"]
LONG_BODY = " ".join(itertools.islice(itertools.cycle(VILLAGE), 17_000)) + " cuối cùng Zalo"

# (title, summary, officials, body): every one must take the Python path.
FAST = [
    ("Hà Nội: 5.000 người (tăng 12%) — “kỷ lục”!",
     "Giá xăng 23.450 đồng/lít; ngày 30/6/2026, tốc độ 5G, F1, COVID19, 1e5, 2026abc, a1e5.",
     "Đặng Văn Đức, Phó Giám đốc Sở Giao thông", "ĐỒNG CHÍ ĐẶNG VĂN ĐỨC đề nghị đẩy nhanh."),
    ("Tin vui 🎉 cho nông dân 🌾", "Mùa lúa bội thu 👍👍 ở đồng bằng", "",
     "Nông dân phấn khởi 😀."),
    ("hoà hòa khoẻ khỏe uỷ ủy", "Hoà giải, khoẻ mạnh, Uỷ ban", "Trần Thị Hoà, Ủy viên",
     "Vie\u0302\u0323t Nam (chữ tổ hợp) và Việt Nam"),
    ("Müller, José và Çelik thăm Hội An", "Ñoño gặp Zoë ở Huế", "Ông Müller, Đại sứ", "Ǎǐǒ ŝ ŵ"),
    ("xã " * 200, "Xã XÃ xa", "", "xã " * 200 + "xa " * 300),
    ("Việt viet VIỆT " * 100, "", "", "ư" * 2046 + " ư" + " ư" * 5 + " " + "ư" * 2047 + " hết"),
    ("", "", "", "a" * 3000 + " b " + "c" * 2047 + " d " + "e" * 2046 + " f"),
    ("Tiêu đề", "Tóm tắt", "Người A, Chức vụ B", LONG_BODY),
    ("", "", "", ""),
]
# Each needs the SQL path: letters unaccent expands or keeps, other scripts, a split number.
SLOW = ["Æsir và straße", "Łódź", "Москва αβγ", "diện tích 50 m²", "２０２６", "quãng 2e5km"]


@pytest.fixture
def cur(postgres_url: str) -> Iterator[PgCursor]:
    with psycopg.connect(postgres_url, cursor_factory=psycopg.ClientCursor) as conn:
        migrate(conn)
        conn.commit()
        with conn.cursor() as raw:
            yield PgCursor(raw)


def _sql_path(cur: PgCursor, fields: tuple[str, ...]) -> str:
    row = cur.execute(
        f"SELECT ({search.DOCUMENT})::text FROM (SELECT ?::text AS f0, ?::text AS f1,"
        " ?::text AS f2, ?::text AS f3) u", [search.index_text(f) for f in fields],
    ).fetchone()
    assert row is not None
    return str(row[0])


@pytest.mark.parametrize("fields", FAST, ids=range(len(FAST)))
def test_python_documents_equal_the_sql_path(cur: PgCursor, fields: tuple[str, ...]) -> None:
    literals = [field_literal(f, w) for f, w in zip(fields, search.FIELD_WEIGHTS, strict=True)]
    assert None not in literals
    row = cur.execute(
        f"SELECT {search.LITERALS} = ({search.DOCUMENT}), ({search.LITERALS})::text FROM"
        " (SELECT ?::text AS f0, ?::text AS f1, ?::text AS f2, ?::text AS f3, ?::text AS v0,"
        " ?::text AS v1, ?::text AS v2, ?::text AS v3) u",
        [*map(search.index_text, fields), *literals],
    ).fetchone()
    assert row is not None
    assert row[0] is True, (row[1], _sql_path(cur, fields))


@pytest.mark.parametrize("text", SLOW)
def test_text_python_cannot_fold_is_indexed_by_the_server(cur: PgCursor, text: str) -> None:
    assert field_literal(text, "D") is None
    cur.execute("INSERT INTO chats (chat_id, created_at) VALUES (1, 0)")
    cur.execute("INSERT INTO articles (id, chat_id, created_at, content_hash, text)"
                " VALUES (1, 1, 0, 'h', ?)", (text,))
    cur.execute("INSERT INTO digests (id, chat_id, number, article_id, created_at, title,"
                " summary, officials, decisions, engine, input_words, summary_words, elapsed_ms)"
                " VALUES (1, 1, 1, 1, 0, 'Tin ngắn', '', '[]', '[]', 'extractive', 1, 1, 1)")
    search.index(cur, [IndexEntry(1, 1, "Tin ngắn", "", "", text)])
    stored = cur.execute("SELECT document::text FROM digest_search").fetchone()
    assert stored == (_sql_path(cur, ("Tin ngắn", "", "", text)),)


def test_every_foldable_letter_folds_as_the_server_does(cur: PgCursor) -> None:
    letters = sorted(map(chr, FOLDABLE_LETTERS))
    found = cur.execute(
        "SELECT c, to_tsvector('simple', tomtat_fold(c))::text FROM unnest(?::text[]) c",
        (letters,),
    ).fetchall()
    differ = [(c, v) for c, v in found if v != f"'{FOLDABLE_LETTERS[ord(str(c))]}':1"]
    assert len(found) == len(letters) > 400
    assert differ == []


def test_every_short_mix_of_digits_and_e_parses_as_predicted(cur: PgCursor) -> None:
    words = ["".join(p) for n in range(1, 6) for p in itertools.product("1eaÊ", repeat=n)]
    found = cur.execute(
        "SELECT w, to_tsvector('simple', tomtat_fold(w))::text FROM unnest(?::text[]) w",
        (words,),
    ).fetchall()
    for word, vector in found:
        predicted = lexemes(str(word))
        if predicted is not None:
            assert vector == f"'{predicted[0]}':1", word
        else:
            assert vector.count(":") == 2, word  # the parser did split it

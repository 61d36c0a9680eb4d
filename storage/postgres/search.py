"""Search on PostgreSQL's own full-text search, folding like the SQLite index does.

Text is cut into syllables in Python (NFC, runs of letters and digits: the tokens SQLite's
unicode61 tokenizer makes) so PostgreSQL's parser sees plain words; `tomtat_fold` (unaccent,
IMMUTABLE) then folds diacritics and `đ` on both the indexed text and the query, and the
`simple` configuration only lower-cases. Title, summary, officials and body carry weights A-D:
a phrase must match inside one of them (as an FTS5 phrase stays inside one column), and
ts_rank weighs them 8:4:4:1 like the SQLite backend's bm25.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from storage.postgres.cursor import PgCursor
from storage.query import Phrase, Query
from summarizer.textnorm import nfc, syllables

FIELD_WEIGHTS = ("A", "B", "C", "D")  # title, summary, officials, body
RANK_WEIGHTS = "'{0.125, 0.5, 0.5, 1.0}'"  # ts_rank's order is D, C, B, A
DOCUMENT = " || ".join(
    f"setweight(to_tsvector('simple', tomtat_fold(?)), '{weight}')" for weight in FIELD_WEIGHTS
)
INDEX = (
    f"INSERT INTO digest_search (digest_id, chat_id, document) VALUES (?, ?, {DOCUMENT})"
    " ON CONFLICT (digest_id) DO UPDATE SET chat_id = excluded.chat_id,"
    " document = excluded.document"
)
MATCHES = (
    " FROM digest_search s WHERE s.chat_id = ?"
    " AND s.document @@ to_tsquery('simple', tomtat_fold(?))"
)
RANK = f"ts_rank({RANK_WEIGHTS}, s.document, to_tsquery('simple', tomtat_fold(?)))"
# digest id, chat id, title, summary, officials, body
SearchRow = tuple[int, int, str, str, str, str]


def index_text(text: str) -> str:
    """The text's syllables separated by single spaces (what PostgreSQL's parser is given)."""
    return " ".join(syllables(nfc(text)))


def index_digests(cur: PgCursor, rows: Iterable[SearchRow]) -> None:
    """Index (or index again) digests: (id, chat id, title, summary, officials, body)."""
    cur.executemany(
        INDEX,
        [
            (digest_id, chat_id, *(index_text(field) for field in fields))
            for digest_id, chat_id, *fields in rows
        ],
    )


def unindex_digests(cur: PgCursor, digest_ids: Sequence[int]) -> None:
    """Forget digests' entries (deleting a digest does it too, by ON DELETE CASCADE)."""
    cur.executemany("DELETE FROM digest_search WHERE digest_id = ?", [(i,) for i in digest_ids])


def _phrase(phrase: Phrase) -> str:
    words = phrase.words  # as typed (case and tone placement unified); folded by the server
    if len(words) == 1:
        return f"'{words[0]}'"
    per_field = (" <-> ".join(f"'{word}':{weight}" for word in words) for weight in FIELD_WEIGHTS)
    return "(" + " | ".join(f"({p})" for p in per_field) + ")"


def tsquery_text(query: Query) -> str:
    """to_tsquery text: alternatives OR'ed, their phrases AND'ed, each phrase's words adjacent.

    Words are runs of letters and digits (storage/query.py), so nothing typed is tsquery syntax.
    """
    return " | ".join(
        "(" + " & ".join(_phrase(p) for p in alternative) + ")"
        for alternative in query.alternatives
    )


def match_count(cur: PgCursor, chat_id: int, query: Query) -> int:
    """How many of the chat's digests match."""
    row = cur.execute(f"SELECT count(*){MATCHES}", (chat_id, tsquery_text(query))).fetchone()
    return int(str(row[0])) if row else 0


def ranked_ids(
    cur: PgCursor, chat_id: int, query: Query, limit: int, offset: int, newest: int | None = None
) -> list[int]:
    """One page of matching digest ids, best first (ties: newest first).

    `newest`: rank only the chat's `newest` most recent matches (a common word in a busy chat
    would otherwise rank thousands of documents for one page).
    """
    text = tsquery_text(query)
    if newest is None:
        sql = f"SELECT s.digest_id{MATCHES} ORDER BY {RANK} DESC, s.digest_id DESC LIMIT ? OFFSET ?"
        params: tuple[object, ...] = (chat_id, text, text, limit, offset)
    else:
        sql = (
            f"SELECT s.digest_id FROM (SELECT s.digest_id, s.document{MATCHES}"
            f" ORDER BY s.digest_id DESC LIMIT ?) s ORDER BY {RANK} DESC, s.digest_id DESC"
            " LIMIT ? OFFSET ?"
        )
        params = (chat_id, text, newest, text, limit, offset)
    return [int(str(r[0])) for r in cur.execute(sql, params).fetchall()]

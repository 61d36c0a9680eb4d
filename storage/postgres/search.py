"""Full-text search on PostgreSQL (the dialect module), folding as the SQLite index does.

Text is cut into syllables in Python (NFC, runs of letters and digits: the tokens SQLite's
unicode61 tokenizer makes) so PostgreSQL's parser sees plain words; `tomtat_fold` (unaccent,
IMMUTABLE) then folds diacritics and `đ` on both the indexed text and the query, and the
`simple` configuration only lower-cases. Title, summary, officials and body carry weights A-D:
a phrase must match inside one of them (as an FTS5 phrase stays inside one column), and
ts_rank weighs them 8:4:4:1 like the SQLite backend's bm25.
"""

from __future__ import annotations

from collections.abc import Sequence

from storage.database import Cursor
from storage.search.entry import IndexEntry
from storage.search.query import Phrase, Query
from storage.sql import as_int, count, rows
from summarizer.textnorm import nfc, syllables

FIELD_WEIGHTS = ("A", "B", "C", "D")  # title, summary, officials, body
RANK_WEIGHTS = "'{0.125, 0.5, 0.5, 1.0}'"  # ts_rank's order is D, C, B, A
RANK_WINDOW = 400  # a query matching more than this ranks the chat's newest matches only
DOCUMENT = " || ".join(
    f"setweight(to_tsvector('simple', tomtat_fold(u.f{n})), '{weight}')"
    for n, weight in enumerate(FIELD_WEIGHTS)
)
INDEX = (
    "INSERT INTO digest_search (digest_id, chat_id, document)"
    f" SELECT u.digest_id, u.chat_id, {DOCUMENT}"
    " FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])"
    " AS u (digest_id, chat_id, f0, f1, f2, f3)"
    " ON CONFLICT (digest_id) DO UPDATE SET chat_id = excluded.chat_id,"
    " document = excluded.document"
)
MATCHES = (
    " FROM digest_search s WHERE s.chat_id = ?"
    " AND s.document @@ to_tsquery('simple', tomtat_fold(?))"
)
RANK = f"ts_rank({RANK_WEIGHTS}, s.document, to_tsquery('simple', tomtat_fold(?)))"


def index_text(text: str) -> str:
    """The text's syllables separated by single spaces (what PostgreSQL's parser is given)."""
    return " ".join(syllables(nfc(text)))


def index(cur: Cursor, entries: Sequence[IndexEntry]) -> None:
    """Make digests findable (indexing one again replaces its entry).

    One statement over arrays, not one per digest (the bulk import indexes 2,000 at once);
    what remains is server CPU: ~0.4 ms a digest, to_tsvector's parser and the GIN index.
    """
    if not entries:
        return
    texts = [tuple(map(index_text, (e.title, e.summary, e.officials, e.body))) for e in entries]
    cur.execute(
        INDEX,
        (
            [e.digest_id for e in entries],
            [e.chat_id for e in entries],
            *([t[field] for t in texts] for field in range(len(FIELD_WEIGHTS))),
        ),
    )


def unindex(cur: Cursor, entries: Sequence[IndexEntry]) -> None:
    """Forget digests (deleting a digest does it too, by ON DELETE CASCADE)."""
    cur.executemany(
        "DELETE FROM digest_search WHERE digest_id = ?", [(e.digest_id,) for e in entries]
    )


def _phrase(phrase: Phrase) -> str:
    words = phrase.words  # as typed (case and tone placement unified); folded by the server
    if len(words) == 1:
        return f"'{words[0]}'"
    per_field = (" <-> ".join(f"'{word}':{weight}" for word in words) for weight in FIELD_WEIGHTS)
    return "(" + " | ".join(f"({p})" for p in per_field) + ")"


def tsquery_text(query: Query) -> str:
    """to_tsquery text: alternatives OR'ed, their phrases AND'ed, each phrase's words adjacent.

    Words are runs of letters and digits (storage/search/query.py), so nothing typed is
    tsquery syntax.
    """
    return " | ".join(
        "(" + " & ".join(_phrase(p) for p in alternative) + ")"
        for alternative in query.alternatives
    )


def matches(cur: Cursor, chat_id: int, query: Query, limit: int) -> int:
    """How many of the chat's digests match, counting no further than `limit`."""
    return count(cur, f"SELECT count(*) FROM (SELECT 1{MATCHES} LIMIT ?) c",
                 (chat_id, tsquery_text(query), limit))


def ranked(
    cur: Cursor, chat_id: int, query: Query, limit: int, offset: int, total: int | None = None
) -> list[int]:
    """One page of matching digest ids, best first (ties: newest first).

    ts_rank reads each match's whole document, so when a common word matches thousands of a
    busy chat's digests (`total` given), the first pages rank its RANK_WINDOW newest matches
    only (as the SQLite backend does); pages beyond them rank everything. The matches are
    found first (MATERIALIZED): left to itself, the planner walked the whole table backwards
    by digest id for them (1.8 s at 100k digests).
    """
    text = tsquery_text(query)
    if total is not None and total > RANK_WINDOW and offset + limit <= RANK_WINDOW // 2:
        sql = (
            f"WITH found AS MATERIALIZED (SELECT s.digest_id, s.document{MATCHES})"
            " SELECT s.digest_id FROM (SELECT * FROM found ORDER BY digest_id DESC LIMIT ?) s"
            f" ORDER BY {RANK} DESC, s.digest_id DESC LIMIT ? OFFSET ?"
        )
        params: tuple[object, ...] = (chat_id, text, RANK_WINDOW, text, limit, offset)
    else:
        sql = f"SELECT s.digest_id{MATCHES} ORDER BY {RANK} DESC, s.digest_id DESC LIMIT ? OFFSET ?"
        params = (chat_id, text, text, limit, offset)
    return [as_int(r[0]) for r in rows(cur, sql, params)]

"""Forward-only schema migrations keyed on `PRAGMA user_version`, applied at start-up."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable

import aiosqlite

from storage.folding import name_key
from storage.indexing import FTS_COLUMNS, fts_tables, fts_values, write_fts
from storage.models import SchemaTooNewError
from storage.rows import officials_text_from_json
from summarizer.textnorm import nfc

log = logging.getLogger(__name__)

V1 = """
CREATE TABLE chats (
    chat_id     INTEGER PRIMARY KEY,
    length      TEXT NOT NULL DEFAULT 'medium',
    language    TEXT,
    engine      TEXT NOT NULL DEFAULT 'auto',
    next_number INTEGER NOT NULL DEFAULT 1,
    created_at  INTEGER NOT NULL
);
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    chat_id      INTEGER NOT NULL REFERENCES chats(chat_id),
    user_id      INTEGER,
    created_at   INTEGER NOT NULL,
    message_ids  TEXT NOT NULL DEFAULT '[]',
    content_hash TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL
);
CREATE INDEX articles_chat_hash ON articles(chat_id, content_hash);
CREATE TABLE digests (
    id            INTEGER PRIMARY KEY,
    chat_id       INTEGER NOT NULL REFERENCES chats(chat_id),
    number        INTEGER NOT NULL,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    created_at    INTEGER NOT NULL,
    title         TEXT NOT NULL,
    summary       TEXT NOT NULL,
    officials     TEXT NOT NULL,
    decisions     TEXT NOT NULL,
    engine        TEXT NOT NULL,
    model         TEXT,
    input_words   INTEGER NOT NULL,
    summary_words INTEGER NOT NULL,
    elapsed_ms    INTEGER NOT NULL,
    fallback      INTEGER NOT NULL DEFAULT 0,
    notes         TEXT NOT NULL DEFAULT '[]',
    UNIQUE (chat_id, number)
);
CREATE INDEX digests_article ON digests(article_id);
CREATE TABLE jobs (
    id                INTEGER PRIMARY KEY,
    chat_id           INTEGER NOT NULL,
    user_id           INTEGER NOT NULL,
    text              TEXT NOT NULL,
    message_ids       TEXT NOT NULL,
    status            TEXT NOT NULL
        CHECK (status IN ('queued', 'running', 'done', 'failed', 'delivered')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    error             TEXT,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    finished_at       INTEGER,
    length            TEXT NOT NULL,
    language          TEXT,
    reply_to          INTEGER,
    status_message_id INTEGER,
    digest_number     INTEGER
);
CREATE INDEX jobs_status ON jobs(status, id);
CREATE INDEX jobs_chat ON jobs(chat_id, user_id, status);
CREATE VIRTUAL TABLE digest_fts USING fts5(
    chat, title, summary, officials, body,
    content='', tokenize='unicode61 remove_diacritics 2'
);
"""

V2 = """
CREATE TABLE fragments (
    chat_id     INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    text        TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX fragments_user ON fragments(chat_id, user_id, message_id);
CREATE INDEX digests_created ON digests(created_at);
"""

V3 = """
CREATE TABLE digest_officials (
    digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
    chat_id   INTEGER NOT NULL,
    name_key  TEXT NOT NULL,
    name      TEXT NOT NULL,
    PRIMARY KEY (digest_id, name_key)
) WITHOUT ROWID;
CREATE INDEX digest_officials_chat ON digest_officials(chat_id, name_key, digest_id);
"""

# v4 partitioned the search index by chat with a chat prefix on every token; v6 replaced that
# index, so v4 now only makes the table (v6 drops it and indexes every stored digest again).
V4 = """
DROP TABLE digest_fts;
CREATE VIRTUAL TABLE digest_fts USING fts5(
    title, summary, officials, body,
    content='', tokenize='unicode61 remove_diacritics 2'
);
"""
REINDEX_BATCH = 5_000

# v5 remembers which Telegram messages already became a job, so a re-delivered update (the bot
# was killed before confirming it) never makes a second one. Pruning a job forgets its messages.
V5 = """
CREATE TABLE job_messages (
    chat_id    INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    job_id     INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;
CREATE INDEX job_messages_job ON job_messages(job_id);
INSERT OR IGNORE INTO job_messages (chat_id, message_id, job_id)
    SELECT j.chat_id, m.value, j.id FROM jobs j, json_each(j.message_ids) m ORDER BY j.id
"""

# v7 (links, issue 15): a job may be a link still to fetch (`url` set, `text` empty until the
# worker has fetched the page; then `url` is the page's canonical address), and an article
# remembers that address so the same story sent again is recognised by it.
V7 = """
ALTER TABLE jobs ADD COLUMN url TEXT;
ALTER TABLE articles ADD COLUMN url TEXT;
CREATE INDEX articles_chat_url ON articles(chat_id, url) WHERE url IS NOT NULL
"""

# v8 records the message each part of a reply lives in (part 0 is jobs.status_message_id), so a
# reply is delivered by editing messages whose ids were stored first: a retry after a crash or a
# lost answer edits the same messages instead of sending the digest again.
V8 = """
CREATE TABLE delivery_parts (
    job_id     INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    part       INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    PRIMARY KEY (job_id, part)
) WITHOUT ROWID
"""


async def _script(conn: aiosqlite.Connection, sql: str) -> None:
    for statement in sql.split(";"):
        if statement.strip():
            await conn.execute(statement)


async def _v1(conn: aiosqlite.Connection) -> None:
    await _script(conn, V1)


async def _v2(conn: aiosqlite.Connection) -> None:
    await _script(conn, V2)


async def _v3(conn: aiosqlite.Connection) -> None:
    """Index officials per digest, backfilled from the JSON already stored."""
    await _script(conn, V3)
    rows = await conn.execute_fetchall("SELECT id, chat_id, officials FROM digests")
    await conn.executemany(
        "INSERT OR IGNORE INTO digest_officials VALUES (?, ?, ?, ?)",
        [
            (digest_id, chat_id, name_key(o["name"]), nfc(o["name"]))
            for digest_id, chat_id, officials in rows
            for o in json.loads(officials)
            if name_key(o["name"])
        ],
    )


async def _v4(conn: aiosqlite.Connection) -> None:
    await _script(conn, V4)


async def _v5(conn: aiosqlite.Connection) -> None:
    """Record, for every job already stored, the messages it came from."""
    await _script(conn, V5)


# v6 splits the search index into per-bucket tables of unprefixed tokens (see indexing.py):
# 3-4x cheaper to write than v4's per-chat token prefixes, and bm25 stays bucket-local.
# FTS5 merges segments once `automerge` of them pile up on a level (default 4); 8 halves the
# merge work per commit while a search still reads few segments per level.
FTS_AUTOMERGE = 8


async def _v6(conn: aiosqlite.Connection) -> None:
    """Rebuild the search index as per-bucket tables from the stored digests and articles."""
    await conn.execute("DROP TABLE digest_fts")
    for table in fts_tables():
        await conn.execute(
            f"CREATE VIRTUAL TABLE {table} USING fts5({FTS_COLUMNS},"
            " content='', tokenize='unicode61 remove_diacritics 2')"
        )
        await conn.execute(
            f"INSERT INTO {table} ({table}, rank) VALUES ('automerge', {FTS_AUTOMERGE})"
        )
    last = 0
    while True:
        rows = list(
            await conn.execute_fetchall(
                "SELECT d.id, d.chat_id, d.title, d.summary, d.officials, a.text FROM digests d"
                " JOIN articles a ON a.id = d.article_id WHERE d.id > ? ORDER BY d.id LIMIT ?",
                (last, REINDEX_BATCH),
            )
        )
        if not rows:
            return
        values = [
            (r[1], fts_values(r[0], r[1], r[2], r[3], officials_text_from_json(r[4]), r[5]))
            for r in rows
        ]
        await conn._execute(write_fts, conn._conn, values)
        last = rows[-1][0]


async def _v7(conn: aiosqlite.Connection) -> None:
    await _script(conn, V7)


async def _v8(conn: aiosqlite.Connection) -> None:
    await _script(conn, V8)


async def _v9(conn: aiosqlite.Connection) -> None:
    """Each digest's length (NULL: unknown, before v9), each chat's zone, forward sources."""
    await _script(
        conn,
        "ALTER TABLE digests ADD COLUMN length TEXT;"
        " ALTER TABLE chats ADD COLUMN timezone TEXT;"
        " ALTER TABLE jobs ADD COLUMN source TEXT;"
        " ALTER TABLE articles ADD COLUMN source TEXT;",
    )


MIGRATIONS: tuple[Callable[[aiosqlite.Connection], Awaitable[None]], ...] = (
    _v1,
    _v2,
    _v3,
    _v4,
    _v5,
    _v6,
    _v7,
    _v8,
    _v9,
)
LATEST = len(MIGRATIONS)


async def user_version(conn: aiosqlite.Connection) -> int:
    """The schema version recorded in the database header."""
    async with conn.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def migrate(conn: aiosqlite.Connection, target: int = LATEST) -> int:
    """Apply every missing migration up to `target`, each in its own transaction."""
    current = await user_version(conn)
    if current > LATEST:
        raise SchemaTooNewError(
            f"database schema v{current} is newer than this program (v{LATEST}); upgrade Tóm Tắt"
        )
    if 0 < current < target:
        # Rebuilding the search index (v6) takes about 13 s per 100,000 digests here.
        log.info("upgrading the database from schema v%d to v%d", current, target)
    for version in range(current + 1, target + 1):
        await conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while this one waited for the write lock.
            if await user_version(conn) < version:
                await MIGRATIONS[version - 1](conn)
                await conn.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            await conn.execute("ROLLBACK")
            raise
        await conn.execute("COMMIT")
    return max(current, target)

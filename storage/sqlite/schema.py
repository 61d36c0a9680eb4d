"""The schema's DDL, version by version (SQLite); migrations.py applies what a file lacks."""

from __future__ import annotations

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

# v9: each digest's length (NULL: unknown, before v9), each chat's zone, forward sources.
V9 = """
ALTER TABLE digests ADD COLUMN length TEXT;
ALTER TABLE chats ADD COLUMN timezone TEXT;
ALTER TABLE jobs ADD COLUMN source TEXT;
ALTER TABLE articles ADD COLUMN source TEXT
"""

# v10: `articles.text` is the cleaned article (what is searched); `original` keeps the raw
# paste for "show the original" when it differs (NULL: the same text, or stored before v10).
V10 = """
ALTER TABLE articles ADD COLUMN original TEXT
"""

# v11: leases for workers in many processes (storage/queue.py): who holds a job, until when;
# the open-jobs index serves the claim's "oldest open job of the chat" test.
V11 = """
ALTER TABLE jobs ADD COLUMN lease_owner TEXT;
ALTER TABLE jobs ADD COLUMN lease_until INTEGER;
CREATE INDEX jobs_open ON jobs(chat_id, id) WHERE status IN ('queued', 'running', 'done')
"""

# v12: the content hash of a job's text, computed once when the job is made (or its page is
# fetched), so the duplicate checks and the stored article need not hash it again.
V12 = """
ALTER TABLE jobs ADD COLUMN content_hash TEXT
"""

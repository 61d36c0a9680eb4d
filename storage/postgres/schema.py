"""PostgreSQL schema, version by version (the same tables as SQLite's storage/sqlite/schema.py)."""

from __future__ import annotations

# Every id column behaves like SQLite's INTEGER PRIMARY KEY: NULL or no value takes the next
# number, and an explicit id (a bulk import, `tomtat db copy`) is kept and moves the sequence
# past it, so portable SQL may do either.
ROWID_FUNCTION = """
CREATE FUNCTION tomtat_rowid() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    seq regclass := TG_ARGV[0]::regclass;
BEGIN
    IF NEW.id IS NULL THEN
        NEW.id := nextval(seq);
    ELSIF NEW.id > coalesce(pg_sequence_last_value(seq), 0) THEN
        PERFORM setval(seq, NEW.id);
    END IF;
    RETURN NEW;
END $$
"""

TABLES = """
CREATE TABLE chats (
    chat_id     BIGINT PRIMARY KEY,
    length      TEXT NOT NULL DEFAULT 'medium',
    language    TEXT,
    engine      TEXT NOT NULL DEFAULT 'auto',
    next_number BIGINT NOT NULL DEFAULT 1,
    created_at  BIGINT NOT NULL,
    timezone    TEXT
);
CREATE TABLE articles (
    id           BIGINT PRIMARY KEY,
    chat_id      BIGINT NOT NULL REFERENCES chats(chat_id),
    user_id      BIGINT,
    created_at   BIGINT NOT NULL,
    message_ids  TEXT NOT NULL DEFAULT '[]',
    content_hash TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL,
    url          TEXT,
    source       TEXT,
    original     TEXT
);
CREATE INDEX articles_chat_hash ON articles(chat_id, content_hash);
CREATE INDEX articles_chat_url ON articles(chat_id, url) WHERE url IS NOT NULL;
CREATE TABLE digests (
    id            BIGINT PRIMARY KEY,
    chat_id       BIGINT NOT NULL REFERENCES chats(chat_id),
    number        BIGINT NOT NULL,
    article_id    BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    created_at    BIGINT NOT NULL,
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
    length        TEXT,
    UNIQUE (chat_id, number)
);
CREATE INDEX digests_article ON digests(article_id);
CREATE INDEX digests_created ON digests(created_at);
CREATE TABLE jobs (
    id                BIGINT PRIMARY KEY,
    chat_id           BIGINT NOT NULL,
    user_id           BIGINT NOT NULL,
    text              TEXT NOT NULL,
    message_ids       TEXT NOT NULL,
    status            TEXT NOT NULL
        CHECK (status IN ('queued', 'running', 'done', 'failed', 'delivered')),
    attempts          INTEGER NOT NULL DEFAULT 0,
    error             TEXT,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    finished_at       BIGINT,
    length            TEXT NOT NULL,
    language          TEXT,
    reply_to          BIGINT,
    status_message_id BIGINT,
    digest_number     BIGINT,
    url               TEXT,
    source            TEXT
);
CREATE INDEX jobs_status ON jobs(status, id);
CREATE INDEX jobs_chat ON jobs(chat_id, user_id, status);
CREATE TABLE fragments (
    chat_id     BIGINT NOT NULL,
    user_id     BIGINT NOT NULL,
    message_id  BIGINT NOT NULL,
    text        TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX fragments_user ON fragments(chat_id, user_id, message_id);
CREATE TABLE digest_officials (
    digest_id BIGINT NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
    chat_id   BIGINT NOT NULL,
    name_key  TEXT NOT NULL,
    name      TEXT NOT NULL,
    PRIMARY KEY (digest_id, name_key)
);
CREATE INDEX digest_officials_chat ON digest_officials(chat_id, name_key, digest_id);
CREATE TABLE job_messages (
    chat_id    BIGINT NOT NULL,
    message_id BIGINT NOT NULL,
    job_id     BIGINT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX job_messages_job ON job_messages(job_id);
CREATE TABLE delivery_parts (
    job_id     BIGINT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
    part       INTEGER NOT NULL,
    message_id BIGINT NOT NULL,
    PRIMARY KEY (job_id, part)
)
"""

ROWID_TABLES = ("articles", "digests", "jobs")

# Search (storage/postgres/search.py): one tsvector per digest, title/summary/officials/body
# weighted A-D, over text folded by unaccent. The GIN index leads with chat_id (btree_gin), so
# a chat's search never reads another chat's entries. The btree beside it finds a chat's rows
# (and its newest ones) directly: without it, searches for common phrases took 40 ms (p50,
# 20k digests) instead of 2.4 ms, though EXPLAIN ANALYZE of one chat's count favoured the GIN.
SEARCH = """
CREATE TABLE digest_search (
    digest_id BIGINT PRIMARY KEY REFERENCES digests(id) ON DELETE CASCADE,
    chat_id   BIGINT NOT NULL,
    document  tsvector NOT NULL
);
CREATE INDEX digest_search_document ON digest_search USING gin (chat_id, document);
CREATE INDEX digest_search_chat ON digest_search (chat_id, digest_id)
"""

# v2: leases for the queue across processes; the open-jobs index serves the claim's
# "oldest open job of the chat" test.
LEASES = """
ALTER TABLE jobs ADD COLUMN lease_owner TEXT;
ALTER TABLE jobs ADD COLUMN lease_until BIGINT;
CREATE INDEX jobs_open ON jobs(chat_id, id) WHERE status IN ('queued', 'running', 'done')
"""

# v3: the content hash of a job's text, computed once (SQLite's v12).
JOB_HASH = """
ALTER TABLE jobs ADD COLUMN content_hash TEXT
"""


def fold_function(unaccent_schema: str) -> str:
    """tomtat_fold(text): unaccent made IMMUTABLE, schema-qualified so the search_path of
    whoever calls it (or restores a dump) cannot change what it does."""
    schema = '"' + unaccent_schema.replace('"', '""') + '"'
    return (
        "CREATE FUNCTION tomtat_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT"
        f" PARALLEL SAFE AS $$ SELECT {schema}.unaccent('{schema}.unaccent'::regdictionary, $1) $$"
    )


def statements(script: str) -> list[str]:
    """The statements of a `;`-separated script without function bodies."""
    return [s for s in script.split(";") if s.strip()]

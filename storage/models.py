"""Frozen values the store hands out: settings, digests as the user numbers them, jobs, pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from summarizer.digest import Digest


class StoreError(RuntimeError):
    """Base class for storage errors the bot may want to catch."""


class StoreClosedError(StoreError):
    """The store was used before `open()` / `async with`, or after `close()`."""


class JobNotFoundError(StoreError, LookupError):
    """No job with that id exists in that chat."""


class SchemaTooNewError(StoreError):
    """The database was written by a newer version of Tóm Tắt."""


@dataclass(frozen=True)
class ChatSettings:
    """Per-chat preferences; `language=None` means follow the user's Telegram language."""

    chat_id: int
    length: str = "medium"
    language: str | None = None
    engine: str = "auto"
    timezone: str | None = None  # IANA name; None: the bot's default (TOMTAT_TIMEZONE)


@dataclass(frozen=True)
class StoredDigest:
    """A digest as the chat sees it: numbered #1, #2, … per chat, never reused."""

    chat_id: int
    number: int
    digest: Digest
    created_at: datetime
    article_id: int
    user_id: int | None
    length: str | None = None  # the summary length it was written at (None: before schema v7)


@dataclass(frozen=True)
class HistoryPage:
    """One page of history, newest first, with keyset cursors for both directions."""

    items: tuple[StoredDigest, ...]
    total: int
    older: int | None
    newer: int | None
    newer_count: int = 0  # digests newer than this page (for "page 2 of 3")


@dataclass(frozen=True)
class SearchHit:
    """A search result with a plain-text snippet marking the match with « »."""

    item: StoredDigest
    snippet: str


@dataclass(frozen=True)
class Fragment:
    """One pasted message waiting in the merge window, already safe on disk."""

    chat_id: int
    user_id: int
    message_id: int
    text: str
    received_at: datetime


@dataclass(frozen=True)
class Job:
    """Accepted work: an article to summarise, surviving restarts until delivered."""

    id: int
    chat_id: int
    user_id: int
    text: str
    message_ids: tuple[int, ...]
    status: str
    attempts: int
    error: str | None
    created_at: datetime
    length: str
    language: str | None
    reply_to: int | None
    status_message_id: int | None
    digest_number: int | None
    url: str | None = None  # a link job: the page to fetch (then its canonical address)
    content_hash: str | None = None  # of `text`, once (None: page not fetched, or pre-v12)

    @property
    def unfetched(self) -> bool:
        """A link whose page has not been fetched yet."""
        return self.url is not None and not self.text

    @property
    def relength(self) -> bool:
        """A length change of digest #digest_number (storage/relength_sql.py), not an article:
        only such a job is queued or running with its digest's number already set."""
        return self.digest_number is not None and self.status in ("queued", "running")


@dataclass(frozen=True)
class BulkDigest:
    """One row for the bulk import path (benchmarks, restores): article text plus its digest."""

    chat_id: int
    user_id: int | None
    text: str
    digest: Digest
    created_at: datetime
    message_ids: tuple[int, ...] = field(default=())

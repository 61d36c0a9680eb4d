"""A chat's history exported: records oldest first, and JSON Lines (lossless) made from them.

How an export reads (Markdown, headings in the reader's language) is the bot's business
(bot/views/export.py); storage hands out records.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from functools import partial

from storage.database import Database
from storage.models import StoredDigest
from storage.rows import DIGEST_FIELDS, DIGEST_FROM, stored_digest
from storage.sql import as_str, opt_str, rows
from summarizer.digest import Decision, Digest

BATCH = 200
BATCH_SQL = (
    f"SELECT {DIGEST_FIELDS}, a.source, coalesce(a.original, a.text){DIGEST_FROM}"
    " WHERE d.chat_id = ? AND d.number > ? ORDER BY d.number LIMIT ?"
)
JsonObject = dict[str, object]


@dataclass(frozen=True)
class ExportOptions:
    """How an export shows times (the chat's zone) and whether it names senders."""

    zone: tzinfo = UTC
    user_ids: bool = True  # False in groups: members' ids stay out of a shared file


@dataclass(frozen=True)
class ExportRecord:
    """One exported digest with the article it was made from and where that can be read."""

    item: StoredDigest
    article: str
    source: str | None


def zone_name(zone: tzinfo) -> str:
    """The zone's IANA name when it has one (else its abbreviation)."""
    return str(getattr(zone, "key", None) or zone.tzname(None) or "UTC")


def to_json(item: StoredDigest, options: ExportOptions = ExportOptions()) -> JsonObject:
    """One exported digest: the CLI's JSON plus number, local time, sender, actors and notes."""
    record: JsonObject = {
        "number": item.number,
        "created_at": item.created_at.astimezone(options.zone).isoformat(),
        "timezone": zone_name(options.zone),
        "article_id": item.article_id,
        "length": item.length,
    }
    if options.user_ids:
        record["user_id"] = item.user_id
    record.update(item.digest.to_json())
    record["decision_actors"] = [d.actor for d in item.digest.decisions]
    record["notes"] = list(item.digest.notes)
    return record


def from_json(chat_id: int, record: JsonObject) -> StoredDigest:
    """Rebuild a StoredDigest from an exported line's object (inverse of `to_json`)."""
    digest = Digest.from_json(record)
    actors = record.get("decision_actors") or [None] * len(digest.decisions)
    assert isinstance(actors, list)
    digest = replace(
        digest,
        decisions=tuple(
            Decision(d.text, actor) for d, actor in zip(digest.decisions, actors, strict=True)
        ),
        notes=tuple(str(n) for n in _list(record.get("notes"))),
    )
    user_id = record.get("user_id")
    return StoredDigest(
        chat_id=chat_id,
        number=int(str(record["number"])),
        digest=digest,
        created_at=datetime.fromisoformat(str(record["created_at"])),
        article_id=int(str(record["article_id"])),
        user_id=user_id if isinstance(user_id, int) else None,
        length=opt_str(record.get("length")),
    )


def jsonl_line(record: ExportRecord, options: ExportOptions = ExportOptions()) -> str:
    """One JSON Lines line (no newline): the digest, its article and the article's source."""
    line = to_json(record.item, options)
    line["article"] = record.article
    line["source"] = record.source  # the forwarded post's link, when there is one
    return json.dumps(line, ensure_ascii=False)


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


class ExportsRepository:
    """Export one chat's history."""

    def __init__(self, database: Database) -> None:
        self._db = database

    async def records(self, chat_id: int) -> AsyncIterator[list[ExportRecord]]:
        """Oldest first with their articles, in keyset batches; no read lock across a yield."""
        last = 0
        while True:
            found = await self._db.read(partial(rows, sql=BATCH_SQL, params=(chat_id, last, BATCH)))
            if not found:
                return
            batch = [ExportRecord(stored_digest(r), as_str(r[-1]), opt_str(r[-2])) for r in found]
            last = batch[-1].item.number
            yield batch

    async def jsonl(
        self, chat_id: int, options: ExportOptions = ExportOptions()
    ) -> AsyncIterator[str]:
        """One JSON object per line (no trailing newline), oldest first, with its article."""
        async for batch in self.records(chat_id):
            for record in batch:
                yield jsonl_line(record, options)

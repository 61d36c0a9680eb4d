"""A chat's history exported as JSON Lines (lossless, oldest first) and as Markdown."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, tzinfo
from typing import Any

from storage.lookup import LookupMixin
from storage.models import StoredDigest
from storage.rows import DIGEST_FIELDS, DIGEST_FROM, stored_digest
from summarizer.digest import Decision, Digest

BATCH = 200


@dataclass(frozen=True)
class ExportOptions:
    """How an export shows times (the chat's zone) and whether it names senders."""

    zone: tzinfo = UTC
    user_ids: bool = True  # False in groups: members' ids stay out of a shared file


def _zone_name(zone: tzinfo) -> str:
    return str(getattr(zone, "key", None) or zone.tzname(None) or "UTC")


def to_record(item: StoredDigest, options: ExportOptions = ExportOptions()) -> dict[str, Any]:
    """One exported digest: the CLI's JSON plus number, local time, sender, actors and notes."""
    record: dict[str, Any] = {
        "number": item.number,
        "created_at": item.created_at.astimezone(options.zone).isoformat(),
        "timezone": _zone_name(options.zone),
        "article_id": item.article_id,
        "length": item.length,
    }
    if options.user_ids:
        record["user_id"] = item.user_id
    record.update(item.digest.to_json())
    record["decision_actors"] = [d.actor for d in item.digest.decisions]
    record["notes"] = list(item.digest.notes)
    return record


def from_record(chat_id: int, record: dict[str, Any]) -> StoredDigest:
    """Rebuild a StoredDigest from an exported line's object (inverse of `to_record`)."""
    digest = Digest.from_json(record)
    actors = record.get("decision_actors") or [None] * len(digest.decisions)
    digest = replace(
        digest,
        decisions=tuple(
            Decision(d.text, actor) for d, actor in zip(digest.decisions, actors, strict=True)
        ),
        notes=tuple(record.get("notes", ())),
    )
    return StoredDigest(
        chat_id=chat_id,
        number=int(record["number"]),
        digest=digest,
        created_at=datetime.fromisoformat(record["created_at"]),
        article_id=int(record["article_id"]),
        user_id=record.get("user_id"),
        length=record.get("length"),
    )


def to_markdown_section(item: StoredDigest, options: ExportOptions = ExportOptions()) -> str:
    """One digest as a Markdown section."""
    digest = item.digest
    lines = [
        f"## #{item.number} · {digest.title or 'Không có tiêu đề'}",
        "",
        f"_{item.created_at.astimezone(options.zone):%Y-%m-%d %H:%M} ({_zone_name(options.zone)})_",
        "",
        digest.summary,
    ]
    if digest.officials:
        lines += ["", "**Quan chức**", ""]
        lines += [
            f"- {o.name}" + (f" — {', '.join(o.titles)}" if o.titles else "")
            for o in digest.officials
        ]
    if digest.decisions:
        lines += ["", "**Quyết định, chỉ đạo**", ""]
        lines += [
            f"- **{actor}**: {d.text}" if (actor := d.actor_to_show(digest.officials))
            else f"- {d.text}"
            for d in digest.decisions
        ]
    return "\n".join(lines)


class ExportMixin(LookupMixin):
    """Export one chat's history."""

    async def _batches(
        self, chat_id: int
    ) -> AsyncIterator[list[tuple[StoredDigest, str, str | None]]]:
        """Oldest first with their articles, in keyset batches; no read lock across a yield."""
        last = 0
        while True:
            rows = await self._rows(
                f"SELECT {DIGEST_FIELDS}, a.source, a.text{DIGEST_FROM}"
                " WHERE d.chat_id = ? AND d.number > ? ORDER BY d.number LIMIT ?",
                (chat_id, last, BATCH),
            )
            if not rows:
                return
            batch = [(stored_digest(r), str(r[-1]), r[-2]) for r in rows]
            last = batch[-1][0].number
            yield batch

    async def export_jsonl(
        self, chat_id: int, options: ExportOptions = ExportOptions()
    ) -> AsyncIterator[str]:
        """One JSON object per line (no trailing newline), oldest first, with its article."""
        async for batch in self._batches(chat_id):
            for item, article, source in batch:
                record = to_record(item, options)
                record["article"] = article
                record["source"] = source  # the forwarded post's link, when there is one
                yield json.dumps(record, ensure_ascii=False)

    async def export_markdown(self, chat_id: int, options: ExportOptions = ExportOptions()) -> str:
        """The whole history as one Markdown document, oldest first."""
        sections = [item async for batch in self._batches(chat_id) for item, _, _ in batch]
        header = f"# Tóm Tắt — lịch sử ({len(sections)} bản tóm tắt)"
        body = (to_markdown_section(s, options) for s in sections)
        return "\n\n".join([header, *body]) + "\n"

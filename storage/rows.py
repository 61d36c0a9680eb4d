"""Conversions between database rows (plain tuples) and the frozen values the store returns."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

from storage.models import Job, StoredDigest
from storage.sql import as_int, as_str, opt_int, opt_str
from summarizer.digest import Decision, Digest, Official

DIGEST_FIELDS = (
    "d.chat_id, d.number, d.article_id, d.created_at, d.title, d.summary, d.officials,"
    " d.decisions, d.engine, d.model, d.input_words, d.summary_words, d.elapsed_ms, d.fallback,"
    " d.notes, a.user_id, d.length"
)
DIGEST_FROM = " FROM digests d JOIN articles a ON a.id = d.article_id"
DIGEST_SELECT = f"SELECT {DIGEST_FIELDS}{DIGEST_FROM}"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
JOB_COLUMNS = (
    "id, chat_id, user_id, text, message_ids, status, attempts, error, created_at, length,"
    " language, reply_to, status_message_id, digest_number, url, content_hash"
)
JOB_SELECT = f"SELECT {JOB_COLUMNS} FROM jobs"
DigestValues = tuple[str, str, str, str, str, str | None, int, int, int, int, str]


def now_ms() -> int:
    """Current time as integer milliseconds since the epoch (how every timestamp is stored)."""
    return time.time_ns() // 1_000_000


def to_ms(moment: datetime) -> int:
    """A datetime (naive means UTC) as epoch milliseconds."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - EPOCH) // timedelta(milliseconds=1)


def from_ms(ms: object) -> datetime:
    """Epoch milliseconds as an aware UTC datetime."""
    return EPOCH + timedelta(milliseconds=as_int(ms))


def officials_json(digest: Digest) -> str:
    """Officials as stored: name plus every title."""
    return json.dumps(
        [{"name": o.name, "titles": list(o.titles)} for o in digest.officials], ensure_ascii=False
    )


def decisions_json(digest: Digest) -> str:
    """Decisions as stored, keeping the actor."""
    return json.dumps(
        [{"text": d.text, "actor": d.actor} for d in digest.decisions], ensure_ascii=False
    )


def digest_values(digest: Digest) -> DigestValues:
    """Column values (title … notes) for one digest."""
    return (
        digest.title,
        digest.summary,
        officials_json(digest),
        decisions_json(digest),
        digest.engine,
        digest.model,
        digest.input_words,
        digest.summary_words,
        digest.elapsed_ms,
        int(digest.fallback),
        json.dumps(list(digest.notes), ensure_ascii=False),
    )


def _officials_lines(people: Iterable[tuple[str, Iterable[str]]]) -> str:
    # One formatter for both forms: an FTS delete must repeat the indexed text exactly.
    return "\n".join(", ".join((name, *titles)) for name, titles in people)


def officials_text(digest: Digest) -> str:
    """Officials as one searchable text: names and positions."""
    return _officials_lines((o.name, o.titles) for o in digest.officials)


def officials_text_from_json(raw: object) -> str:
    """`officials_text` rebuilt from the stored JSON."""
    return _officials_lines((o["name"], o.get("titles", ())) for o in json.loads(as_str(raw)))


def _officials(raw: object) -> tuple[Official, ...]:
    return tuple(
        Official(o["name"], tuple(o.get("titles", ()))) for o in json.loads(as_str(raw))
    )


def _decisions(raw: object) -> tuple[Decision, ...]:
    return tuple(Decision(d["text"], d.get("actor")) for d in json.loads(as_str(raw)))


def stored_digest(row: Sequence[object]) -> StoredDigest:
    """A row selected with DIGEST_SELECT as a StoredDigest."""
    digest = Digest(
        title=as_str(row[4]),
        summary=as_str(row[5]),
        officials=_officials(row[6]),
        decisions=_decisions(row[7]),
        engine=as_str(row[8]),
        model=opt_str(row[9]),
        input_words=as_int(row[10]),
        summary_words=as_int(row[11]),
        elapsed_ms=as_int(row[12]),
        fallback=bool(row[13]),
        notes=tuple(str(n) for n in json.loads(as_str(row[14]))),
    )
    return StoredDigest(
        chat_id=as_int(row[0]),
        number=as_int(row[1]),
        digest=digest,
        created_at=from_ms(row[3]),
        article_id=as_int(row[2]),
        user_id=opt_int(row[15]),
        length=opt_str(row[16]),
    )


def job(row: Sequence[object]) -> Job:
    """A row selected with JOB_SELECT as a Job."""
    return Job(
        id=as_int(row[0]),
        chat_id=as_int(row[1]),
        user_id=as_int(row[2]),
        text=as_str(row[3]),
        message_ids=tuple(int(m) for m in json.loads(as_str(row[4]))),
        status=as_str(row[5]),
        attempts=as_int(row[6]),
        error=opt_str(row[7]),
        created_at=from_ms(row[8]),
        length=as_str(row[9]),
        language=opt_str(row[10]),
        reply_to=opt_int(row[11]),
        status_message_id=opt_int(row[12]),
        digest_number=opt_int(row[13]),
        url=opt_str(row[14]),
        content_hash=opt_str(row[15]),
    )

"""Compact, validated inline-button payloads (≤ 64 bytes, never naming a chat).

Every payload is interpreted in the chat of the message the button is attached to, so a forged
payload can at worst address that same chat's own records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.clock import zone_value
from summarizer.digest import Length
from summarizer.engines.choices import KINDS

MAX_BYTES = 64
MAX_NUMBER = 10**9
LENGTHS: tuple[str, ...] = tuple(length.value for length in Length)
LANGUAGE_CHOICES = ("vi", "en", "auto")
ENGINES: tuple[str, ...] = KINDS


@dataclass(frozen=True)
class Show:
    """Open digest #number."""

    number: int


@dataclass(frozen=True)
class HistoryNav:
    """History page: `before` an older cursor, or `after` a newer one."""

    before: int | None = None
    after: int | None = None


@dataclass(frozen=True)
class SearchNav:
    """Page of search (`kind` "q") or official (`kind` "o") results."""

    kind: str
    offset: int
    query: str


@dataclass(frozen=True)
class ClearAnswer:
    """The /clear confirmation, valid only for the user who asked."""

    confirm: bool
    user_id: int


@dataclass(frozen=True)
class SetOption:
    """A /settings choice."""

    field: str  # length | language | engine | timezone | close
    value: str


@dataclass(frozen=True)
class Resummarize:
    """Digest #number written again at `length` (edited in place)."""

    number: int
    length: str


@dataclass(frozen=True)
class Original:
    """The article digest #number was made from."""

    number: int


@dataclass(frozen=True)
class DeleteDigest:
    """Delete digest #number: `confirm` None asks, True deletes, False keeps it."""

    number: int
    confirm: bool | None = None


Action = (
    Show | HistoryNav | SearchNav | ClearAnswer | SetOption | Resummarize | Original | DeleteDigest
)

_NUM = r"(0|[1-9][0-9]{0,9})"
_PATTERNS = {
    "s": re.compile(rf"s:{_NUM}"),
    "h": re.compile(rf"h:([ba]):{_NUM}"),
    "q": re.compile(rf"([qo]):{_NUM}:(.{{1,50}})", re.DOTALL),
    "c": re.compile(rf"c:([yn]):{_NUM}"),
    "t": re.compile(r"t:([lgezk]):([A-Za-z0-9_/+-]{1,40})"),
    "r": re.compile(rf"r:{_NUM}:([sml])"),
    "a": re.compile(rf"a:{_NUM}"),
    "x": re.compile(rf"x:{_NUM}(?::([yn]))?"),
}
_LENGTH_CODES = {length[0]: length for length in LENGTHS}
_FIELDS = {"l": ("length", LENGTHS), "g": ("language", LANGUAGE_CHOICES), "e": ("engine", ENGINES),
           "k": ("close", ("x",))}
# The inverse of _FIELDS, plus the time zone (any zone name, checked by zone_value, not a list).
_FIELD_CODES = {field: code for code, (field, _) in _FIELDS.items()} | {"timezone": "z"}


def encode(action: Action) -> str:
    """The payload for an action; raises ValueError when it would not fit in 64 bytes."""
    if isinstance(action, Show):
        data = f"s:{action.number}"
    elif isinstance(action, HistoryNav):
        data = f"h:b:{action.before}" if action.before is not None else f"h:a:{action.after}"
    elif isinstance(action, SearchNav):
        data = f"{action.kind}:{action.offset}:{action.query}"
    elif isinstance(action, ClearAnswer):
        data = f"c:{'y' if action.confirm else 'n'}:{action.user_id}"
    elif isinstance(action, Resummarize | Original | DeleteDigest):
        data = _digest_action(action)
    else:
        data = f"t:{_FIELD_CODES[action.field]}:{action.value}"
    if len(data.encode()) > MAX_BYTES:
        raise ValueError("callback data longer than 64 bytes")
    return data


def _digest_action(action: Resummarize | Original | DeleteDigest) -> str:
    if isinstance(action, Resummarize):
        return f"r:{action.number}:{action.length[0]}"
    if isinstance(action, Original):
        return f"a:{action.number}"
    answer = "" if action.confirm is None else (":y" if action.confirm else ":n")
    return f"x:{action.number}{answer}"


def fits(query: str) -> bool:
    """Whether a search query can travel inside a button payload."""
    return len(f"q:{MAX_NUMBER}:{query}".encode()) <= MAX_BYTES and 0 < len(query) <= 50


def decode(data: str | None) -> Action | None:
    """The action a payload asks for, or None when it is malformed or out of range."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    pattern = _PATTERNS.get(data[0]) if data[0] != "o" else _PATTERNS["q"]
    match = pattern.fullmatch(data) if pattern else None
    if match is None:
        return None
    groups = match.groups()
    if data[0] == "s":
        number = int(groups[0])
        return Show(number) if 0 < number < MAX_NUMBER else None
    if data[0] == "h":
        cursor = int(groups[1])
        if cursor >= MAX_NUMBER:
            return None
        return HistoryNav(before=cursor) if groups[0] == "b" else HistoryNav(after=cursor)
    if data[0] in "qo":
        query = groups[2].strip()
        offset = int(groups[1])
        return SearchNav(groups[0], offset, query) if query and offset < 10_000 else None
    if data[0] == "c":
        return ClearAnswer(groups[0] == "y", int(groups[1]))
    if data[0] in "rax":
        return _decode_digest_action(data[0], groups)
    return _decode_option(groups[0], groups[1])


def _decode_option(code: str, value: str) -> SetOption | None:
    if code == "z":
        try:
            return SetOption("timezone", zone_value(value))
        except ValueError:
            return None
    field, allowed = _FIELDS[code]
    return SetOption(field, value) if value in allowed else None


def _decode_digest_action(kind: str, groups: tuple[str | None, ...]) -> Action | None:
    number = int(groups[0] or 0)
    if not 0 < number < MAX_NUMBER:
        return None
    if kind == "r":
        return Resummarize(number, _LENGTH_CODES[str(groups[1])])
    if kind == "a":
        return Original(number)
    return DeleteDigest(number, None if groups[1] is None else groups[1] == "y")

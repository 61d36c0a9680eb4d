"""Times as the reader reads them: in the chat's time zone, Việt Nam's unless told otherwise."""

from __future__ import annotations

import functools
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

DEFAULT_ZONE = "Asia/Ho_Chi_Minh"
# Offered as buttons in /settings; any other IANA name can be typed (/settings timezone NAME).
OFFERED_ZONES = ("Asia/Ho_Chi_Minh", "UTC")

_default = DEFAULT_ZONE


@functools.cache
def _zones() -> dict[str, str]:
    """Lower-cased IANA names → their spelling (the listing scans files: ~4-40 ms, done once)."""
    return {zone.lower(): zone for zone in available_timezones() | {"UTC"}}


def zone_value(value: str) -> str:
    """An IANA zone name as written in the zone database; ValueError naming an example."""
    found = _zones().get(value.strip().lower())
    if found is None:
        raise ValueError(f"unknown time zone {value!r}; use an IANA name such as {DEFAULT_ZONE}")
    return found


def set_default_zone(name: str) -> None:
    """The zone of chats that chose none (TOMTAT_TIMEZONE), set once at start-up."""
    global _default
    _default = zone_value(name)


def zone_name(chosen: str | None) -> str:
    """The chat's zone name: its choice, else the bot's default."""
    return chosen or _default


def zone_of(chosen: str | None) -> tzinfo:
    """The chat's zone (the default when a stored name is no longer known)."""
    try:
        return ZoneInfo(zone_name(chosen))
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(_default)


def offset_label(zone: tzinfo, moment: datetime | None = None) -> str:
    """`UTC+7`, `UTC`, `UTC-3:30`: the zone's offset now (or at `moment`)."""
    offset = (moment or datetime.now(zone)).astimezone(zone).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset else 0
    if minutes == 0:
        return "UTC"
    sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
    hours, rest = divmod(minutes, 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")

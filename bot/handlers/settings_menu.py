"""/settings: the chat's length, language, summariser and time zone, chosen with buttons."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.clock import OFFERED_ZONES, offset_label, zone_name, zone_of
from bot.runtime import Runtime
from bot.views.keyboards import settings_keyboard
from bot.views.texts import text
from storage import ChatSettings

ABSTRACTIVE = "abstractive"


def engine_label(lang: str, engine: str) -> str:
    """A reader's name for an engine kind (`auto`, `extractive`, `abstractive`)."""
    key = f"engine_{engine}"
    return text(lang, key) if engine in ("auto", "extractive", ABSTRACTIVE) else engine


def zone_label(lang: str, name: str) -> str:
    """`Giờ Việt Nam (UTC+7)` for the default zone, else the IANA name and its offset."""
    offset = offset_label(zone_of(name))
    if name == "Asia/Ho_Chi_Minh":
        return text(lang, "zone_vietnam", offset=offset)
    return name if offset == name else f"{name} ({offset})"


def settings_view(
    lang: str, current: ChatSettings, engines: tuple[str, ...]
) -> tuple[str, InlineKeyboardMarkup]:
    """The /settings text and buttons; the summariser is offered only when there is a choice."""
    choice = ABSTRACTIVE in engines
    engine = engine_label(lang, current.engine)
    if current.engine not in engines:  # chosen earlier, or on another machine
        engine = text(lang, "engine_unavailable", wanted=engine)
    zone = zone_name(current.timezone)
    body = text(lang, "settings_header", length=text(lang, f"length_{current.length}"),
                language=text(lang, f"language_{current.language or 'auto'}"),
                zone=zone_label(lang, zone))
    if choice or current.engine not in engines:
        body += "\n" + text(lang, "settings_engine", engine=engine)
    offered = engines if choice else ()
    zones = [(z, zone_label(lang, z)) for z in OFFERED_ZONES]
    keyboard = settings_keyboard(current.length, current.language, current.engine, lang,
                                 [(e, engine_label(lang, e)) for e in offered], zone, zones)
    return body, keyboard


async def apply_option(
    rt: Runtime, current: ChatSettings, field: str, value: str
) -> ChatSettings | None:
    """Store one choice over the `current` settings; None when it changes nothing."""
    chat_id = current.chat_id
    if field == "length" and value != current.length:
        return await rt.store.chats.update_settings(chat_id, length=value)
    language = None if value == "auto" else value
    if field == "language" and language != current.language:
        return await rt.store.chats.update_settings(chat_id, language=language)
    # An old button may offer an engine that cannot run here: it changes nothing.
    if field == "engine" and value != current.engine and value in rt.engines.choices():
        return await rt.store.chats.update_settings(chat_id, engine=value)
    if field == "timezone" and value != zone_name(current.timezone):
        return await rt.store.chats.update_settings(chat_id, timezone=value)
    return None

"""Sending HTML chunks to Telegram: plain-text fallback, edits in place, best-effort calls.

HTML and no link previews are the application's Defaults (bot/app.py); a fallback to plain text
says `parse_mode=None`."""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import TypeVar

from telegram import Bot, InlineKeyboardMarkup, Message, ReplyParameters
from telegram.error import BadRequest, TelegramError

from bot.views.render import to_plain

log = logging.getLogger(__name__)
T = TypeVar("T")


def _markup_rejected(exc: BadRequest) -> bool:
    message = str(exc).lower()
    return "parse" in message or "entit" in message or "tag" in message


async def best_effort(call: Awaitable[T], what: str) -> T | None:
    """Await a cosmetic call; its failure is logged and never stops the caller."""
    try:
        return await call
    except TelegramError as exc:
        log.info("cosmetic %s failed: %s", what, exc)
    return None


async def send_html(
    bot: Bot, chat_id: int, chunk: str, *, reply_to: int | None = None,
    reply_markup: InlineKeyboardMarkup | None = None,
) -> Message:
    """Send one HTML message; if Telegram rejects the markup, send it again as plain text."""
    reply = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None
    try:
        return await bot.send_message(
            chat_id, chunk, reply_parameters=reply, reply_markup=reply_markup
        )
    except BadRequest as exc:
        if not _markup_rejected(exc):
            raise
        log.warning("HTML rejected (%s); resending as plain text", exc)
        return await bot.send_message(
            chat_id, to_plain(chunk), parse_mode=None, reply_parameters=reply,
            reply_markup=reply_markup,
        )


async def edit_html(
    bot: Bot, chat_id: int, message_id: int, chunk: str, *,
    reply_markup: InlineKeyboardMarkup | None = None,
) -> bool:
    """Replace a message's text; False when the message can no longer be edited."""
    try:
        await bot.edit_message_text(
            chunk, chat_id=chat_id, message_id=message_id, reply_markup=reply_markup
        )
        return True
    except BadRequest as exc:
        message = str(exc).lower()
        if "not modified" in message:
            return True  # the same text is already there (e.g. re-delivery after a restart)
        if _markup_rejected(exc):
            await bot.edit_message_text(
                to_plain(chunk), chat_id=chat_id, message_id=message_id, parse_mode=None,
                reply_markup=reply_markup,
            )
            return True
        log.info("cannot edit message %s: %s", message_id, exc)
        return False


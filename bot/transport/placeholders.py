"""Delivering a reply at most once to the reader's eyes: placeholders first, then edits.

The Bot API has no idempotent send: a `sendMessage` whose answer was lost (a crash, a dropped
connection) may or may not have shown a message. A digest is therefore never sent; each of its
parts edits a placeholder message whose id was stored before the edit. Sending the placeholder
again can at worst leave a stray placeholder; editing again with the same text is a no-op
("message is not modified"), so a retry after any failure shows each part exactly once. Two
processes delivering one job (a worker that stalled past its lease, and the one that took the
job over) agree on one message per part: the first recorded stands, the other is deleted.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

from telegram import Bot, InlineKeyboardMarkup
from telegram.error import TelegramError

from bot.transport.delivery import best_effort, edit_html, send_html

log = logging.getLogger(__name__)


class PartsStore(Protocol):
    """The storage side: which message shows which part of a job's reply."""

    async def part_messages(self, chat_id: int, job_id: int) -> dict[int, int]:
        """Part number → message id."""

    async def set_part_message(self, chat_id: int, job_id: int, part: int,
                               message_id: int) -> None:
        """Record (or replace) the message of one part."""


class FirstParts(Protocol):
    """The queue's side: the first message recorded for a part stands (storage/queue.py)."""

    async def record_part(self, chat_id: int, job_id: int, part: int, message_id: int) -> int:
        """Record the message of one part unless one is recorded; the message that stands."""


async def _placeholders(bot: Bot, store: PartsStore, first: FirstParts, chat_id: int,
                        job_id: int, parts: int, *,
                        reply_to: int | None, placeholder: str) -> dict[int, int]:
    """A stored message id for each of `parts` parts, sending (in order) those still missing."""
    known = await store.part_messages(chat_id, job_id)
    for part in range(parts):
        if part not in known:
            sent = await send_html(bot, chat_id, placeholder, reply_to=reply_to)
            known[part] = await first.record_part(chat_id, job_id, part, sent.message_id)
            if known[part] != sent.message_id:  # another process placed this part first
                await best_effort(bot.delete_message(chat_id, sent.message_id), "placeholder")
    return known


async def deliver_once(bot: Bot, store: PartsStore, first: FirstParts, chat_id: int, job_id: int,
                       chunks: Sequence[str], *, reply_to: int | None, placeholder: str,
                       reply_markup: InlineKeyboardMarkup | None = None) -> None:
    """Show `chunks` as the job's reply, each part in its own recorded message.

    `reply_markup` (a digest's buttons) goes under the last part.

    Raises TelegramError when a call fails: calling again is safe and shows nothing twice.
    """
    messages = await _placeholders(bot, store, first, chat_id, job_id, len(chunks),
                                   reply_to=reply_to, placeholder=placeholder)
    for part, chunk in enumerate(chunks):
        markup = reply_markup if part == len(chunks) - 1 else None
        if await edit_html(bot, chat_id, messages[part], chunk, reply_markup=markup):
            continue
        # The placeholder is gone (deleted by the reader, or too old to edit): a new one, stored
        # before it shows the part, so a crash here cannot show the part twice either.
        log.info("part %s of job %s: its message cannot be edited; replacing it", part, job_id)
        sent = await send_html(bot, chat_id, placeholder, reply_to=reply_to)
        await store.set_part_message(chat_id, job_id, part, sent.message_id)
        if not await edit_html(bot, chat_id, sent.message_id, chunk, reply_markup=markup):
            raise TelegramError(f"part {part} of job {job_id}: a new placeholder cannot be edited")

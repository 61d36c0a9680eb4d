"""A stored digest as the messages a reader gets: HTML chunks, its buttons under the last one."""

from __future__ import annotations

from telegram import Bot, InlineKeyboardMarkup, Message

from bot.telegram_text import MESSAGE_LIMIT, telegram_length
from bot.transport.delivery import send_html
from bot.views.keyboards import digest_keyboard
from bot.views.render import render_digest
from bot.views.texts import text
from storage import StoredDigest


def digest_chunks(stored: StoredDigest, lang: str, lead: str | None = None) -> list[str]:
    """The digest's messages; `lead` (already HTML) opens the first one when it fits."""
    chunks = render_digest(stored.digest, stored.number, lang)
    if lead is None:
        return chunks
    joined = f"{lead}\n\n{chunks[0]}"
    if telegram_length(joined) <= MESSAGE_LIMIT:
        return [joined, *chunks[1:]]
    return [lead, *chunks]


def duplicate_chunks(stored: StoredDigest, lang: str) -> list[str]:
    """"Already summarised (#N)" and the digest, as one message when it fits."""
    return digest_chunks(stored, lang, text(lang, "duplicate", number=stored.number))


def buttons(stored: StoredDigest, lang: str) -> InlineKeyboardMarkup:
    """The buttons under the digest's last message."""
    return digest_keyboard(stored.number, stored.length, lang)


async def send_digest(
    bot: Bot, chat_id: int, stored: StoredDigest, lang: str, *,
    reply_to: int | None = None, lead: str | None = None,
) -> Message:
    """Send the digest (buttons under its last message); returns that last message."""
    chunks = digest_chunks(stored, lang, lead)
    sent: Message | None = None
    for i, chunk in enumerate(chunks):
        markup = buttons(stored, lang) if i == len(chunks) - 1 else None
        sent = await send_html(bot, chat_id, chunk, reply_to=reply_to, reply_markup=markup)
    assert sent is not None
    return sent

"""Where a handler is: private chat or group, addressed or not, the reply language, the reply."""

from __future__ import annotations

from telegram import Chat, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType

from bot.clock import zone_of
from bot.runtime import BotContext, Runtime
from bot.transport.delivery import send_html
from bot.views.browse import Reader
from bot.views.texts import pick_language
from storage import ChatSettings


def is_private(chat: Chat) -> bool:
    """One-to-one chat with the bot."""
    return chat.type == ChatType.PRIVATE


def addressed(message: Message, username: str | None) -> bool:
    """In a group: a command, a reply to the bot, or an @mention of it."""
    if message.text and message.text.startswith("/"):
        return True
    replied = message.reply_to_message
    if replied and replied.from_user and replied.from_user.username == username:
        return True
    body = message.text or message.caption or ""
    return bool(username) and f"@{username}".lower() in body.lower()


async def reply(update: Update, html: str, *,
                reply_markup: InlineKeyboardMarkup | None = None) -> Message | None:
    """Answer the update's message in its chat (HTML, plain-text fallback)."""
    message = update.effective_message
    chat = update.effective_chat
    if chat is None:
        return None
    reply_to = message.message_id if message and not is_private(chat) else None
    return await send_html(update.get_bot(), chat.id, html, reply_to=reply_to,
                           reply_markup=reply_markup)


async def reader_of(rt: Runtime, update: Update) -> Reader:
    """The reply language and time zone for this chat and user, from one settings read."""
    chat = update.effective_chat
    # No chat (never a command or a button): the defaults, which is what a new chat has.
    settings = await rt.store.chats.settings(chat.id) if chat else ChatSettings(0)
    return Reader(language_for(update, settings.language), zone_of(settings.timezone), settings)


async def language_of(rt: Runtime, update: Update) -> str:
    """The reply language for this chat and user."""
    return (await reader_of(rt, update)).lang


def language_for(update: Update, chosen: str | None) -> str:
    """The reply language given the chat's chosen one (None: the user's own)."""
    user = update.effective_user
    return pick_language(chosen, user.language_code if user else None)


def args(context: BotContext) -> str:
    """The words after the command."""
    return " ".join(context.args or []).strip()


def digest_number(context: BotContext) -> int | None:
    """The digest number after the command (`#` allowed), if it is one."""
    arg = args(context).lstrip("#")
    return int(arg) if arg.isdigit() and 0 < int(arg) < 10**9 else None


async def where(
    update: Update, context: BotContext
) -> tuple[Runtime, int, str]:
    """The runtime, chat id and reply language of a command in a chat."""
    rt, chat_id, reader = await where_read(update, context)
    return rt, chat_id, reader.lang


async def where_read(
    update: Update, context: BotContext
) -> tuple[Runtime, int, Reader]:
    """The runtime, chat id and reader (language, time zone) of a command in a chat."""
    rt = context.rt
    chat = update.effective_chat
    assert chat is not None
    return rt, chat.id, await reader_of(rt, update)

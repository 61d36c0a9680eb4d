"""Message handlers: parse the message, hand it to intake (bot/services/intake/accept.py), show
the answer (the guards are in guards.py, files in documents.py)."""

from __future__ import annotations

from telegram import Update

from bot.handlers.conversation import addressed, is_private, language_of, reply
from bot.paste.extract import strip_mention
from bot.paste.sources import post_link
from bot.runtime import BotContext
from bot.services.intake.accept import Sent, accept
from bot.transport.delivery import send_html
from bot.views.digests import send_digest
from bot.views.texts import text


async def accept_article(
    update: Update,
    context: BotContext,
    raw: str,
    *,
    merge: bool,
    reply_to: int | None = None,
) -> None:
    """One article (or piece of a paste) to intake; a refusal or an earlier digest shown."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    sent = Sent(chat.id, user.id, message.message_id, user.language_code, raw, merge=merge,
                reply_to=reply_to, source=post_link(message.forward_origin))
    answer = await accept(context.rt, sent)
    if answer is None:
        return
    if answer.duplicate is not None:
        await send_digest(context.bot, chat.id, answer.duplicate, answer.lang,
                          reply_to=message.message_id,
                          lead=text(answer.lang, "duplicate", number=answer.duplicate.number))
    elif answer.refusal is not None:
        await reply(update, answer.refusal)


async def on_text(update: Update, context: BotContext) -> None:
    """Plain text or a forwarded post: an article, a fragment of one, or chat."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    body = message.text or message.caption or ""
    username = context.bot.username
    rt = context.rt
    user = update.effective_user
    if not is_private(chat) and not addressed(message, username) and not (
            user is not None and await rt.intake.pending(chat.id, user.id)):
        return
    # A forwarded post is whole (posts are ≤ 4096 chars); only pastes are split by clients.
    merge = message.forward_origin is None
    await accept_article(update, context, strip_mention(body, username), merge=merge)


async def on_media(update: Update, context: BotContext) -> None:
    """A sticker, photo, voice… without a caption: say what the bot can read."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    if is_private(chat) or addressed(message, context.bot.username):
        await reply(update, text(await language_of(context.rt, update), "media_no_text"))


async def on_unknown_command(update: Update, context: BotContext) -> None:
    """A command the bot doesn't have: point to /help (groups: only when addressed to us)."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or not message.text:
        return
    command = message.text.split()[0]
    if is_private(chat) or command.lower().endswith(f"@{(context.bot.username or '').lower()}"):
        await reply(update, text(await language_of(context.rt, update), "unknown_command"))


async def on_edited(update: Update, context: BotContext) -> None:
    """An edited message: a note, never a second digest."""
    message, chat = update.edited_message, update.effective_chat
    if message is None or chat is None:
        return
    if is_private(chat) or addressed(message, context.bot.username):
        lang = await language_of(context.rt, update)
        await send_html(context.bot, chat.id, text(lang, "edited"), reply_to=message.message_id)

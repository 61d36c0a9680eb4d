"""Guards run before every other handler: duplicate updates and access control."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.handlers.conversation import addressed, is_private, reply
from bot.runtime import BotContext
from bot.transport.delivery import best_effort
from bot.views.texts import pick_language, text

log = logging.getLogger(__name__)


async def drop_duplicates(update: Update, context: BotContext) -> None:
    """Ignore an update_id already handled (re-delivery after a timeout)."""
    if not context.rt.first_time(update.update_id):
        log.info("duplicate update %s ignored", update.update_id)
        raise ApplicationHandlerStop


async def check_access(update: Update, context: BotContext) -> None:
    """Refuse users and chats outside the allow-lists; nothing of theirs is stored."""
    rt = context.rt
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return
    if rt.policy.admits(user.id if user else None, chat.id, private=is_private(chat)):
        return
    user_id = user.id if user else 0
    lang = pick_language(None, user.language_code if user else None)
    log.info("refused user %s in chat %s", user_id, chat.id)
    if update.callback_query:
        await best_effort(update.callback_query.answer(text(lang, "button_expired")), "answer")
    elif update.message and (is_private(chat) or addressed(update.message, context.bot.username)):
        await best_effort(reply(update, text(lang, "refused", user_id=user_id)), "refusal")
    raise ApplicationHandlerStop

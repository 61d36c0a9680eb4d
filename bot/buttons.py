"""Inline-button presses: answered at once, always scoped to the button's own chat."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from telegram import CallbackQuery, Message, Update
from telegram.ext import ContextTypes

from bot import browse
from bot.callbacks import (
    ClearAnswer,
    DeleteDigest,
    HistoryNav,
    Original,
    Resummarize,
    SearchNav,
    SetOption,
    Show,
    decode,
)
from bot.commands import settings_view
from bot.delivery import best_effort, edit_html
from bot.digest_buttons import on_digest_button
from bot.digests import send_digest
from bot.handlers import language_for, language_of
from bot.quota import press_refusal
from bot.runtime import runtime
from bot.texts import text

log = logging.getLogger(__name__)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Decode the payload, answer the query, then act within the message's chat only."""
    query = update.callback_query
    if query is None:
        return
    rt = runtime(context)
    lang = await language_of(rt, update)
    action = decode(query.data)
    message = query.message
    if action is None or not isinstance(message, Message):
        log.info("expired or forged button %r", (query.data or "")[:64])
        await best_effort(query.answer(text(lang, "button_expired")), "answer")
        return
    # The chat is never taken from the payload: it is the chat the button lives in.
    chat_id = message.chat.id
    user_id = query.from_user.id
    refusal = (text(lang, "not_your_button")
               if isinstance(action, ClearAnswer) and action.user_id != user_id
               else press_refusal(rt.presses, rt.limiter, user_id,
                                  sends_digest=isinstance(action, Show | Resummarize | Original),
                                  lang=lang))
    if refusal:  # a toast on the button, never a message in the chat
        await best_effort(query.answer(refusal), "answer")
        return
    own_answer = _ANSWERED_BY_HANDLER.get(type(action))
    if own_answer is not None:  # these answer the query themselves (a pop-up when expired)
        await own_answer(query, context, action, message, lang)
        return
    store = rt.store
    await best_effort(query.answer(), "answer")
    if isinstance(action, HistoryNav):
        body, keyboard = await browse.history_page(store, chat_id, lang, before=action.before,
                                                   after=action.after)
        await edit_html(context.bot, chat_id, message.message_id, body, reply_markup=keyboard)
    elif isinstance(action, ClearAnswer):
        if action.confirm:
            count = await store.clear_history(chat_id)
            body = text(lang, "cleared", count=count)
        else:
            body = text(lang, "clear_cancelled")
        await edit_html(context.bot, chat_id, message.message_id, body)
    elif isinstance(action, SetOption):
        await _set_option(update, context, action, chat_id, message.message_id)


async def _set_option(update: Update, context: ContextTypes.DEFAULT_TYPE, action: SetOption,
                      chat_id: int, message_id: int) -> None:
    rt = runtime(context)
    if action.field == "length":
        current = await rt.store.update_chat_settings(chat_id, length=action.value)
    elif action.field == "language":
        language = None if action.value == "auto" else action.value
        current = await rt.store.update_chat_settings(chat_id, language=language)
    elif action.value in rt.engines.choices():
        current = await rt.store.update_chat_settings(chat_id, engine=action.value)
    else:  # an old button offering an engine that cannot run here
        current = await rt.store.chat_settings(chat_id)
    lang = language_for(update, current.language)
    body, keyboard = settings_view(lang, current, rt.engines.choices())
    await edit_html(context.bot, chat_id, message_id, body, reply_markup=keyboard)


async def _show(query: CallbackQuery, context: ContextTypes.DEFAULT_TYPE, action: Show,
                message: Message, lang: str) -> None:
    stored = await runtime(context).store.get_digest(message.chat.id, action.number)
    if stored is None:  # a pop-up, not a new message in the chat
        await best_effort(query.answer(text(lang, "button_expired")), "answer")
        return
    await best_effort(query.answer(), "answer")
    await send_digest(context.bot, message.chat.id, stored, lang)


async def _results_page(query: CallbackQuery, context: ContextTypes.DEFAULT_TYPE,
                        action: SearchNav, message: Message, lang: str) -> None:
    rt, chat_id = runtime(context), message.chat.id
    wanted = rt.recall_query(chat_id, action.query)
    if wanted is None:  # a query token of an earlier run: a pop-up says so
        await best_effort(query.answer(text(lang, "button_expired")), "answer")
        return
    await best_effort(query.answer(), "answer")
    page = browse.search_page if action.kind == "q" else browse.official_page
    body, keyboard = await page(rt.store, chat_id, lang, wanted, action.query, action.offset)
    await edit_html(context.bot, chat_id, message.message_id, body, reply_markup=keyboard)


_ANSWERED_BY_HANDLER: dict[type, Callable[..., Awaitable[None]]] = {
    Show: _show, SearchNav: _results_page, Resummarize: on_digest_button,
    Original: on_digest_button, DeleteDigest: on_digest_button,
}

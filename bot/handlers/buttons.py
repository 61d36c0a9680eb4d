"""Inline-button presses: answered at once, always scoped to the button's own chat."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from telegram import CallbackQuery, Message, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from bot.handlers.digest_buttons import on_digest_button
from bot.handlers.messages import language_of
from bot.handlers.settings_menu import apply_option, settings_view
from bot.runtime import runtime
from bot.services.group_rules import may_manage
from bot.services.quota import press_refusal
from bot.transport.delivery import best_effort, edit_html
from bot.views import browse
from bot.views.callbacks import (
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
from bot.views.digests import send_digest
from bot.views.texts import pick_language, text

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
            count = await store.digests.clear(chat_id)
            body = text(lang, "cleared", count=count)
        else:
            body = text(lang, "clear_cancelled")
        await edit_html(context.bot, chat_id, message.message_id, body)


async def _set_option(query: CallbackQuery, context: ContextTypes.DEFAULT_TYPE,
                      action: SetOption, message: Message, lang: str) -> None:
    rt, chat_id = runtime(context), message.chat.id
    allowed = await may_manage(rt.admins, context.bot, chat_id, query.from_user.id,
                               private=message.chat.type == ChatType.PRIVATE)
    if not allowed:
        await best_effort(query.answer(text(lang, "settings_refused"), show_alert=True), "answer")
        return
    await best_effort(query.answer(), "answer")
    if action.field == "close":
        body = text(lang, "settings_closed")
        await edit_html(context.bot, chat_id, message.message_id, body)
        return
    current = await apply_option(rt, chat_id, action.field, action.value)
    if current is None:  # the option already ticked: nothing to edit ("message is not modified")
        return
    lang = pick_language(current.language, query.from_user.language_code)
    body, keyboard = settings_view(lang, current, rt.engines.choices())
    await edit_html(context.bot, chat_id, message.message_id, body, reply_markup=keyboard)


async def _show(query: CallbackQuery, context: ContextTypes.DEFAULT_TYPE, action: Show,
                message: Message, lang: str) -> None:
    stored = await runtime(context).store.digests.get(message.chat.id, action.number)
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
    Original: on_digest_button, DeleteDigest: on_digest_button, SetOption: _set_option,
}

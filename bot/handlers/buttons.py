"""Inline-button presses: answered at once, always scoped to the button's own chat."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from telegram import CallbackQuery, Message, Update
from telegram.ext import CallbackQueryHandler

from bot.handlers.conversation import is_private, reader_of
from bot.handlers.settings_menu import apply_option, settings_view
from bot.runtime import BotContext
from bot.services.group_rules import may_manage
from bot.services.quota import press_refusal
from bot.transport.delivery import best_effort, edit_html
from bot.views import browse
from bot.views.browse import Reader
from bot.views.callbacks import (
    Action,
    ClearAnswer,
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

A = TypeVar("A", bound=Action)
Act = Callable[[CallbackQuery, BotContext, A, Message, Reader], Awaitable[None]]


@dataclass(frozen=True)
class Press:
    """A button press let through: its query, the message it lives on, its action, its reader."""

    query: CallbackQuery
    message: Message
    action: Action
    reader: Reader


async def _press(update: Update, context: BotContext) -> Press | None:
    """Decode the payload and apply the limits; None when the press was answered as refused."""
    query = update.callback_query
    if query is None:
        return None
    rt = context.rt
    reader = await reader_of(rt, update)
    lang = reader.lang
    action = decode(query.data)
    message = query.message
    if action is None or not isinstance(message, Message):
        log.info("expired or forged button %r", (query.data or "")[:64])
        await best_effort(query.answer(text(lang, "button_expired")), "answer")
        return None
    user_id = query.from_user.id
    refusal = (text(lang, "not_your_button")
               if isinstance(action, ClearAnswer) and action.user_id != user_id
               else press_refusal(rt.presses, rt.limiter, user_id,
                                  sends_digest=isinstance(action, Show | Resummarize | Original),
                                  lang=lang))
    if refusal:  # a toast on the button, never a message in the chat
        await best_effort(query.answer(refusal), "answer")
        return None
    return Press(query, message, action, reader)


PressAct = Callable[[BotContext, Press], Awaitable[None]]


def button(kind: type[A], act: Act[A]) -> tuple[type[object], PressAct]:
    """One button kind and what a press of it does, for `ButtonHandler`."""

    async def run(context: BotContext, press: Press) -> None:
        if isinstance(press.action, kind):  # always true when routed by kind; narrows the type
            await act(press.query, context, press.action, press.message, press.reader)

    return kind, run


class ButtonHandler(CallbackQueryHandler[BotContext, None]):
    """Every button press: its payload decoded once, then acted on by its kind's route.

    The chat is never taken from the payload: it is the chat the button lives in. A payload
    that decodes to nothing (expired or forged) is answered with a pop-up saying so.
    """

    def __init__(self, *routes: tuple[type[object], PressAct]) -> None:
        super().__init__(self._handle)
        self.routes: dict[type[object], PressAct] = dict(routes)

    async def _handle(self, update: Update, context: BotContext) -> None:
        press = await _press(update, context)
        if press is None:
            return
        run = self.routes.get(type(press.action))
        if run is None:  # a kind this bot offers no button for: as good as forged
            await best_effort(press.query.answer(text(press.reader.lang, "button_expired")),
                              "answer")
            return
        await run(context, press)


async def history_page(query: CallbackQuery, context: BotContext, action: HistoryNav,
                       message: Message, reader: Reader) -> None:
    """Another page of the chat's history, edited in place."""
    await best_effort(query.answer(), "answer")
    chat_id = message.chat.id
    body, keyboard = await browse.history_page(context.rt.store, chat_id, reader,
                                               before=action.before, after=action.after)
    await edit_html(context.bot, chat_id, message.message_id, body, reply_markup=keyboard)


async def clear_answer(query: CallbackQuery, context: BotContext, action: ClearAnswer,
                       message: Message, reader: Reader) -> None:
    """/clear confirmed (history deleted) or cancelled."""
    lang = reader.lang
    await best_effort(query.answer(), "answer")
    chat_id = message.chat.id
    if action.confirm:
        count = await context.rt.store.digests.clear(chat_id)
        body = text(lang, "cleared", count=count)
    else:
        body = text(lang, "clear_cancelled")
    await edit_html(context.bot, chat_id, message.message_id, body)


async def set_option(query: CallbackQuery, context: BotContext,
                      action: SetOption, message: Message, reader: Reader) -> None:
    """A /settings choice, by whoever may manage the chat."""
    lang = reader.lang
    rt, chat_id = context.rt, message.chat.id
    allowed = await may_manage(rt.admins, context.bot, chat_id, query.from_user.id,
                               private=is_private(message.chat))
    if not allowed:
        await best_effort(query.answer(text(lang, "settings_refused"), show_alert=True), "answer")
        return
    await best_effort(query.answer(), "answer")
    if action.field == "close":
        body = text(lang, "settings_closed")
        await edit_html(context.bot, chat_id, message.message_id, body)
        return
    current = await apply_option(rt, reader.settings, action.field, action.value)
    if current is None:  # the option already ticked: nothing to edit ("message is not modified")
        return
    lang = pick_language(current.language, query.from_user.language_code)
    body, keyboard = settings_view(lang, current, rt.engines.choices())
    await edit_html(context.bot, chat_id, message.message_id, body, reply_markup=keyboard)


async def show(query: CallbackQuery, context: BotContext, action: Show,
                message: Message, reader: Reader) -> None:
    """A digest from the history list, as a new message."""
    lang = reader.lang
    stored = await context.rt.store.digests.get(message.chat.id, action.number)
    if stored is None:  # a pop-up, not a new message in the chat
        await best_effort(query.answer(text(lang, "button_expired")), "answer")
        return
    await best_effort(query.answer(), "answer")
    await send_digest(context.bot, message.chat.id, stored, lang)


async def results_page(query: CallbackQuery, context: BotContext,
                        action: SearchNav, message: Message, reader: Reader) -> None:
    """Another page of search or official results, edited in place."""
    lang = reader.lang
    rt, chat_id = context.rt, message.chat.id
    wanted = rt.recall_query(chat_id, action.query)
    if wanted is None:  # a query token of an earlier run: a pop-up says so
        await best_effort(query.answer(text(lang, "button_expired")), "answer")
        return
    await best_effort(query.answer(), "answer")
    page = browse.search_page if action.kind == "q" else browse.official_page
    body, keyboard = await page(rt.store, chat_id, reader, wanted, action.query, action.offset)
    await edit_html(context.bot, chat_id, message.message_id, body, reply_markup=keyboard)

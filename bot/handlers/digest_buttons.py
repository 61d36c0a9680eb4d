"""The buttons under a digest: another length (edited in place), the article, delete."""

from __future__ import annotations

import html
import io

from telegram import CallbackQuery, InputFile, Message

from bot.handlers.conversation import is_private
from bot.runtime import BotContext, Runtime
from bot.services.group_rules import may_manage
from bot.transport.delivery import best_effort, edit_html, send_html
from bot.views.browse import Reader
from bot.views.callbacks import DeleteDigest, Original, Resummarize
from bot.views.digests import buttons
from bot.views.keyboards import delete_keyboard
from bot.views.texts import text
from storage import StoredDigest

DigestAction = Resummarize | Original | DeleteDigest


async def on_digest_button(
    query: CallbackQuery, context: BotContext, action: DigestAction,
    message: Message, reader: Reader,
) -> None:
    """Act on one digest of the button's own chat; the query is answered exactly once."""
    lang = reader.lang
    rt = context.rt
    stored = await rt.store.digests.get(message.chat.id, action.number)
    if stored is None:  # deleted meanwhile: a pop-up, not a new message
        await best_effort(query.answer(text(lang, "button_expired")), "answer")
        return
    if isinstance(action, Resummarize):
        await _resummarize(query, rt, action, message, lang, stored.length)
    elif isinstance(action, Original):
        await _original(query, rt, context, action.number, message, lang)
    else:
        await _delete(query, rt, context, action, message, lang, stored)


async def _resummarize(
    query: CallbackQuery, rt: Runtime, action: Resummarize, message: Message, lang: str,
    current: str | None,
) -> None:
    if current == action.length:  # already that length: editing would change nothing
        await best_effort(query.answer(), "answer")
        return
    # A worker rewrites it (this process may run no model) and edits this message in place.
    job = await rt.store.jobs.request_length(message.chat.id, query.from_user.id, action.number,
                                             message.message_id, length=action.length,
                                             language=lang)
    if job is None:  # deleted meanwhile: say so, never summarise an empty text
        await best_effort(query.answer(text(lang, "not_found", number=action.number)), "answer")
        return
    await best_effort(query.answer(text(lang, "resummarizing")), "answer")
    rt.worker.submit(job)


async def _original(
    query: CallbackQuery, rt: Runtime, context: BotContext, number: int,
    message: Message, lang: str,
) -> None:
    found = await rt.store.digests.article(message.chat.id, number)
    if found is None:
        await best_effort(query.answer(text(lang, "button_expired")), "answer")
        return
    await best_effort(query.answer(), "answer")
    article, source = found
    if source:  # a forwarded channel post: the post itself is the original
        link = html.escape(source, quote=True)
        await send_html(context.bot, message.chat.id,
                        text(lang, "original_link", number=number, link=link))
        return
    document = InputFile(io.BytesIO(article.encode("utf-8")), filename=f"tomtat-{number}.txt")
    await context.bot.send_document(message.chat.id, document,
                                    caption=text(lang, "original_caption", number=number))


async def _delete(
    query: CallbackQuery, rt: Runtime, context: BotContext, action: DeleteDigest,
    message: Message, lang: str, stored: StoredDigest,
) -> None:
    chat_id = message.chat.id
    if action.confirm is False:  # kept: the digest's own buttons come back
        await best_effort(query.answer(), "answer")
        await best_effort(message.edit_reply_markup(buttons(stored, lang)), "keep")
        return
    allowed = await may_manage(rt.admins, context.bot, chat_id, query.from_user.id,
                               private=is_private(message.chat),
                               author_id=stored.user_id)
    if not allowed:
        await best_effort(query.answer(text(lang, "delete_refused"), show_alert=True), "answer")
        return
    if action.confirm is None:
        await best_effort(query.answer(), "answer")
        await best_effort(message.edit_reply_markup(delete_keyboard(action.number, lang)), "ask")
        return
    deleted = await rt.store.digests.delete(chat_id, action.number)
    body = text(lang, "deleted" if deleted else "not_found", number=action.number)
    await best_effort(query.answer(body), "answer")
    await edit_html(context.bot, chat_id, message.message_id, body)

"""Uploaded .txt/.md/.html files: checked, downloaded and decoded, then accepted as an article."""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.error import TelegramError

from bot.handlers.conversation import addressed, is_private, language_of, reply
from bot.handlers.messages import accept_article
from bot.paste.extract import DOCUMENT_SUFFIXES, NotArticle, read_document_within_budget
from bot.runtime import BotContext
from bot.services.intake.accept import already_queued
from bot.views.texts import text

log = logging.getLogger(__name__)


async def on_document(update: Update, context: BotContext) -> None:
    """A .txt/.md/.html file: downloaded, decoded and summarised."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or message.document is None:
        return
    if not is_private(chat) and not addressed(message, context.bot.username):
        return
    await summarize_document(update, context, message, reply_to=None)


async def summarize_document(
    update: Update, context: BotContext, source: Message, *, reply_to: int | None
) -> None:
    """Check, download and decode `source`'s document, then accept it as an article."""
    rt = context.rt
    message, chat = update.effective_message, update.effective_chat
    if message and chat and await already_queued(rt, chat.id, message.message_id):
        return
    lang = await language_of(rt, update)
    document = source.document
    assert document is not None
    name = (document.file_name or "").lower()
    if not name.endswith(DOCUMENT_SUFFIXES) and document.mime_type not in ("text/plain",
                                                                           "text/html",
                                                                           "text/markdown"):
        await reply(update, text(lang, "doc_type"))
        return
    limit = rt.settings.max_document_bytes
    if document.file_size and document.file_size > limit:
        await reply(update, text(lang, "doc_too_big", size=document.file_size // 1024,
                                 limit=limit // 1024))
        return
    try:
        file = await document.get_file()
        raw = bytes(await file.download_as_bytearray())
    except TelegramError as exc:
        log.warning("document download failed: %s", exc)
        await reply(update, text(lang, "doc_failed"))
        return
    if len(raw) > limit:
        await reply(update, text(lang, "doc_too_big", size=len(raw) // 1024, limit=limit // 1024))
        return
    try:
        decoded = await read_document_within_budget(document.file_name, raw)
    except NotArticle as exc:
        await reply(update, text(lang, exc.key, **exc.values))
        return
    if decoded.replaced:
        await reply(update, text(lang, "doc_bad_bytes", count=decoded.replaced))
    await accept_article(update, context, decoded.text, merge=False, reply_to=reply_to)

"""Message handlers: articles in, friendly refusals out (the guards are in guards.py)."""

from __future__ import annotations

import asyncio
import logging

from telegram import Chat, Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.paste.extract import (
    DOCUMENT_SUFFIXES,
    NotArticle,
    check_article,
    clean_text,
    read_document_within_budget,
    strip_mention,
)
from bot.paste.shape import is_client_split
from bot.paste.sources import post_link
from bot.runtime import Runtime, runtime
from bot.services.quota import over_limits
from bot.transport.delivery import send_html
from bot.views.digests import send_digest
from bot.views.texts import pick_language, text

log = logging.getLogger(__name__)


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


async def reply(update: Update, html: str, **kwargs: object) -> Message | None:
    """Answer the update's message in its chat (HTML, plain-text fallback)."""
    message = update.effective_message
    chat = update.effective_chat
    if chat is None:
        return None
    reply_to = message.message_id if message and not is_private(chat) else None
    return await send_html(update.get_bot(), chat.id, html, reply_to=reply_to, **kwargs)


async def language_of(rt: Runtime, update: Update) -> str:
    """The reply language for this chat and user."""
    chat = update.effective_chat
    chosen = (await rt.store.chats.settings(chat.id)).language if chat else None
    return language_for(update, chosen)


def language_for(update: Update, chosen: str | None) -> str:
    """The reply language given the chat's chosen one (None: the user's own)."""
    user = update.effective_user
    return pick_language(chosen, user.language_code if user else None)


# -- articles -----------------------------------------------------------------------------


async def accept_article(
    update: Update,
    context: ContextTypes.DEFAULT_TYPE,
    raw: str,
    *,
    merge: bool,
    reply_to: int | None = None,
) -> None:
    """Validate, limit and persist one article (or fragment of a paste)."""
    rt = runtime(context)
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    if await already_queued(rt, chat.id, message.message_id):
        return
    # Cleaning and checking a long paste takes tens of ms: off the loop, other chats go on.
    article, not_article = await asyncio.to_thread(
        _clean_and_check, raw, max_chars=rt.settings.max_article_chars,
        min_words=rt.settings.min_article_words)
    settings = await rt.store.chats.settings(chat.id)
    lang = pick_language(settings.language, user.language_code)
    fits = len(article) <= rt.settings.max_article_chars
    # Only a piece cut by the client near Telegram's limit waits for more of the same paste.
    more = merge and is_client_split(raw)
    if merge and fits and rt.intake.pending(chat.id, user.id):
        # The piece after a client split joins the paste whatever its length.
        if article.strip():
            await rt.intake.add(chat.id, user.id, message.message_id, article,
                                length=settings.length, language=lang,
                                reply_to=reply_to or message.message_id, more=more)
        return
    if not_article is not None:
        await reply(update, text(lang, not_article.key, **not_article.values))
        return
    existing = await rt.store.digests.find_by_content(chat.id, article, settings.length)
    # A re-sent article is answered with a whole digest: it counts like a new one.
    if await limit_refused(update, rt, lang, new_job=existing is None):
        return
    rt.limiter.record(user.id)
    if existing is not None:
        await send_digest(context.bot, chat.id, existing, lang, reply_to=message.message_id,
                          lead=text(lang, "duplicate", number=existing.number))
        return
    target = reply_to or message.message_id
    if more:
        await rt.intake.add(chat.id, user.id, message.message_id, article,
                            length=settings.length, language=lang, reply_to=target)
    else:
        job = await rt.store.jobs.enqueue(chat.id, user.id, article, (message.message_id,),
                                     length=settings.length, language=lang, reply_to=target,
                                     source=post_link(message.forward_origin))
        rt.worker.submit(job)


def _clean_and_check(raw: str, *, max_chars: int, min_words: int) -> tuple[str, NotArticle | None]:
    """The cleaned text and why it cannot start an article (None when it can)."""
    article = clean_text(raw)
    try:
        check_article(article, max_chars=max_chars, min_words=min_words)
    except NotArticle as exc:
        return article, exc
    return article, None


async def already_queued(rt: Runtime, chat_id: int, message_id: int) -> bool:
    """Whether this message already made a job (its update came again after a crash)."""
    if await rt.store.jobs.for_message(chat_id, message_id) is None:
        return False
    log.info("message %s of chat %s already has a job; re-delivery ignored", message_id, chat_id)
    return True


async def limit_refused(update: Update, rt: Runtime, lang: str, *, new_job: bool) -> bool:
    """Whether a limit refuses this article; the refusal is told once per burst."""
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    refusal = await over_limits(rt.store.jobs, rt.settings, rt.limiter, rt.intake, chat.id, user.id,
                                lang, new_job=new_job)
    if refusal and rt.refusals.first(chat.id, user.id):
        await reply(update, refusal)
    return refusal is not None


async def on_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Plain text or a forwarded post: an article, a fragment of one, or chat."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    body = message.text or message.caption or ""
    username = context.bot.username
    rt = runtime(context)
    user = update.effective_user
    pending = user is not None and rt.intake.pending(chat.id, user.id)
    if not is_private(chat) and not pending and not addressed(message, username):
        return
    # A forwarded post is whole (posts are ≤ 4096 chars); only pastes are split by clients.
    merge = message.forward_origin is None
    await accept_article(update, context, strip_mention(body, username), merge=merge)


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A .txt/.md/.html file: downloaded, decoded and summarised."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or message.document is None:
        return
    if not is_private(chat) and not addressed(message, context.bot.username):
        return
    await summarize_document(update, context, message, reply_to=None)


async def summarize_document(
    update: Update, context: ContextTypes.DEFAULT_TYPE, source: Message, *, reply_to: int | None
) -> None:
    """Check, download and decode `source`'s document, then accept it as an article."""
    rt = runtime(context)
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


async def on_media(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A sticker, photo, voice… without a caption: say what the bot can read."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    if is_private(chat) or addressed(message, context.bot.username):
        await reply(update, text(await language_of(runtime(context), update), "media_no_text"))


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command the bot doesn't have: point to /help (groups: only when addressed to us)."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or not message.text:
        return
    command = message.text.split()[0]
    if is_private(chat) or command.lower().endswith(f"@{(context.bot.username or '').lower()}"):
        await reply(update, text(await language_of(runtime(context), update), "unknown_command"))


async def on_edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An edited message: a note, never a second digest."""
    message, chat = update.edited_message, update.effective_chat
    if message is None or chat is None:
        return
    if is_private(chat) or addressed(message, context.bot.username):
        lang = await language_of(runtime(context), update)
        await send_html(context.bot, chat.id, text(lang, "edited"), reply_to=message.message_id)

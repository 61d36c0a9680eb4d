"""Messages that are links: each link becomes its own job; the worker fetches the page."""

from __future__ import annotations

import logging

from telegram import Message, MessageEntity, Update
from telegram.error import TelegramError
from telegram.ext import filters

from bot.handlers.conversation import addressed, is_private, reply
from bot.handlers.messages import on_text
from bot.links.urls import links_to_digest
from bot.paste.extract import strip_mention
from bot.runtime import BotContext, Runtime
from bot.services.intake.accept import already_queued
from bot.services.quota import charge, room
from bot.transport.placeholders import deliver_once
from bot.views.digests import buttons, duplicate_chunks
from bot.views.texts import pick_language, text
from storage import Job, StoredDigest

log = logging.getLogger(__name__)

_LINKISH = r"(?i)(?:https?://|www\.)\S"
# Messages that may be links; the handler decides, and hands the rest to `on_text`.
LINKS = (
    filters.Regex(_LINKISH) | filters.CaptionRegex(_LINKISH)
    | filters.Entity(MessageEntity.TEXT_LINK) | filters.CaptionEntity(MessageEntity.TEXT_LINK)
)


def hyperlinks(message: Message) -> list[str]:
    """The addresses behind the message's hyperlinked words."""
    entities = {**message.parse_entities([MessageEntity.TEXT_LINK]),
                **message.parse_caption_entities([MessageEntity.TEXT_LINK])}
    return [entity.url for entity in entities if entity.url]


async def on_link_message(update: Update, context: BotContext) -> None:
    """A link alone, with a comment, several links, or a forwarded post that is mostly a link."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    rt = context.rt
    username = context.bot.username
    # The next piece of an open paste, and group chatter, are not link requests.
    if (not is_private(chat) and not addressed(message, username)) or await rt.intake.pending(
            chat.id, user.id):
        await on_text(update, context)
        return
    body = strip_mention(message.text or message.caption or "", username)
    extra = hyperlinks(message)
    asked = links_to_digest(body, min_words=rt.settings.min_article_words,
                            forwarded=message.forward_origin is not None, extra=extra)
    if not asked.urls:
        await on_text(update, context)
        return
    await accept_links(update, context, asked.urls, skipped=asked.skipped)


async def summarize_links(update: Update, context: BotContext, body: str) -> bool:
    """`/summarize URL…`: True when the argument was links (they are queued), else False."""
    rt = context.rt
    asked = links_to_digest(body, min_words=rt.settings.min_article_words, forwarded=False)
    if asked.urls:
        await accept_links(update, context, asked.urls, skipped=asked.skipped)
    return bool(asked.urls)


async def accept_links(
    update: Update, context: BotContext, urls: list[str], *, skipped: int = 0
) -> None:
    """Answer links already digested from history; queue the others, one job each, in order.

    Only the known links before the first new one are answered here: a known link after it is
    queued too (the worker answers it from history), so the replies keep the message's order.
    Links not taken (`skipped` past the per-message limit, or past the pending cap) are named.
    """
    rt = context.rt
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    assert message is not None and chat is not None and user is not None
    if await already_queued(rt, chat.id, message.message_id):
        return
    settings = await rt.store.chats.settings(chat.id)
    lang = pick_language(settings.language, user.language_code)
    known = await _known_prefix(rt, chat.id, urls, settings.length)
    shown, refusal = _charge_known(update, rt, len(known), lang)
    # Refused part-way by the rate limit: the rest of the message waits for another one.
    fresh = urls[len(known):] if shown == len(known) else []
    room, refusal = await _room(update, rt, len(fresh), lang) if fresh else (0, refusal)
    refused = shown < len(known) or room is None
    fresh, room = (fresh, room) if room is not None else ([], 0)
    taken = [url for url, _ in known[:shown]] + fresh[:room]
    # One write for the whole message: a re-delivered update finds it, whatever it answered.
    jobs = await rt.store.jobs.enqueue_links(chat.id, user.id, taken, message.message_id,
                                        length=settings.length, language=lang,
                                        reply_to=message.message_id) if taken else []
    for job, (_, existing) in zip(jobs, known[:shown], strict=False):
        await _show_known(update, rt, job, existing, lang)
    for job in jobs[shown:]:
        rt.limiter.record(user.id)  # each link is an article against the rate limit
        rt.worker.submit(job)
    left = len(fresh) - room + skipped
    if refusal:  # after the answers it lets through, as each link is answered in order
        await reply(update, refusal)
    elif not refused and left > 0:
        await reply(update, text(lang, "link_too_many", taken=len(taken), left=left))


async def _known_prefix(rt: Runtime, chat_id: int, urls: list[str],
                        length: str) -> list[tuple[str, StoredDigest]]:
    """The links before the first new one, each with the chat's digest of it at `length`."""
    known: list[tuple[str, StoredDigest]] = []
    for url in urls:
        existing = await rt.store.digests.find_by_url(chat_id, url, length)
        if existing is None:
            break
        known.append((url, existing))
    return known


def _charge_known(update: Update, rt: Runtime, count: int, lang: str) -> tuple[int, str | None]:
    """How many of `count` known links the rate limit lets be answered (a whole digest per
    link counts like a new article), and its refusal to tell (once per burst)."""
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    for shown in range(count):
        allowed, refusal = charge(rt.limiter, rt.refusals, chat.id, user.id, lang)
        if not allowed:
            return shown, refusal
    return count, None


async def _room(update: Update, rt: Runtime, wanted: int,
                lang: str) -> tuple[int | None, str | None]:
    """How many new links the pending cap takes now (None when a limit refuses them), and the
    refusal to tell (once per burst)."""
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    limits = await room(rt.store.jobs, rt.settings, rt.limiter, rt.intake, chat.id, user.id, lang)
    if limits.refusal:
        return None, limits.refusal if rt.refusals.first(chat.id, user.id) else None
    # Several links count one each against the pending cap; the rest waits for another message.
    return min(wanted, max(1, rt.settings.max_pending_per_user - limits.pending)), None


async def _show_known(update: Update, rt: Runtime, job: Job, existing: StoredDigest,
                      lang: str) -> None:
    """Answer a link digested before with its digest (buttons under it), once per message.

    The answer goes through the job's placeholders: an update re-delivered
    after a crash finds the job and answers nothing; a crash before the job ends leaves it to
    start-up recovery, whose worker answers from history into the same messages. When Telegram
    will not take it now, the worker answers it the same way, with its retries.
    """
    try:
        await deliver_once(update.get_bot(), rt.store.jobs, rt.store.queue, job.chat_id, job.id,
                           duplicate_chunks(existing, lang), reply_to=job.reply_to,
                           placeholder=text(lang, "delivering"),
                           reply_markup=buttons(existing, lang))
    except TelegramError as exc:
        log.warning("link job %s: answer from history not shown yet: %s", job.id, exc)
        rt.worker.submit(job)
        return
    await rt.store.jobs.fail(job.chat_id, job.id, f"duplicate of #{existing.number}",
                            retry=False)

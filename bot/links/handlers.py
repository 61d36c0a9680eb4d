"""Messages that are links: each link becomes its own job; the worker fetches the page."""

from __future__ import annotations

from telegram import Message, MessageEntity, Update
from telegram.ext import ContextTypes, filters

from bot.digests import send_digest
from bot.extract import strip_mention
from bot.handlers import addressed, already_queued, is_private, limit_refused, on_text, reply
from bot.links.urls import find_links, links_to_digest
from bot.quota import charge
from bot.runtime import Runtime, runtime
from bot.texts import pick_language, text
from storage import StoredDigest

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


async def on_link_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A link alone, with a comment, several links, or a forwarded post that is mostly a link."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or user is None:
        return
    rt = runtime(context)
    username = context.bot.username
    # The next piece of an open paste, and group chatter, are not link requests.
    if rt.intake.pending(chat.id, user.id) or (not is_private(chat)
                                               and not addressed(message, username)):
        await on_text(update, context)
        return
    body = strip_mention(message.text or message.caption or "", username)
    extra = hyperlinks(message)
    urls = links_to_digest(body, min_words=rt.settings.min_article_words,
                           forwarded=message.forward_origin is not None, extra=extra)
    if not urls:
        await on_text(update, context)
        return
    await accept_links(update, context, urls, skipped=len(find_links(body, extra)) - len(urls))


async def summarize_links(update: Update, context: ContextTypes.DEFAULT_TYPE, body: str) -> bool:
    """`/summarize URL…`: True when the argument was links (they are queued), else False."""
    rt = runtime(context)
    urls = links_to_digest(body, min_words=rt.settings.min_article_words, forwarded=False)
    if urls:
        await accept_links(update, context, urls, skipped=len(find_links(body)) - len(urls))
    return bool(urls)


async def accept_links(
    update: Update, context: ContextTypes.DEFAULT_TYPE, urls: list[str], *, skipped: int = 0
) -> None:
    """Answer links already digested from history; queue the others, one job each, in order.

    Only the known links before the first new one are answered here: a known link after it is
    queued too (the worker answers it from history), so the replies keep the message's order.
    Links not taken (`skipped` past the per-message limit, or past the pending cap) are named.
    """
    rt = runtime(context)
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    assert message is not None and chat is not None and user is not None
    if await already_queued(rt, chat.id, message.message_id):
        return
    settings = await rt.store.chat_settings(chat.id)
    lang = pick_language(settings.language, user.language_code)
    fresh: list[str] = []
    for url in urls:
        existing = None if fresh else await rt.store.find_digest_by_url(chat.id, url,
                                                                        settings.length)
        if existing is None:
            fresh.append(url)
            continue
        if not await _show_known(update, rt, existing, lang):
            return
    queued = await _queue(update, rt, fresh, settings.length, lang) if fresh else 0
    if queued is None:
        return
    left = len(fresh) - queued + skipped
    if left > 0:
        taken = len(urls) - len(fresh) + queued
        await reply(update, text(lang, "link_too_many", taken=taken, left=left))


async def _queue(update: Update, rt: Runtime, fresh: list[str], length: str,
                 lang: str) -> int | None:
    """Queue as many links as the pending cap allows: how many, or None when refused."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    assert message is not None and chat is not None and user is not None
    if await limit_refused(update, rt, lang, new_job=True):
        return None
    # Several links count one each against the pending cap; the rest waits for another message.
    pending = await rt.store.pending_jobs(chat.id, user.id) + rt.intake.open_groups(user.id)
    room = max(1, rt.settings.max_pending_per_user - pending)
    jobs = await rt.store.enqueue_links(chat.id, user.id, fresh[:room], message.message_id,
                                        length=length, language=lang,
                                        reply_to=message.message_id)
    for job in jobs:
        rt.limiter.record(user.id)  # each link is an article against the rate limit
        rt.worker.submit(job)
    return min(room, len(fresh))


async def _show_known(update: Update, rt: Runtime, existing: StoredDigest, lang: str) -> bool:
    """Answer a link digested before with its digest; False when the rate limit refuses that
    (a whole digest per link: it counts like a new article, refused once per burst)."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    assert message is not None and chat is not None and user is not None
    allowed, refusal = charge(rt.limiter, rt.refusals, chat.id, user.id, lang)
    if not allowed:
        if refusal:
            await reply(update, refusal)
        return False
    await send_digest(update.get_bot(), chat.id, existing, lang, reply_to=message.message_id,
                      lead=text(lang, "duplicate", number=existing.number))
    return True

"""One article in: cleaned, checked, deduplicated, limited, then enqueued — once, here.

The handler parses the update into a `Sent` and renders the `Answer`; nothing else decides
whether a paste becomes a job. A re-sent article is answered here at once from history; the
worker looks again (bot/links/jobs.py same_story) only where this check could not be conclusive:
a job of the chat was in flight (the same article may be in it), merged pastes, fetched links.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from bot.paste.extract import NotArticle, check_article, clean_text
from bot.paste.shape import is_client_split
from bot.runtime import Runtime
from bot.services.quota import over_limits
from bot.views.texts import pick_language, text
from storage import ChatSettings, StoredDigest
from storage.folding import content_hash

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sent:
    """One message's text as the handler read it."""

    chat_id: int
    user_id: int
    message_id: int
    user_language: str | None  # the sender's Telegram language code
    raw: str
    merge: bool  # may join a client-split paste (not a forwarded post or a file)
    reply_to: int | None = None  # where the digest goes when not under the message itself
    source: str | None = None  # a forwarded public post's link


@dataclass(frozen=True)
class Answer:
    """What the reader is shown at once: a refusal, or the digest made before (else nothing)."""

    lang: str
    refusal: str | None = None
    duplicate: StoredDigest | None = None


async def already_queued(rt: Runtime, chat_id: int, message_id: int) -> bool:
    """Whether this message already made a job (its update came again after a crash)."""
    if await rt.store.jobs.for_message(chat_id, message_id) is None:
        return False
    log.info("message %s of chat %s already has a job; re-delivery ignored", message_id, chat_id)
    return True


async def accept(rt: Runtime, sent: Sent) -> Answer | None:
    """Validate, limit and persist one article (or fragment of a paste); None: nothing to show."""
    if await already_queued(rt, sent.chat_id, sent.message_id):
        return None
    # Cleaning and checking a long paste takes tens of ms: off the loop, other chats go on.
    article, not_article = await asyncio.to_thread(
        _clean_and_check, sent.raw, max_chars=rt.settings.max_article_chars,
        min_words=rt.settings.min_article_words)
    settings = await rt.store.chats.settings(sent.chat_id)
    lang = pick_language(settings.language, sent.user_language)
    fits = len(article) <= rt.settings.max_article_chars
    # Only a piece cut by the client near Telegram's limit waits for more of the same paste.
    more = sent.merge and is_client_split(sent.raw)
    if sent.merge and fits and await rt.intake.pending(sent.chat_id, sent.user_id):
        # The piece after a client split joins the paste whatever its length.
        if article.strip():
            await _add_piece(rt, sent, article, settings, lang, more=more)
        return None
    if not_article is not None:
        return Answer(lang, refusal=text(lang, not_article.key, **not_article.values))
    return await _new_article(rt, sent, article, settings, lang, more=more)


async def _new_article(rt: Runtime, sent: Sent, article: str, settings: ChatSettings, lang: str,
                       *, more: bool) -> Answer | None:
    # With no job of the chat in flight, no digest now means none to come: conclusive. (A chat's
    # updates are handled one at a time, bot/transport/lanes.py.)
    conclusive = not rt.worker.busy_in(sent.chat_id)
    # Hashed once per article, off the loop: the check here, the job, then its stored digest.
    hashed = await asyncio.to_thread(content_hash, article)
    existing = await rt.store.digests.find_by_content(sent.chat_id, hashed, settings.length)
    # A re-sent article is answered with a whole digest: it counts like a new one.
    refusal = await over_limits(rt.store.jobs, rt.settings, rt.limiter, rt.intake, sent.chat_id,
                                sent.user_id, lang, new_job=existing is None)
    if refusal is not None:  # told once per burst
        shown = refusal if rt.refusals.first(sent.chat_id, sent.user_id) else None
        return Answer(lang, refusal=shown) if shown else None
    rt.limiter.record(sent.user_id)
    if existing is not None:
        return Answer(lang, duplicate=existing)
    if more:
        await _add_piece(rt, sent, article, settings, lang, more=True)
        return None
    job = await rt.store.jobs.enqueue(sent.chat_id, sent.user_id, article, (sent.message_id,),
                                 length=settings.length, language=lang,
                                 reply_to=sent.reply_to or sent.message_id, source=sent.source,
                                 content_hash=hashed)
    rt.worker.submit(job, checked=conclusive)
    return None


async def _add_piece(rt: Runtime, sent: Sent, article: str, settings: ChatSettings, lang: str,
                     *, more: bool) -> None:
    await rt.intake.add(sent.chat_id, sent.user_id, sent.message_id, article,
                        length=settings.length, language=lang,
                        reply_to=sent.reply_to or sent.message_id, more=more)


def _clean_and_check(raw: str, *, max_chars: int, min_words: int) -> tuple[str, NotArticle | None]:
    """The cleaned text and why it cannot start an article (None when it can)."""
    article = clean_text(raw)
    try:
        check_article(article, max_chars=max_chars, min_words=min_words)
    except NotArticle as exc:
        return article, exc
    return article, None

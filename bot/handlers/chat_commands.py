"""Commands that change or inspect the chat: /delete, /clear, /settings, /stats."""

from __future__ import annotations

import html
import statistics

from telegram import Update

from bot.clock import zone_value
from bot.handlers.conversation import (
    args,
    digest_number,
    is_private,
    language_for,
    language_of,
    reply,
    where,
)
from bot.handlers.settings_menu import settings_view
from bot.runtime import BotContext
from bot.services.group_rules import may_manage
from bot.views.keyboards import clear_keyboard
from bot.views.texts import text


async def delete(update: Update, context: BotContext) -> None:
    """/delete N: remove digest #N of this chat."""
    rt, chat_id, lang = await where(update, context)
    number = digest_number(context)
    if number is None:
        await reply(update, text(lang, "delete_usage"))
        return
    stored = await rt.store.digests.get(chat_id, number)
    if stored is not None and not await _may_manage(update, context, stored.user_id):
        await reply(update, text(lang, "delete_refused"))
        return
    deleted = await rt.store.digests.delete(chat_id, number)
    await reply(update, text(lang, "deleted" if deleted else "not_found", number=number))


async def clear(update: Update, context: BotContext) -> None:
    """/clear: ask for confirmation with a button."""
    rt, chat_id, lang = await where(update, context)
    user = update.effective_user
    assert user is not None
    if not await _may_manage(update, context):
        await reply(update, text(lang, "clear_refused"))
        return
    total = (await rt.store.digests.history(chat_id, limit=1)).total
    if total == 0:
        await reply(update, text(lang, "history_empty"))
        return
    await reply(update, text(lang, "clear_confirm", total=total),
                reply_markup=clear_keyboard(user.id, lang))


async def settings(update: Update, context: BotContext) -> None:
    """/settings: length, language, engine and time zone as buttons; `/settings timezone NAME`."""
    rt = context.rt
    chat = update.effective_chat
    assert chat is not None
    current = await rt.store.chats.settings(chat.id)
    lang = language_for(update, current.language)
    if not await _may_manage(update, context):
        await reply(update, text(lang, "settings_refused"))
        return
    words = args(context).split()
    if len(words) == 2 and words[0].lower() in ("timezone", "tz", "muigio"):
        try:
            zone = zone_value(words[1])
        except ValueError:
            await reply(update, text(lang, "zone_unknown", zone=html.escape(words[1])))
            return
        current = await rt.store.chats.update_settings(chat.id, timezone=zone)
    body, keyboard = settings_view(lang, current, rt.engines.choices())
    await reply(update, body, reply_markup=keyboard)


async def _may_manage(
    update: Update, context: BotContext, author: int | None = None
) -> bool:
    """Private chats: yes; groups: an admin (or the author of the item in question)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return False
    return await may_manage(context.rt.admins, context.bot, chat.id, user.id,
                            private=is_private(chat), author_id=author)


async def stats(update: Update, context: BotContext) -> None:
    """/stats (admins): digests, queue, median latency, engine."""
    rt = context.rt
    user = update.effective_user
    lang = await language_of(rt, update)
    if not rt.policy.is_admin(user.id if user else None):
        await reply(update, text(lang, "admin_only"))
        return
    figures = await rt.store.admin.stats()
    latencies = rt.worker.latencies_ms
    median = figures.get("median_latency_ms") or (statistics.median(latencies) if latencies else 0)
    await reply(update, text(
        lang, "stats", digests=int(figures.get("digests", 0)), chats=int(figures.get("chats", 0)),
        queue=await rt.store.jobs.queue_length(), median_ms=round(float(median)),
        engine=rt.engines.describe(),
    ))

"""Slash commands: parse the arguments, call the store, render the reply."""

from __future__ import annotations

import html
import io
import statistics

from telegram import Bot, BotCommand, InputFile, Update
from telegram.ext import ContextTypes

from bot.clock import zone_of, zone_value
from bot.handlers.messages import (
    accept_article,
    is_private,
    language_for,
    language_of,
    reply,
    summarize_document,
)
from bot.handlers.settings_menu import settings_view
from bot.links.handlers import summarize_links
from bot.runtime import Runtime, runtime
from bot.services.group_rules import may_manage
from bot.services.quota import charge
from bot.transport.delivery import best_effort
from bot.views import browse
from bot.views import export as export_view
from bot.views.callbacks import fits
from bot.views.digests import send_digest
from bot.views.keyboards import clear_keyboard
from bot.views.texts import EN, VI, text
from storage import ExportOptions
from storage.exports import jsonl_line

COMMANDS = ("start", "help", "summarize", "history", "show", "search", "official", "officials",
            "delete", "clear", "export", "settings", "stats")


def menu(lang: str) -> list[BotCommand]:
    """The command menu registered with setMyCommands."""
    return [BotCommand(name, text(lang, f"cmd_{name}")) for name in COMMANDS]


def _args(context: ContextTypes.DEFAULT_TYPE) -> str:
    return " ".join(context.args or []).strip()


def _number(context: ContextTypes.DEFAULT_TYPE) -> int | None:
    arg = _args(context).lstrip("#")
    return int(arg) if arg.isdigit() and 0 < int(arg) < 10**9 else None


async def _where(
    update: Update, context: ContextTypes.DEFAULT_TYPE
) -> tuple[Runtime, int, str]:
    """The runtime, chat id and reply language of a command in a chat."""
    rt = runtime(context)
    chat = update.effective_chat
    assert chat is not None
    return rt, chat.id, await language_of(rt, update)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start: greeting."""
    await reply(update, text(await language_of(runtime(context), update), "start"))


async def help_(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help: how to use the bot."""
    await reply(update, text(await language_of(runtime(context), update), "help"))


async def summarize(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/summarize TEXT, or /summarize as a reply to a message (text, caption or document)."""
    message = update.effective_message
    if message is None:
        return
    body = (message.text or "").split(maxsplit=1)
    if len(body) > 1 and body[1].strip():
        if not await summarize_links(update, context, body[1]):
            await accept_article(update, context, body[1], merge=True)
        return
    replied = message.reply_to_message
    if replied is not None and replied.document is not None:
        await summarize_document(update, context, replied, reply_to=replied.message_id)
        return
    if replied is not None and (replied.text or replied.caption):
        if await summarize_links(update, context, replied.text or replied.caption or ""):
            return
        await accept_article(update, context, replied.text or replied.caption or "", merge=False,
                             reply_to=replied.message_id)
        return
    await reply(update, text(await language_of(runtime(context), update), "summarize_usage"))


async def history(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/history: newest first, five per page."""
    rt, chat_id, lang = await _where(update, context)
    body, keyboard = await browse.history_page(rt.store, chat_id, lang)
    await reply(update, body, reply_markup=keyboard)


async def show(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/show N: the full digest #N of this chat; /show alone: the latest one."""
    rt, chat_id, lang = await _where(update, context)
    number = _number(context)
    if number is None and _args(context):
        await reply(update, text(lang, "show_usage"))
        return
    if number is None:
        latest = (await rt.store.digests.history(chat_id, limit=1)).items
        stored = latest[0] if latest else None
        if stored is None:
            await reply(update, text(lang, "history_empty"))
            return
    else:
        stored = await rt.store.digests.get(chat_id, number)
    if stored is None:
        await reply(update, text(lang, "not_found", number=number))
        return
    # A whole digest per command: it counts against the rate limit like an article.
    user_id = update.effective_user.id if update.effective_user else chat_id
    allowed, refusal = charge(rt.limiter, rt.refusals, chat_id, user_id, lang)
    if not allowed:
        if refusal:
            await reply(update, refusal)
        return
    message = update.effective_message
    in_group = message is not None and not is_private(message.chat)
    await send_digest(context.bot, chat_id, stored, lang,
                      reply_to=message.message_id if in_group and message else None)


async def _paged_query(
    update: Update, context: ContextTypes.DEFAULT_TYPE, usage: str, page: browse.PageMaker
) -> None:
    """Shared body of /search and /official: usage hint when empty, else the first page."""
    rt, chat_id, lang = await _where(update, context)
    query = " ".join(_args(context).split())
    if not query:
        await reply(update, text(lang, usage))
        return
    # A query too long for a button, or one that looks like a token, travels as a token.
    fits_button = fits(query) and not query.startswith("~")
    key = query if fits_button else rt.remember_query(chat_id, query)
    body, keyboard = await page(rt.store, chat_id, lang, query, key)
    await reply(update, body, reply_markup=keyboard)


async def search(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/search TEXT: diacritic-insensitive search of this chat's digests."""
    await _paged_query(update, context, "search_usage", browse.search_page)


async def official(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/official NAME: digests naming a person."""
    await _paged_query(update, context, "official_usage", browse.official_page)


async def officials(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/officials: the most mentioned people in this chat's digests."""
    rt, chat_id, lang = await _where(update, context)
    body, keyboard = await browse.officials_page(rt.store, chat_id, lang)
    await reply(update, body, reply_markup=keyboard)


async def delete(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/delete N: remove digest #N of this chat."""
    rt, chat_id, lang = await _where(update, context)
    number = _number(context)
    if number is None:
        await reply(update, text(lang, "delete_usage"))
        return
    stored = await rt.store.digests.get(chat_id, number)
    if stored is not None and not await _may_manage(update, context, stored.user_id):
        await reply(update, text(lang, "delete_refused"))
        return
    deleted = await rt.store.digests.delete(chat_id, number)
    await reply(update, text(lang, "deleted" if deleted else "not_found", number=number))


async def clear(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/clear: ask for confirmation with a button."""
    rt, chat_id, lang = await _where(update, context)
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


async def export(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/export: the chat's history as .jsonl and .md documents."""
    rt, chat_id, lang = await _where(update, context)
    chat = update.effective_chat
    zone = zone_of((await rt.store.chats.settings(chat_id)).timezone)
    # Times in the chat's zone (named in the files); a group's files name no member.
    options = ExportOptions(zone=zone, user_ids=chat is not None and is_private(chat))
    # One walk over the history gives both files.
    records = [record async for batch in rt.store.exports.records(chat_id) for record in batch]
    if not records:
        await reply(update, text(lang, "export_empty"))
        return
    markdown = export_view.markdown(records, lang, options)
    jsonl = "".join(jsonl_line(record, options) + "\n" for record in records)
    name = f"tomtat-{abs(chat_id)}"
    for suffix, body, kind in ((".jsonl", jsonl, "export_jsonl"), (".md", markdown, "export_md")):
        caption = text(lang, "export_caption", total=len(records)) + " · " + text(lang, kind)
        await context.bot.send_document(
            chat_id, InputFile(io.BytesIO(body.encode()), filename=name + suffix), caption=caption
        )


async def settings(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/settings: length, language, engine and time zone as buttons; `/settings timezone NAME`."""
    rt = runtime(context)
    chat = update.effective_chat
    assert chat is not None
    current = await rt.store.chats.settings(chat.id)
    lang = language_for(update, current.language)
    if not await _may_manage(update, context):
        await reply(update, text(lang, "settings_refused"))
        return
    words = _args(context).split()
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
    update: Update, context: ContextTypes.DEFAULT_TYPE, author: int | None = None
) -> bool:
    """Private chats: yes; groups: an admin (or the author of the item in question)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return False
    return await may_manage(runtime(context).admins, context.bot, chat.id, user.id,
                            private=is_private(chat), author_id=author)


async def stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/stats (admins): digests, queue, median latency, engine."""
    rt = runtime(context)
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


async def register_menu(bot: Bot) -> None:
    """setMyCommands in Vietnamese (default) and English; best effort."""
    await best_effort(bot.set_my_commands(menu(VI)), "setMyCommands")
    await best_effort(bot.set_my_commands(menu(EN), language_code=EN), "setMyCommands en")

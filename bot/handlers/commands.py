"""Slash commands: parse the arguments, call the store, render the reply."""

from __future__ import annotations

import io

from telegram import Bot, BotCommand, InputFile, Update

from bot.handlers.conversation import (
    args,
    digest_number,
    is_private,
    language_of,
    reply,
    where,
    where_read,
)
from bot.handlers.documents import summarize_document
from bot.handlers.messages import accept_article
from bot.links.handlers import summarize_links
from bot.runtime import BotContext
from bot.services.quota import charge
from bot.transport.delivery import best_effort
from bot.views import browse
from bot.views import export as export_view
from bot.views.callbacks import fits
from bot.views.digests import send_digest
from bot.views.texts import EN, VI, text
from storage import ExportOptions
from storage.exports import jsonl_line

COMMANDS = ("start", "help", "summarize", "history", "show", "search", "official", "officials",
            "delete", "clear", "export", "settings", "stats")


def menu(lang: str) -> list[BotCommand]:
    """The command menu registered with setMyCommands."""
    return [BotCommand(name, text(lang, f"cmd_{name}")) for name in COMMANDS]


async def start(update: Update, context: BotContext) -> None:
    """/start: greeting."""
    await reply(update, text(await language_of(context.rt, update), "start"))


async def help_(update: Update, context: BotContext) -> None:
    """/help: how to use the bot."""
    await reply(update, text(await language_of(context.rt, update), "help"))


async def summarize(update: Update, context: BotContext) -> None:
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
    await reply(update, text(await language_of(context.rt, update), "summarize_usage"))


async def history(update: Update, context: BotContext) -> None:
    """/history: newest first, five per page."""
    rt, chat_id, reader = await where_read(update, context)
    body, keyboard = await browse.history_page(rt.store, chat_id, reader)
    await reply(update, body, reply_markup=keyboard)


async def show(update: Update, context: BotContext) -> None:
    """/show N: the full digest #N of this chat; /show alone: the latest one."""
    rt, chat_id, lang = await where(update, context)
    number = digest_number(context)
    if number is None and args(context):
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
    update: Update, context: BotContext, usage: str, page: browse.PageMaker
) -> None:
    """Shared body of /search and /official: usage hint when empty, else the first page."""
    rt, chat_id, reader = await where_read(update, context)
    query = " ".join(args(context).split())
    if not query:
        await reply(update, text(reader.lang, usage))
        return
    # A query too long for a button, or one that looks like a token, travels as a token.
    fits_button = fits(query) and not query.startswith("~")
    key = query if fits_button else rt.remember_query(chat_id, query)
    body, keyboard = await page(rt.store, chat_id, reader, query, key)
    await reply(update, body, reply_markup=keyboard)


async def search(update: Update, context: BotContext) -> None:
    """/search TEXT: diacritic-insensitive search of this chat's digests."""
    await _paged_query(update, context, "search_usage", browse.search_page)


async def official(update: Update, context: BotContext) -> None:
    """/official NAME: digests naming a person."""
    await _paged_query(update, context, "official_usage", browse.official_page)


async def officials(update: Update, context: BotContext) -> None:
    """/officials: the most mentioned people in this chat's digests."""
    rt, chat_id, lang = await where(update, context)
    body, keyboard = await browse.officials_page(rt.store, chat_id, lang)
    await reply(update, body, reply_markup=keyboard)


async def export(update: Update, context: BotContext) -> None:
    """/export: the chat's history as .jsonl and .md documents."""
    rt, chat_id, reader = await where_read(update, context)
    lang = reader.lang
    chat = update.effective_chat
    # Times in the chat's zone (named in the files); a group's files name no member.
    options = ExportOptions(zone=reader.zone, user_ids=chat is not None and is_private(chat))
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


async def register_menu(bot: Bot) -> None:
    """setMyCommands in Vietnamese (default) and English; best effort."""
    await best_effort(bot.set_my_commands(menu(VI)), "setMyCommands")
    await best_effort(bot.set_my_commands(menu(EN), language_code=EN), "setMyCommands en")

"""Wiring: the one place that builds the Application, its handlers and its resources."""

from __future__ import annotations

import logging
from typing import Any

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import (
    ApplicationBuilder,
    CommandHandler,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.clock import set_default_zone
from bot.handlers import buttons, chat_commands, commands, documents, guards, messages
from bot.handlers.digest_buttons import on_digest_button
from bot.links import handlers as link_handlers
from bot.paste.extract import NotArticle
from bot.redact import RedactToken
from bot.runtime import CONTEXT_TYPES, App, BotContext, Runtime
from bot.services.access import AccessPolicy
from bot.services.engines import EngineBox
from bot.services.intake.window import Intake, Refused
from bot.services.limits import RateLimiter
from bot.services.model_fetch import start_model_fetch
from bot.services.worker import Worker
from bot.settings import Settings, shown_db
from bot.transport.delivery import best_effort, send_html
from bot.transport.priority import PriorityRateLimiter
from bot.views.callbacks import (
    ClearAnswer,
    DeleteDigest,
    HistoryNav,
    Original,
    Resummarize,
    SearchNav,
    SetOption,
    Show,
)
from bot.views.texts import text
from storage import Job, Store
from summarizer.engines.base import Engine

log = logging.getLogger(__name__)

RATE_LIMIT_RETRIES = 3
# Every reply is HTML without link previews (bot/views render HTML; a fallback says plain).
DEFAULTS = Defaults(parse_mode=ParseMode.HTML,
                    link_preview_options=LinkPreviewOptions(is_disabled=True))


def file_base_url(api_base_url: str) -> str:
    """Telegram's file URL matching a Bot API URL (`…/bot` → `…/file/bot`)."""
    base = api_base_url.rstrip("/")
    return (base[: -len("/bot")] if base.endswith("/bot") else base) + "/file/bot"


async def _open(app: App, settings: Settings,
                engine: Engine | None) -> None:
    store = Store(settings.db_path)
    await store.open()
    engines = EngineBox(settings.engine, settings.model, engine, settings.threads)
    worker = Worker(store, app.bot, engines, settings)
    summarizes = settings.role != "ingress"  # an ingress process loads no model
    try:
        if summarizes:
            await worker.run_on_engine_thread(engines.default)
        await worker.run_on_engine_thread(engines.choices)
    except Exception:
        await worker.stop()
        await store.close()
        raise

    async def on_job(job: Job) -> None:
        worker.submit(job)

    async def on_reject(paste: Refused, exc: NotArticle) -> None:
        await best_effort(send_html(app.bot, paste.chat_id,
                                    text(paste.language, exc.key, **exc.values),
                                    reply_to=paste.reply_to), "refusal")

    if engine is None and summarizes:
        start_model_fetch(settings, engines)
    intake = Intake(store, window_s=settings.merge_window_s, max_chars=settings.max_article_chars,
                    on_job=on_job, on_reject=on_reject)
    app.bot_data.runtime = Runtime(
        settings=settings, store=store, intake=intake, worker=worker, engines=engines,
        policy=AccessPolicy.from_settings(settings),
        limiter=RateLimiter(settings.rate_limit_count, settings.rate_limit_window_s),
    )
    if summarizes:
        await worker.start()
    if settings.role == "worker":  # takes no updates: no pastes, no commands of its own
        log.info("tomtat started: role worker, engine %s, database %s", engines.describe(),
                 shown_db(settings.db_path))
        return
    resumed = await intake.recover(alone=settings.role == "all")
    log.info("tomtat started: role %s, engine %s, database %s, %s unfinished paste(s) resumed",
             settings.role, engines.describe(), shown_db(settings.db_path), resumed)
    await commands.register_menu(app.bot)


async def _close(app: App) -> None:
    rt, app.bot_data.runtime = app.bot_data.runtime, None
    if rt is None:
        return
    await rt.intake.close()
    await rt.worker.stop()
    await rt.store.close()
    log.info("tomtat stopped")


async def on_error(update: object, context: BotContext) -> None:
    """Log the failure; the user gets a kind note, never a stack trace."""
    log.error("handler failed", exc_info=context.error)
    if isinstance(update, Update) and update.effective_chat and update.effective_message:
        await best_effort(
            send_html(context.bot, update.effective_chat.id, text(None, "error")), "error note"
        )


def add_handlers(app: App) -> None:
    """Guards first (duplicates, access), then commands, buttons and messages."""
    app.add_handler(TypeHandler(Update, guards.drop_duplicates), group=-2)
    app.add_handler(TypeHandler(Update, guards.check_access), group=-1)
    app.add_handler(MessageHandler(filters.UpdateType.EDITED, messages.on_edited))
    app.add_handlers([
        CommandHandler("start", commands.start),
        CommandHandler("help", commands.help_),
        CommandHandler("summarize", commands.summarize),
        CommandHandler("history", commands.history),
        CommandHandler("show", commands.show),
        CommandHandler("search", commands.search),
        CommandHandler("official", commands.official),
        CommandHandler("officials", commands.officials),
        CommandHandler("delete", chat_commands.delete),
        CommandHandler("clear", chat_commands.clear),
        CommandHandler("export", commands.export),
        CommandHandler("settings", chat_commands.settings),
        CommandHandler("stats", chat_commands.stats),
    ])
    app.add_handler(buttons.ButtonHandler(
        buttons.button(Show, buttons.show),
        buttons.button(HistoryNav, buttons.history_page),
        buttons.button(SearchNav, buttons.results_page),
        buttons.button(ClearAnswer, buttons.clear_answer),
        buttons.button(SetOption, buttons.set_option),
        buttons.button(Resummarize, on_digest_button),
        buttons.button(Original, on_digest_button),
        buttons.button(DeleteDigest, on_digest_button),
    ))
    app.add_handler(MessageHandler(filters.COMMAND, messages.on_unknown_command))
    app.add_handler(MessageHandler(filters.Document.ALL, documents.on_document))
    app.add_handler(MessageHandler(link_handlers.LINKS & ~filters.COMMAND,
                                   link_handlers.on_link_message))
    app.add_handler(MessageHandler((filters.TEXT | filters.CAPTION) & ~filters.COMMAND,
                                   messages.on_text))
    app.add_handler(MessageHandler(
        filters.Sticker.ALL | filters.PHOTO | filters.VOICE | filters.VIDEO | filters.AUDIO
        | filters.ANIMATION | filters.VIDEO_NOTE, messages.on_media))
    app.add_error_handler(on_error)


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    engine: Engine | None = None,
    rate_limiter: bool = True,
) -> App:
    """The bot: Bot API at `settings.api_base_url`, store and worker opened in post_init."""
    if not settings.token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")
    set_default_zone(settings.timezone)

    async def post_init(app: App) -> None:
        await _open(app, settings, engine)

    builder = (
        ApplicationBuilder()
        .context_types(CONTEXT_TYPES)
        .defaults(DEFAULTS)
        .token(settings.token)
        .base_url(settings.api_base_url)
        .base_file_url(file_base_url(settings.api_base_url))
        .post_init(post_init)
        .post_shutdown(_close)
    )
    if rate_limiter:
        limiter: Any = PriorityRateLimiter(max_retries=RATE_LIMIT_RETRIES)
        builder = builder.rate_limiter(limiter)
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app = builder.build()
    add_handlers(app)
    return app


def configure_logging(settings: Settings) -> None:
    """Structured-enough INFO logs on stderr; the token never appears in them."""
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # httpx logs every request URL, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    if settings.token:
        for handler in logging.getLogger().handlers:
            handler.addFilter(RedactToken(settings.token))

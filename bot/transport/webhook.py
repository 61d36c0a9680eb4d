"""Webhook mode: Telegram POSTs updates; each is persisted by the handlers, then answered at once.

PTB's own webhook server answers 200 before any handler ran, so an update could be confirmed to
Telegram and lost in a crash. Here the handlers run first (they only store the fragment or job;
summaries happen in the background worker) and the answer waits for them at most `ack_within_s`,
so a slow handler never makes Telegram time out and re-deliver.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import secrets
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import tornado.httpserver
import tornado.netutil
import tornado.web
from telegram import Update
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest

from bot.runtime import App
from bot.settings import Settings
from bot.transport.lanes import Lanes
from bot.transport.launch import StartupError, launch, running, stop_on_signals
from bot.transport.update_json import NotAnUpdate, parse_update

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# Telegram's updates are a few KB; a document is sent as a file id, never inline.
MAX_BODY_BYTES = 1_000_000


@dataclass(frozen=True)
class WebhookConfig:
    """Where Telegram reaches us (url) and where we listen (host, port)."""

    url: str
    listen: str = "127.0.0.1"
    port: int = 8443
    secret: str = ""
    ack_within_s: float = 5.0

    @property
    def path(self) -> str:
        """The URL path the server answers on (the public URL's path)."""
        return urlsplit(self.url).path or "/"

    @classmethod
    def from_settings(cls, settings: Settings) -> WebhookConfig:
        """From settings; a random secret when none is configured (Telegram gets it anew)."""
        if not settings.webhook_url:
            raise ValueError("webhook mode needs a webhook URL (--webhook-url)")
        return cls(url=settings.webhook_url, listen=settings.webhook_listen,
                   port=settings.webhook_port,
                   secret=settings.webhook_secret or secrets.token_urlsafe(32))


@tornado.web.stream_request_body
class _UpdateHandler(tornado.web.RequestHandler):
    """Checks the secret from the headers alone, then reads at most MAX_BODY_BYTES of body."""

    def initialize(self, app: App, config: WebhookConfig,
                   lanes: Lanes) -> None:
        self.app, self.config, self.lanes = app, config, lanes
        self._chunks: list[bytes] = []
        self._size = 0

    def prepare(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.config.secret.encode()):
            log.warning("webhook request with a missing or wrong secret token refused")
            self._refuse(403)  # before a byte of the body is read: it is never taken in
            return
        declared = self.request.headers.get("Content-Length", "0")
        if not declared.isdigit() or int(declared) > MAX_BODY_BYTES:
            self._refuse(413)
            return
        # A chunked body has no Content-Length: the connection stops reading past the limit.
        self.request.connection.set_max_body_size(MAX_BODY_BYTES)  # type: ignore[union-attr]

    def _refuse(self, status: int) -> None:
        self.set_status(status)
        # The connection cannot be reused while an unread body is on it.
        self.set_header("Connection", "close")
        self.finish()

    def data_received(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size <= MAX_BODY_BYTES:
            self._chunks.append(chunk)

    async def post(self) -> None:
        if self._size > MAX_BODY_BYTES:
            self.set_status(413)
            return
        try:
            update = parse_update(b"".join(self._chunks), self.app.bot)
        except NotAnUpdate as exc:
            log.info("webhook body refused: %s", exc)
            self.set_status(400)
            return
        finally:
            self._chunks = []
        # In order within its chat, beside other chats (as in polling): a slow update of one
        # chat (a large document being read) holds up no other chat.
        task = self.lanes.take(update)
        # Storage spots an update sent again, so the lanes need not remember handled ones.
        self.lanes.confirmed(self.lanes.offset())
        try:  # a failing handler is logged by the lanes: re-delivery would not help, so 200
            await asyncio.wait_for(asyncio.shield(task), self.config.ack_within_s)
        except TimeoutError:
            log.warning("update %s still being handled; answering Telegram now", update.update_id)
        self.set_status(200)

    def log_exception(self, *args: Any) -> None:
        log.debug("webhook request failed", exc_info=True)


async def _initialize(app: App) -> None:
    delay = 1.0
    for attempt in range(5):
        try:
            await app.initialize()
            return
        except (NetworkError, TimedOut):
            if attempt == 4:
                raise
            log.warning("Telegram unreachable at start-up; retrying in %.0f s", delay)
            await asyncio.sleep(delay)
            delay *= 2


async def serve_webhook(app: App, config: WebhookConfig,
                        stop: asyncio.Event) -> None:
    """Run the application behind a webhook until `stop` is set, then shut down cleanly."""
    async with running(app, initialize=lambda: _initialize(app)):
        await _serve(app, config, stop)


async def _serve(app: App, config: WebhookConfig, stop: asyncio.Event) -> None:
    """Listen, tell Telegram where, wait for `stop`; the server and the lanes close first."""
    lanes = Lanes(app.process_update)
    server: tornado.httpserver.HTTPServer | None = None
    try:
        web = tornado.web.Application(
            [(config.path, _UpdateHandler, {"app": app, "config": config, "lanes": lanes})])
        try:
            sockets = tornado.netutil.bind_sockets(config.port, config.listen, socket.AF_UNSPEC)
        except OSError as exc:
            raise StartupError(f"cannot listen on {config.listen}:{config.port}: {exc}") from exc
        server = tornado.httpserver.HTTPServer(web, max_body_size=MAX_BODY_BYTES)
        server.add_sockets(sockets)
        # Pending updates stay queued at Telegram across restarts: never drop them.
        await app.bot.set_webhook(config.url, secret_token=config.secret,
                                  allowed_updates=Update.ALL_TYPES, drop_pending_updates=False)
        log.info("webhook mode: listening on %s:%s%s", config.listen, config.port, config.path)
        await stop.wait()
    finally:
        if server is not None:
            server.stop()
        await lanes.close(config.ack_within_s)


def run_webhook(settings: Settings, *, request: BaseRequest | None = None) -> int:
    """`tomtat run --webhook-url …`: serve until SIGINT/SIGTERM; returns the exit code."""
    config = WebhookConfig.from_settings(settings)

    async def serve(app: App) -> None:
        await serve_webhook(app, config, stop_on_signals())

    return launch(settings, serve, request=request)

"""The stub Bot API HTTP server: PTB's wire format, recording, fault injection, webhooks."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

import tornado.httpserver
import tornado.netutil
import tornado.web

from tests.support.stub_api.methods import BotApiState
from tests.support.stub_api.model import ApiCall, ApiError
from tests.support.stub_api.script import Scripting
from tests.support.stub_api.updates import UpdateQueue
from tests.support.stub_api.webhooks import WebhookDelivery, WebhookSender
from tests.support.stub_api.wire import (
    FAULT_KINDS,
    ApiHandler,
    Fault,
    FileHandler,
    fault_before,
    request_params,
)

DEFAULT_TOKEN = "123456:TEST-stub-token"
WELL_FORMED_TOKEN = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{1,100}")


class StubBotApi(Scripting):
    """A Bot API server on 127.0.0.1 for tests: `async with StubBotApi() as stub: stub.base_url`."""

    def __init__(
        self, token: str = DEFAULT_TOKEN, *, port: int = 0, webhook_retry_delay: float = 0.5,
        accept_any_token: bool = False,
    ) -> None:
        self.token = token
        self.accept_any_token = accept_any_token  # manual tries: any `123:abc`-shaped token
        self.on_refused_token: Callable[[str], None] | None = None
        self.on_result: Callable[[ApiCall, Any], None] | None = None
        self.state = BotApiState(token)
        self.updates = UpdateQueue()
        self.calls: list[ApiCall] = []
        self.pushed_at: dict[int, float] = {}
        self.errors: list[tuple[ApiCall, str]] = []  # every error answer (faults included)
        self.on_call: Callable[[ApiCall], None] | None = None
        self._changed = asyncio.Event()
        self._faults: dict[str, list[Fault]] = {}
        self._requested_port = port
        self.webhook = WebhookSender(self.updates, self._notify, webhook_retry_delay)
        self._server: tornado.httpserver.HTTPServer | None = None
        self._closed = False
        self.port = 0

    # -- lifecycle ---------------------------------------------------------------------------
    async def start(self) -> None:
        """Bind 127.0.0.1 (a free port unless one was given) and serve."""
        if self._closed or self._server is not None:
            raise RuntimeError("StubBotApi can be started once")
        app = tornado.web.Application(
            [
                (r"/bot([^/]+)/([A-Za-z]+)", ApiHandler, {"stub": self}),
                (r"/file/bot([^/]+)/(.+)", FileHandler, {"stub": self}),
            ]
        )
        sockets = tornado.netutil.bind_sockets(self._requested_port, "127.0.0.1", socket.AF_INET)
        self.port = sockets[0].getsockname()[1]
        self._server = tornado.httpserver.HTTPServer(app, max_body_size=64 * 1024 * 1024)
        self._server.add_sockets(sockets)

    async def stop(self) -> None:
        """Stop serving; idempotent."""
        self._closed = True
        await self.webhook.stop()
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None

    async def __aenter__(self) -> StubBotApi:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def webhook_url(self) -> str | None:
        """The URL the bot set with setWebhook (None: long polling)."""
        return self.webhook.url

    @property
    def webhook_secret(self) -> str | None:
        """The secret token the bot set with setWebhook."""
        return self.webhook.secret

    @property
    def webhook_deliveries(self) -> list[WebhookDelivery]:
        """Every POST of an update to the bot's webhook, in order."""
        return self.webhook.deliveries

    @property
    def base_url(self) -> str:
        """What TELEGRAM_API_BASE_URL should be (the token is appended by PTB)."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """Where files from getFile are downloaded."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    # -- faults ------------------------------------------------------------------------------
    def inject(
        self,
        method: str,
        kind: str,
        times: int = 1,
        *,
        retry_after: int = 1,
        status: int = 500,
        delay: float = 1.0,
        chat_id: int | None = None,
    ) -> None:
        """Make the next `times` calls of `method` (to `chat_id`, if given) fail: 429, 500,
        drop, drop_after or slow."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"fault kind must be one of {FAULT_KINDS}")
        self._faults.setdefault(method, []).append(
            Fault(kind, times, retry_after=retry_after, status=status, delay=delay,
                  chat_id=chat_id)
        )

    def _take_fault(self, method: str, chat_id: int | None) -> Fault | None:
        for key in (method, "*"):
            if key == "*" and method == "getUpdates":
                continue
            queue = self._faults.get(key, [])
            fault = next((f for f in queue if f.chat_id in (None, chat_id)), None)
            if fault is not None:
                fault.times -= 1
                if fault.times <= 0:
                    queue.remove(fault)
                return fault
        return None

    # -- requests ----------------------------------------------------------------------------
    def _accepts(self, token: str) -> bool:
        return token == self.token or (
            self.accept_any_token and WELL_FORMED_TOKEN.fullmatch(token) is not None
        )

    async def _serve(self, handler: ApiHandler, token: str, method: str) -> None:
        received = time.monotonic()
        try:
            params, files = request_params(handler.request)
        except (ValueError, UnicodeDecodeError):
            params, files = {}, {}
        chat = params.get("chat_id", "")
        chat_id = int(chat) if chat.lstrip("-").isdigit() else None
        known = self._accepts(token)
        fault = self._take_fault(method, chat_id) if known else None
        call = ApiCall(
            len(self.calls) + 1, method, params, files, received, fault.kind if fault else None
        )
        self.calls.append(call)
        if self.on_call is not None:
            self.on_call(call)
        try:
            if not known:
                if self.on_refused_token is not None:
                    self.on_refused_token(token)
                raise ApiError(401, "Unauthorized")
            if fault is not None and await fault_before(fault, handler):
                return
            result = await self._invoke(method, call, handler)
            body: dict[str, Any] = {"ok": True, "result": result}
            handler.set_status(200)
            if self.on_result is not None:
                self.on_result(call, result)
        except ApiError as err:
            body = err.body()
            handler.set_status(err.code)
            self.errors.append((call, err.description))
        finally:
            self._notify()
        if fault is not None and fault.kind == "drop_after":
            handler.detach().close()
            return
        if not handler.gone.is_set():
            handler.set_header("Content-Type", "application/json")
            handler.finish(json.dumps(body, ensure_ascii=False))

    async def _invoke(self, method: str, call: ApiCall, handler: ApiHandler) -> Any:
        if method == "getUpdates":
            if self.webhook_url:
                raise ApiError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is "
                    "active; use deleteWebhook to delete the webhook first",
                )
            timeout = float(call.get("timeout") or 0)
            return await self.updates.get_updates(
                call.get_int("offset"), call.get_int("limit") or 100, timeout, handler.gone
            )
        if method == "setWebhook":
            return await self.webhook.set(call)
        if method == "deleteWebhook":
            if call.get("drop_pending_updates") in ("true", "True", "1"):
                self.updates.drop_all()
            await self.webhook.stop()
            return True
        if method == "getWebhookInfo":
            return {
                "url": self.webhook_url or "",
                "has_custom_certificate": False,
                "pending_update_count": self.updates.pending,
            }
        action = self.state.methods.get(method)
        if action is None:
            raise ApiError(404, "Not Found: method not found")
        return action(call)

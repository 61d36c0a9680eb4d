"""The stub's HTTP side: request handlers, form and JSON parameters, injected faults."""

from __future__ import annotations

import asyncio
import json
import urllib.parse
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import tornado.web

from tests.support.stub_api.model import ApiError, UploadedFile

if TYPE_CHECKING:
    from tests.support.stub_api.server import StubBotApi

FAULT_KINDS = ("429", "500", "drop", "drop_after", "slow")


@dataclass
class Fault:
    """An injected failure for the next `times` calls of a method ("*" = any but getUpdates)."""

    kind: str
    times: int
    retry_after: int = 1
    status: int = 500
    delay: float = 1.0
    chat_id: int | None = None  # only calls addressed to this chat


class ApiHandler(tornado.web.RequestHandler):
    """One Bot API method call: served by the stub."""

    def initialize(self, stub: StubBotApi) -> None:
        self.stub = stub
        self.gone = asyncio.Event()

    def on_connection_close(self) -> None:
        self.gone.set()

    async def get(self, token: str, method: str) -> None:
        await self.stub._serve(self, token, method)

    post = get


class FileHandler(tornado.web.RequestHandler):
    """A file download (getFile's path), for the token the stub accepts."""

    def initialize(self, stub: StubBotApi) -> None:
        self.stub = stub

    def get(self, token: str, path: str) -> None:
        file_id = self.stub.state.file_paths.get(path)
        if not self.stub._accepts(urllib.parse.unquote(token)) or file_id is None:
            self.set_status(404)
            self.finish(json.dumps({"ok": False, "error_code": 404, "description": "Not Found"}))
            return
        self.finish(self.stub.state.files[file_id].content)


def request_params(request: Any) -> tuple[dict[str, str], dict[str, UploadedFile]]:
    """Request parameters as raw strings (JSON-encoding non-strings of a JSON body)."""
    params: dict[str, str] = {}
    for source in (request.query_arguments, request.body_arguments):
        for name, values in source.items():
            params[name] = values[-1].decode("utf-8")
    if request.headers.get("Content-Type", "").startswith("application/json") and request.body:
        for name, value in json.loads(request.body).items():
            params[name] = value if isinstance(value, str) else json.dumps(value)
    files = {
        name: UploadedFile(parts[-1].filename, parts[-1].body, parts[-1].content_type)
        for name, parts in request.files.items()
    }
    return params, files


async def fault_before(fault: Fault, handler: ApiHandler) -> bool:
    """Apply an injected fault before the method runs; True when the request is over."""
    if fault.kind == "slow":
        await asyncio.sleep(fault.delay)
        return handler.gone.is_set()  # the client died waiting: as if never received
    if fault.kind == "429":
        raise ApiError(
            429, f"Too Many Requests: retry after {fault.retry_after}",
            {"retry_after": fault.retry_after},
        )
    if fault.kind == "500":
        raise ApiError(fault.status, "Internal Server Error")
    if fault.kind == "drop":
        handler.detach().close()
        return True
    return False

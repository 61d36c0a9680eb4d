"""A fake Bot API behind PTB's request seam: records every call, answers with canned JSON.

Used by the unit tests (and reusable by benchmarks): no network, and failures can be injected
per method (HTTP status, description, retry_after). Its chats and messages are the stub server's
data model (tests/support/stub_api/state.py), so both fakes answer with the same objects.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

from tests.support import telegram_objects as tg
from tests.support.stub_api.state import ChatState

BOT_ID = 999_000
BOT_USERNAME = "tomtat_test_bot"


@dataclass
class Call:
    """One Bot API call as the bot made it."""

    method: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    result: Any = None


@dataclass
class Fault:
    """An injected failure for the next call of a method."""

    status: int = 500
    description: str = "Internal Server Error"
    retry_after: int | None = None


class FakeBotAPI(BaseRequest):
    """In-memory Bot API: messages get increasing ids; edits replace what a chat shows."""

    def __init__(self, username: str = BOT_USERNAME) -> None:
        self.username = username
        self.calls: list[Call] = []
        self.files: dict[str, bytes] = {}
        self.updates: deque[dict[str, Any]] = deque()
        self.faults: dict[str, deque[Fault]] = {}
        self.state = ChatState(f"{BOT_ID}:fake", username)  # chats and the bot's messages
        self.admins = self.state.admins  # group → its administrators (getChatMember)
        # Ids from one counter, above the harness's own: a bot message never takes a user's id.
        self._next_id = 10_000

    @property
    def read_timeout(self) -> float | None:
        """Default read timeout (unused: nothing waits)."""
        return 5.0

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    # -- test helpers --------------------------------------------------------------------

    def fail(self, method: str, times: int = 1, **fault: Any) -> None:
        """Make the next `times` calls of `method` fail with the given fault."""
        self.faults.setdefault(method, deque()).extend(Fault(**fault) for _ in range(times))

    def of(self, method: str) -> list[Call]:
        """Every recorded call of one method."""
        return [c for c in self.calls if c.method == method]

    def visible(self, chat_id: int) -> list[str]:
        """What the chat shows now, oldest message first (edits applied)."""
        box = self.state.messages.get(chat_id, {})
        return [m.text for _, m in sorted(box.items()) if m.text is not None and not m.deleted]

    def bot_user(self) -> dict[str, Any]:
        """The bot's own User object."""
        return self.state.bot_user

    # -- the seam ------------------------------------------------------------------------

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        """Record the call and return Telegram-shaped JSON."""
        if "/file/bot" in url:
            path = url.split("/file/bot", 1)[1].split("/", 1)[1]
            return (200, self.files[path]) if path in self.files else (404, b"")
        api = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        files: dict[str, bytes] = {}
        if request_data and request_data.contains_files:
            for name, part in request_data.multipart_data.items():
                content = part[1]
                files[part[0] or name] = content if isinstance(content, bytes) else content.read()
        call = Call(api, params, files)
        self.calls.append(call)
        queue = self.faults.get(api)
        if queue:
            fault = queue.popleft()
            body: dict[str, Any] = {"ok": False, "error_code": fault.status,
                                    "description": fault.description}
            if fault.retry_after is not None:
                body["parameters"] = {"retry_after": fault.retry_after}
            return fault.status, json.dumps(body).encode()
        if api == "getUpdates" and not self.updates:
            # Long polling: an empty answer comes only after a (short) wait.
            await asyncio.sleep(min(float(str(params.get("timeout") or 0)), 0.05))
        result = call.result = self._result(api, params, files)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _message(self, chat_id: int, text: str | None, message_id: int | None = None,
                 **extra: Any) -> dict[str, Any]:
        """A new bot message (or, with `message_id`, that one edited) as the Message object."""
        chat = int(chat_id)
        self.state.ensure_chat(chat)
        if message_id is None:
            self._next_id += 1
            message_id = self._next_id
        message = self.state.messages[chat].get(message_id)
        if message is None:
            message = self.state.add_message(chat, from_bot=True, user_id=None,
                                             message_id=message_id, extra=extra)
        elif text is not None and message.text is not None and message.text != text:
            message.history.append(message.text)
        if text is not None:
            message.text = text
        return self.state.message_api(message)

    def _delete(self, chat_id: int, message_id: int) -> None:
        found = self.state.messages.get(chat_id, {}).get(message_id)
        if found is not None:
            found.deleted = True

    def _result(self, api: str, params: dict[str, Any], files: dict[str, bytes]) -> Any:
        if api == "getMe":
            return self.bot_user()
        if api == "getUpdates":
            offset = int(str(params.get("offset") or 0))
            while self.updates and self.updates[0]["update_id"] < offset:
                self.updates.popleft()  # confirmed by the offset
            limit = int(str(params.get("limit") or 100))
            return list(self.updates)[:limit]
        if api == "sendMessage":
            return self._message(params["chat_id"], params["text"])
        if api == "editMessageText":
            return self._message(params["chat_id"], params["text"], int(params["message_id"]))
        if api == "sendDocument":
            name = next(iter(files), "document")
            self._next_id += 1
            return self._message(params["chat_id"], None, document={
                "file_id": f"doc{self._next_id}", "file_unique_id": f"u{self._next_id}",
                "file_name": name})
        if api == "getFile":
            file_id = params["file_id"]
            return {"file_id": file_id, "file_unique_id": f"u-{file_id}",
                    "file_size": len(self.files.get(f"documents/{file_id}", b"")),
                    "file_path": f"documents/{file_id}"}
        if api == "getChatMember":
            user_id = int(params["user_id"])
            admin = user_id in self.admins.get(int(params["chat_id"]), set())
            return tg.chat_member(tg.user(user_id, "Lan"), admin=admin)
        if api == "deleteMessage":
            self._delete(int(params["chat_id"]), int(params["message_id"]))
        return True

"""What tests script on the stub: users sending things, pressing buttons, waiting for replies."""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import Callable
from typing import Any, TypeVar

from tests.support.stub_api.html_check import utf16_len
from tests.support.stub_api.methods import BotApiState
from tests.support.stub_api.model import ApiCall, StubMessage, UploadedFile
from tests.support.stub_api.updates import UpdateQueue

T = TypeVar("T")
_COMMAND = re.compile(r"^/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?")
_MENTION = re.compile(r"@[A-Za-z0-9_]{5,32}")


class Scripting:
    """Mixin for StubBotApi: push updates, inspect what the bot sent, wait for it."""

    state: BotApiState
    updates: UpdateQueue
    calls: list[ApiCall]
    pushed_at: dict[int, float]  # update_id → time.monotonic() when pushed
    _changed: asyncio.Event

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    def _push(self, kind: str, payload: dict[str, Any]) -> int:
        update_id = self.updates.push({kind: payload})
        self.pushed_at[update_id] = time.monotonic()
        self._notify()
        return update_id

    def push_message(
        self,
        chat_id: int,
        user_id: int | None = None,
        *,
        chat_type: str | None = None,
        language_code: str | None = "vi",
        reply_to: int | None = None,
        **fields: Any,
    ) -> StubMessage:
        """A user sends any message; fields are extra Message fields (sticker, photo, caption…)."""
        user_id = chat_id if user_id is None else user_id
        self.state.ensure_chat(chat_id, chat_type)
        self.state.ensure_user(user_id, language_code)
        text = fields.pop("text", None)
        caption = fields.pop("caption", None)
        document = fields.pop("document", None)
        message = self.state.add_message(
            chat_id,
            from_bot=False,
            user_id=user_id,
            text=text,
            caption=caption,
            document=document,
            reply_to=reply_to,
            extra=fields,
        )
        self._push("message", self.state.message_api(message))
        return message

    def push_text(
        self, chat_id: int, user_id: int | None = None, text: str = "", **kw: Any
    ) -> StubMessage:
        """A user sends text; a leading /command and @mentions get their entities, as clients do."""
        entities = list(kw.pop("entities", []))
        command = _COMMAND.match(text)
        if command:
            entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(command[0])})
        for mention in _MENTION.finditer(text):
            if not (command and mention.start() < command.end()):
                entities.append(
                    {
                        "type": "mention",
                        "offset": utf16_len(text[: mention.start()]),
                        "length": utf16_len(mention[0]),
                    }
                )
        if entities:
            kw["entities"] = entities
        return self.push_message(chat_id, user_id, text=text, **kw)

    def push_document(
        self,
        chat_id: int,
        user_id: int | None = None,
        content: bytes = b"",
        *,
        filename: str = "article.txt",
        mime_type: str = "text/plain",
        caption: str | None = None,
        **kw: Any,
    ) -> StubMessage:
        """A user sends a file; the bot can getFile and download it from the stub."""
        file = UploadedFile(filename, content, mime_type)
        self.state.add_file(file)
        return self.push_message(chat_id, user_id, document=file, caption=caption, **kw)

    def push_edit(self, chat_id: int, message_id: int, text: str) -> int:
        """The user edits an earlier message: an edited_message update."""
        message = self.state.messages[chat_id][message_id]
        message.history.append(message.text or "")
        message.text = text
        return self._push("edited_message", self.state.message_api(message))

    def push_callback(self, chat_id: int, user_id: int | None, message_id: int, data: str) -> str:
        """A user presses an inline button (data may be forged); returns the query id."""
        user_id = chat_id if user_id is None else user_id
        user = self.state.users.get(user_id) or self.state.ensure_user(user_id)
        query_id = f"cb{len(self.state.callbacks) + 1}"
        self.state.callbacks[query_id] = None
        query: dict[str, Any] = {
            "id": query_id,
            "from": user,
            "chat_instance": f"ci{chat_id}",
            "data": data,
        }
        message = self.state.messages.get(chat_id, {}).get(message_id)
        if message is not None:
            query["message"] = self.state.message_api(message)
        self._push("callback_query", query)
        return query_id

    def redeliver(self, update_id: int) -> None:
        """Telegram sends an update again with the same update_id."""
        self.updates.redeliver(update_id)
        self._notify()

    # -- inspecting --------------------------------------------------------------------------
    def messages_to(self, chat_id: int, *, include_deleted: bool = False) -> list[StubMessage]:
        """The bot's messages in a chat, oldest first (current text after edits)."""
        box = self.state.messages.get(chat_id, {})
        return [m for m in box.values() if m.from_bot and (include_deleted or not m.deleted)]

    def calls_to(self, method: str, chat_id: int | None = None) -> list[ApiCall]:
        """Recorded calls of one method (optionally for one chat)."""
        return [
            c
            for c in self.calls
            if c.method == method and (chat_id is None or c.chat_id == chat_id)
        ]

    def callback_answer(self, query_id: str) -> str | None:
        """The text the bot answered a callback query with ("" = no text, None = unanswered)."""
        return self.state.callbacks.get(query_id)

    async def wait_for(self, predicate: Callable[[], T], timeout: float = 10.0) -> T:
        """Return the predicate's first truthy value, re-checked after every call to the stub."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = predicate()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                recent = ", ".join(
                    f"{c.method}{'!' + c.fault if c.fault else ''}"
                    for c in self.calls[-15:]
                    if c.method != "getUpdates"
                )
                raise TimeoutError(f"condition not met in {timeout}s; recent calls: {recent}")
            changed = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), min(remaining, 0.5))

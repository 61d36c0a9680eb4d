"""The stub's view of Telegram: chats, users, their messages and files, as Bot API objects."""

from __future__ import annotations

import time
from typing import Any

from tests.support import telegram_objects as tg
from tests.support.stub_api.model import StubMessage, UploadedFile, bad_request


class ChatState:
    """What the stub knows: chats, users, their messages and files."""

    def __init__(self, token: str, username: str = "tomtat_test_bot") -> None:
        bot_id = int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 1
        self.bot_user: dict[str, Any] = tg.bot_user(bot_id, username)
        self.chats: dict[int, dict[str, Any]] = {}
        self.messages: dict[int, dict[int, StubMessage]] = {}
        self.users: dict[int, dict[str, Any]] = {}
        self.files: dict[str, UploadedFile] = {}
        self.file_paths: dict[str, str] = {}
        self.commands: dict[str, list[dict[str, str]]] = {}
        self.callbacks: dict[
            str, str | None
        ] = {}  # query id → answer text ("" = answered, no text)
        self.admins: dict[int, set[int]] = {}  # group → its administrators (getChatMember)
        self._next_file = 1

    # -- chats, users, messages ------------------------------------------------------------
    def ensure_chat(
        self, chat_id: int, chat_type: str | None = None, title: str | None = None
    ) -> None:
        """Create the chat on first sight: positive ids are private chats, negative ones groups."""
        if chat_id in self.chats:
            return
        kind = chat_type or tg.chat_type(chat_id)
        name = f"User {chat_id}" if kind == "private" else title or f"Group {chat_id}"
        self.chats[chat_id] = tg.chat(chat_id, kind, name=name)
        self.messages[chat_id] = {}

    def ensure_user(self, user_id: int, language_code: str | None = "vi") -> dict[str, Any]:
        """The Telegram User object for a test user (language as given on the latest push)."""
        user = tg.user(user_id, f"User {user_id}", language_code)
        self.users[user_id] = user
        return user

    def chat(self, chat_id: int) -> dict[str, Any]:
        """The Chat object, or Telegram's "chat not found"."""
        if chat_id not in self.chats:
            raise bad_request("chat not found")
        return self.chats[chat_id]

    def add_message(
        self, chat_id: int, *, from_bot: bool, user_id: int | None,
        message_id: int | None = None, **fields: Any
    ) -> StubMessage:
        """Store a new message with the chat's next message id (or the one given)."""
        self.chat(chat_id)
        box = self.messages[chat_id]
        message = StubMessage(
            chat_id=chat_id,
            message_id=max(box, default=0) + 1 if message_id is None else message_id,
            from_bot=from_bot,
            user_id=user_id,
            date=int(time.time()),
            **fields,
        )
        box[message.message_id] = message
        return message

    def message_api(self, message: StubMessage, *, depth: int = 0) -> dict[str, Any]:
        """The Message object Telegram would send for this message."""
        sender = self.bot_user if message.from_bot else self.users.get(message.user_id or 0)
        body: dict[str, Any] = {
            "message_id": message.message_id,
            "date": message.date,
            "chat": self.chats[message.chat_id],
        }
        if sender:
            body["from"] = sender
        if message.text is not None:
            body["text"] = message.text
        if message.caption is not None:
            body["caption"] = message.caption
        if message.document is not None:
            body["document"] = self._document_api(message.document)
        if message.reply_markup:
            body["reply_markup"] = message.reply_markup
        if message.history:
            body["edit_date"] = int(time.time())
        replied = self.messages[message.chat_id].get(message.reply_to or 0)
        if replied is not None and depth == 0:
            body["reply_to_message"] = self.message_api(replied, depth=1)
        body.update(message.extra)
        return body

    def add_file(self, file: UploadedFile) -> str:
        """Keep a file (pushed or uploaded) and return its file_id."""
        file_id = f"file-{self._next_file}"
        self._next_file += 1
        self.files[file_id] = file
        return file_id

    def _document_api(self, file: UploadedFile) -> dict[str, Any]:
        file_id = next((k for k, v in self.files.items() if v is file), None) or self.add_file(file)
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": file.filename,
            "mime_type": file.content_type,
            "file_size": len(file.content),
        }

"""The synchronous Bot API methods of the stub (webhooks and getUpdates live in the server)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.support import telegram_objects as tg
from tests.support.stub_api.html_check import MAX_CAPTION, EntityError, shown_text
from tests.support.stub_api.model import ApiCall, StubMessage, bad_request
from tests.support.stub_api.state import ChatState

_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")
MAX_DOWNLOAD = 20 * 1024 * 1024  # getFile refuses bigger files, as Telegram does


class BotApiState(ChatState):
    """Chats and messages plus the methods that act on them, validated as Telegram does."""

    def __init__(self, token: str, username: str = "tomtat_test_bot") -> None:
        super().__init__(token, username)
        self.methods: dict[str, Callable[[ApiCall], Any]] = {
            "getMe": lambda call: self.bot_user,
            "sendMessage": self.send_message,
            "editMessageText": self.edit_message_text,
            "editMessageReplyMarkup": self.edit_reply_markup,
            "deleteMessage": self.delete_message,
            "deleteMessages": self.delete_messages,
            "sendChatAction": self.send_chat_action,
            "setMyCommands": self.set_my_commands,
            "getMyCommands": lambda call: self.commands.get(self._scope_key(call), []),
            "deleteMyCommands": lambda call: bool(self.commands.pop(self._scope_key(call), True)),
            "answerCallbackQuery": self.answer_callback_query,
            "sendDocument": self.send_document,
            "getFile": self.get_file,
            "getChat": lambda call: self.chat(self._chat_id(call)),
            "getChatMember": self.get_chat_member,
            "close": lambda call: True,
            "logOut": lambda call: True,
        }

    # -- helpers -----------------------------------------------------------------------------
    def _chat_id(self, call: ApiCall) -> int:
        chat_id = call.chat_id
        if chat_id is None:
            raise bad_request(
                "chat_id is empty" if call.get("chat_id") is None else "chat not found"
            )
        self.chat(chat_id)
        return chat_id

    def _bot_message(self, call: ApiCall, verb: str) -> StubMessage:
        chat_id = self._chat_id(call)
        message = self.messages[chat_id].get(call.get_int("message_id") or 0)
        if message is None or message.deleted:
            raise bad_request(f"message to {verb} not found")
        if not message.from_bot and verb == "edit":
            raise bad_request("message can't be edited")
        return message

    def _markup(self, call: ApiCall) -> dict[str, Any] | None:
        markup = call.get_json("reply_markup")
        if not markup:
            return None
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if not button.get("text"):
                    raise bad_request("text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode("utf-8")) <= 64:
                    raise bad_request("BUTTON_DATA_INVALID")
        return dict(markup)

    def _text(self, call: ApiCall, name: str = "text") -> tuple[str, str]:
        source = call.get(name) or ""
        try:
            return shown_text(source, call.get("parse_mode")), source
        except (EntityError, ValueError) as err:
            raise bad_request(str(err)) from None

    def _reply_to(self, call: ApiCall, chat_id: int) -> int | None:
        params = call.get_json("reply_parameters") or {}
        target = params.get("message_id") or call.get_int("reply_to_message_id")
        if target and target not in self.messages[chat_id]:
            if not (
                params.get("allow_sending_without_reply")
                or call.get("allow_sending_without_reply") == "true"
            ):
                raise bad_request("message to be replied not found")
            return None
        return int(target) if target else None

    def _send(self, call: ApiCall, chat_id: int, **fields: Any) -> dict[str, Any]:
        """A new bot message with the call's keyboard and reply target (both checked first)."""
        markup, reply_to = self._markup(call), self._reply_to(call, chat_id)
        message = self.add_message(chat_id, from_bot=True, user_id=None, reply_markup=markup,
                                   reply_to=reply_to, **fields)
        return self.message_api(message)

    @staticmethod
    def _scope_key(call: ApiCall) -> str:
        return json.dumps([call.get_json("scope"), call.get("language_code")])

    # -- Bot API methods -------------------------------------------------------------------
    def send_message(self, call: ApiCall) -> dict[str, Any]:
        """sendMessage: validates markup and length exactly where Telegram would refuse."""
        chat_id = self._chat_id(call)
        text, source = self._text(call)
        return self._send(call, chat_id, text=text, source=source,
                          parse_mode=call.get("parse_mode"))

    def edit_message_text(self, call: ApiCall) -> dict[str, Any]:
        """editMessageText, including Telegram's "message is not modified" refusal."""
        message = self._bot_message(call, "edit")
        text, source = self._text(call)
        markup = self._markup(call)
        if message.document is not None:
            raise bad_request("there is no text in the message to edit")
        if (text, source, markup) == (message.text, message.source, message.reply_markup):
            raise bad_request(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        message.history.append(message.text or "")
        message.text, message.source, message.reply_markup = text, source, markup
        message.parse_mode = call.get("parse_mode")
        return self.message_api(message)

    def edit_reply_markup(self, call: ApiCall) -> dict[str, Any]:
        """editMessageReplyMarkup."""
        message = self._bot_message(call, "edit")
        markup = self._markup(call)
        if markup == message.reply_markup:
            raise bad_request(
                "message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup "
                "of the message"
            )
        message.reply_markup = markup
        return self.message_api(message)

    def delete_message(self, call: ApiCall) -> bool:
        """deleteMessage (bots may delete users' messages too, as in a private chat)."""
        message = self._bot_message(call, "delete")
        message.deleted = True
        return True

    def delete_messages(self, call: ApiCall) -> bool:
        """deleteMessages: missing ones are skipped silently, as Telegram does."""
        chat_id = self._chat_id(call)
        for message_id in call.get_json("message_ids") or []:
            message = self.messages[chat_id].get(int(message_id))
            if message is not None:
                message.deleted = True
        return True

    def send_chat_action(self, call: ApiCall) -> bool:
        """sendChatAction."""
        self._chat_id(call)
        if call.get("action") not in {
            "typing",
            "upload_document",
            "find_location",
            "choose_sticker",
            "upload_photo",
            "record_video",
            "upload_video",
            "record_voice",
            "upload_voice",
            "record_video_note",
            "upload_video_note",
        }:
            raise bad_request("wrong parameter action in request")
        return True

    def set_my_commands(self, call: ApiCall) -> bool:
        """setMyCommands with Telegram's validation of names and descriptions."""
        commands = call.get_json("commands") or []
        for command in commands:
            if not _COMMAND.match(command.get("command", "")):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(command.get("description", "")) <= 256:
                raise bad_request("command description is empty or too long")
        self.commands[self._scope_key(call)] = commands
        return True

    def answer_callback_query(self, call: ApiCall) -> bool:
        """answerCallbackQuery: each query can be answered once."""
        query_id = call.get("callback_query_id") or ""
        if query_id not in self.callbacks or self.callbacks[query_id] is not None:
            raise bad_request(
                "query is too old and response timeout expired or query ID is invalid"
            )
        text = call.get("text") or ""
        if len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self.callbacks[query_id] = text
        return True

    def send_document(self, call: ApiCall) -> dict[str, Any]:
        """sendDocument with an uploaded file (multipart) or a file_id."""
        chat_id = self._chat_id(call)
        ref = call.get("document") or ""
        if ref.startswith("attach://"):
            file = call.files.get(ref[len("attach://") :])
        else:
            file = call.files.get("document") or self.files.get(ref)
        if file is None:
            raise bad_request("there is no document in the request")
        caption = None
        if call.get("caption"):
            caption, _ = self._text(call, "caption")
            if len(caption) > MAX_CAPTION:
                raise bad_request("message caption is too long")
        return self._send(call, chat_id, document=file, caption=caption)

    def get_file(self, call: ApiCall) -> dict[str, Any]:
        """getFile: a path the bot downloads from /file/bot<token>/<path>."""
        file_id = call.get("file_id") or ""
        file = self.files.get(file_id)
        if file is None:
            raise bad_request("invalid file_id")
        if len(file.content) > MAX_DOWNLOAD:
            raise bad_request("file is too big")
        suffix = "".join(c for c in Path(file.filename).suffix if c.isascii() and (
            c.isalnum() or c == "."))
        path = f"documents/{file_id}{suffix}"  # like Telegram's: never the user's file name
        self.file_paths[path] = file_id
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(file.content),
            "file_path": path,
        }

    def get_chat_member(self, call: ApiCall) -> dict[str, Any]:
        """getChatMember: `administrator` for the group's admins (see `admins`), else `member`."""
        chat_id = self._chat_id(call)
        user_id = call.get_int("user_id")
        if user_id is None:
            raise bad_request("user_id is empty")
        user = self.users.get(user_id) or tg.user(user_id, "User")
        admin = self.chat(chat_id)["type"] != "private" and user_id in self.admins.get(chat_id, ())
        return tg.chat_member(user, admin=admin)

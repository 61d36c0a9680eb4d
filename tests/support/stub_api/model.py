"""Values the stub Bot API records: calls, messages, uploaded files, errors."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class ApiError(Exception):
    """A Bot API error reply: HTTP status, Telegram's description, optional parameters."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def body(self) -> dict[str, Any]:
        """The JSON body Telegram sends with this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.code,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(description: str) -> ApiError:
    """A 400 with Telegram's "Bad Request: ..." wording."""
    return ApiError(400, f"Bad Request: {description}")


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request (sendDocument) or a file a test pushed."""

    filename: str
    content: bytes
    content_type: str = "application/octet-stream"


@dataclass(frozen=True)
class ApiCall:
    """One HTTP request to the stub, as received (params are the raw form values)."""

    seq: int
    method: str
    params: Mapping[str, str]
    files: Mapping[str, UploadedFile]
    at: float  # time.monotonic() on receipt
    fault: str | None = None  # the injected fault that answered this call, if any

    def get(self, name: str, default: str | None = None) -> str | None:
        """A raw parameter value."""
        return self.params.get(name, default)

    def get_int(self, name: str) -> int | None:
        """An integer parameter (chat_id, message_id…)."""
        value = self.params.get(name)
        return None if value is None else int(value)

    def get_json(self, name: str) -> Any:
        """A JSON-encoded parameter (reply_markup, commands…)."""
        value = self.params.get(name)
        return None if value is None else json.loads(value)

    @property
    def chat_id(self) -> int | None:
        """The chat this call addresses, if any."""
        value = self.params.get("chat_id")
        return int(value) if value and value.lstrip("-").isdigit() else None


@dataclass
class StubMessage:
    """A message in a chat as the stub holds it (bot's or user's); mutated by edits."""

    chat_id: int
    message_id: int
    from_bot: bool
    user_id: int | None
    date: int
    text: str | None = None  # as shown: markup removed
    source: str | None = None  # as sent, e.g. the HTML
    parse_mode: str | None = None
    reply_markup: dict[str, Any] | None = None
    reply_to: int | None = None
    document: UploadedFile | None = None
    caption: str | None = None
    deleted: bool = False
    history: list[str] = field(default_factory=list)  # earlier texts, oldest first
    extra: dict[str, Any] = field(default_factory=dict)  # other Message fields (sticker, photo…)

    @property
    def edits(self) -> int:
        """How many times the text was edited."""
        return len(self.history)

    def buttons(self) -> list[tuple[str, str | None]]:
        """Inline keyboard buttons as (label, callback_data), row by row."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [(b.get("text", ""), b.get("callback_data")) for row in rows for b in row]

    def button(self, label_part: str) -> str:
        """The callback data of the first button whose label contains label_part."""
        for label, data in self.buttons():
            if label_part in label and data is not None:
                return data
        raise LookupError(f"no button {label_part!r} in {self.buttons()}")

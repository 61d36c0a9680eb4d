"""An update as Telegram POSTs it to the webhook, or why the body is not one."""

from __future__ import annotations

import json
from typing import Any

from telegram import Bot, Update


class NotAnUpdate(ValueError):
    """The body is not a Bot API Update (the sender gets HTTP 400)."""


def parse_update(body: bytes, bot: Bot) -> Update:
    """The Update in a webhook body; NotAnUpdate for anything else, however it is malformed."""
    try:
        data: Any = json.loads(body)
    except (ValueError, RecursionError) as exc:  # bad JSON, bad UTF-8, nesting past the stack
        raise NotAnUpdate(type(exc).__name__) from exc
    if not isinstance(data, dict):
        raise NotAnUpdate(f"a JSON {type(data).__name__}, not an object")
    update_id = data.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        raise NotAnUpdate("no integer update_id")
    try:
        update = Update.de_json(data, bot)
    except Exception as exc:  # PTB raises whatever the malformed field leads to
        raise NotAnUpdate(f"{type(exc).__name__} in the update's fields") from exc
    if update is None:
        raise NotAnUpdate("empty update")
    return update

"""The wiring: every command in the menu answers, every button kind has its own handler."""

from __future__ import annotations

from pathlib import Path

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.app import build_application
from bot.handlers.buttons import ButtonHandler
from bot.handlers.commands import COMMANDS
from bot.views.callbacks import decode
from tests.bot.conftest import make_settings


def test_every_menu_command_and_button_kind_has_one_handler(tmp_path: Path) -> None:
    app = build_application(make_settings(tmp_path), rate_limiter=False)
    handlers = [h for group in app.handlers.values() for h in group]
    commands = [c for h in handlers if isinstance(h, CommandHandler) for c in h.commands]
    assert sorted(commands) == sorted(COMMANDS)
    # One handler takes every press (expired or forged ones too) and decodes it once.
    buttons = [h for h in handlers if isinstance(h, CallbackQueryHandler)]
    assert len(buttons) == 1 and isinstance(buttons[0], ButtonHandler)
    assert buttons[0].pattern is None
    for payload in ("s:3", "h:b:2", "q:0:ngan sach", "c:y:7", "t:l:short", "r:1:s", "a:1",
                    "x:1:y"):
        assert type(decode(payload)) in buttons[0].routes, payload

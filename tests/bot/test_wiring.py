"""The wiring: every command in the menu answers, every button kind has its own handler."""

from __future__ import annotations

from pathlib import Path

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.app import build_application
from bot.handlers.commands import COMMANDS
from bot.views.callbacks import decode
from tests.bot.conftest import make_settings


def test_every_menu_command_and_button_kind_has_one_handler(tmp_path: Path) -> None:
    app = build_application(make_settings(tmp_path), rate_limiter=False)
    handlers = [h for group in app.handlers.values() for h in group]
    commands = [c for h in handlers if isinstance(h, CommandHandler) for c in h.commands]
    assert sorted(commands) == sorted(COMMANDS)
    buttons = [h for h in handlers if isinstance(h, CallbackQueryHandler)]
    for payload in ("s:3", "h:b:2", "q:0:ngan sach", "c:y:7", "t:l:short", "r:1:s", "a:1",
                    "x:1:y"):
        assert decode(payload) is not None
        taking = [h for h in buttons if callable(h.pattern) and h.pattern(payload)]
        assert len(taking) == 1, payload
    assert buttons[-1].pattern is None  # the last one answers expired or forged payloads

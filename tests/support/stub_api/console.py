"""The stub's console: type or paste as a Telegram user would, read the bot's messages as shown.

A paste of several lines arrives as one message (lines that come within PASTE_GAP_S of each
other belong together), split at 4096 characters the way clients split long pastes.
"""

from __future__ import annotations

import asyncio
import mimetypes
import sys
import threading
from pathlib import Path
from typing import Any

from bot.telegram_text import MESSAGE_LIMIT
from tests.support.stub_api.html_check import EntityError, shown_text
from tests.support.stub_api.model import ApiCall
from tests.support.stub_api.server import StubBotApi

PASTE_GAP_S = 0.15
CLIENT_LIMIT = MESSAGE_LIMIT  # where clients cut a long paste, as bot/paste/shape.py assumes
HELP = """Type or paste a message and press Enter; it is sent as user {user} in chat {chat}.
  :paste FILE      send a file's text as a client would (split at 4096 characters)
  :doc FILE        send a file as a document
  :press N DATA    press the button DATA under the bot's message #N (shown with each message)
  :chat N          switch to chat N (negative = group)   :as N   send as user N
  :admin N         make user N an admin of the current group
  :lang CODE       the user's Telegram language (vi, en, …)
  :quit            stop"""


def client_pieces(text: str, limit: int = CLIENT_LIMIT) -> list[str]:
    """Cut a long paste as clients do: at the last line break (else space) before the limit."""
    pieces, rest = [], text.strip()
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit)
        if cut <= 0:
            cut = rest.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [*pieces, rest] if rest else pieces


def _plain(call: ApiCall, name: str = "text") -> str:
    source = call.get(name) or ""
    try:
        return shown_text(source, call.get("parse_mode"))
    except (EntityError, ValueError):
        return source


def describe(call: ApiCall, result: Any) -> str | None:
    """What a reader would see after one Bot API call (None: nothing visible)."""
    message_id = result.get("message_id") if isinstance(result, dict) else None
    if call.method == "sendMessage":
        head, body = f"[bot → chat {call.chat_id}, message #{message_id}]", _plain(call)
    elif call.method == "editMessageText":
        head, body = f"[bot edited message #{call.get('message_id')}]", _plain(call)
    elif call.method == "editMessageReplyMarkup":
        head, body = f"[bot changed the buttons of message #{call.get('message_id')}]", ""
    elif call.method == "sendDocument":
        name = next(iter(call.files.values())).filename if call.files else "file"
        caption = _plain(call, "caption")
        head, body = f"[bot → chat {call.chat_id}, document #{message_id}: {name}]", caption
    elif call.method == "answerCallbackQuery":
        shown = call.get("text")
        return f"[pop-up] {shown}" if shown else None
    else:
        return None
    lines = [head, body] if body else [head]
    markup = call.get_json("reply_markup") or {}
    target = message_id or call.get("message_id")
    for row in markup.get("inline_keyboard", []):
        lines.append("  " + "   ".join(
            f"[{b['text']} → :press {target} {b.get('callback_data')}]" for b in row))
    return "\n".join(lines)


class Console:
    """Reads stdin, sends what is typed; prints the bot's visible replies."""

    def __init__(self, stub: StubBotApi, chat: int = 1001) -> None:
        self.stub = stub
        self.chat = chat
        self.user = chat
        self.language = "vi"
        self.lines: asyncio.Queue[str | None] = asyncio.Queue()

    def show(self, call: ApiCall, result: Any) -> None:
        """Print one call's visible effect (the stub's on_result hook)."""
        shown = describe(call, result)
        if shown:
            print("\n" + shown, flush=True)

    def _read(self, loop: asyncio.AbstractEventLoop) -> None:
        for line in sys.stdin:
            loop.call_soon_threadsafe(self.lines.put_nowait, line.rstrip("\n"))
        loop.call_soon_threadsafe(self.lines.put_nowait, None)

    async def _message(self) -> str | None:
        """One typed or pasted message: every line that follows within PASTE_GAP_S."""
        first = await self.lines.get()
        if first is None:
            return None
        lines = [first]
        while not first.startswith(":"):
            try:
                line = await asyncio.wait_for(self.lines.get(), PASTE_GAP_S)
            except TimeoutError:
                break
            if line is None:
                break
            lines.append(line)
        return "\n".join(lines)

    async def run(self) -> None:
        """Until :quit or the end of input."""
        # A daemon thread: a read still waiting at :quit must not keep the process alive.
        threading.Thread(target=self._read, args=(asyncio.get_running_loop(),),
                         daemon=True).start()
        print(HELP.format(chat=self.chat, user=self.user), flush=True)
        while (message := await self._message()) is not None:
            if message.strip() == ":quit":
                return
            try:
                self._handle(message)
            except (OSError, ValueError, IndexError) as exc:
                print(f"[console] {exc}", flush=True)

    def _handle(self, message: str) -> None:
        words = message.split(maxsplit=2)
        command = words[0] if message.startswith(":") else ""
        if command == ":chat":
            self.chat = self.user = int(words[1])
        elif command == ":as":
            self.user = int(words[1])
        elif command == ":lang":
            self.language = words[1]
        elif command == ":admin":
            self.stub.state.admins.setdefault(self.chat, set()).add(int(words[1]))
        elif command == ":press":
            self.stub.state.ensure_user(self.user, self.language)
            self.stub.push_callback(self.chat, self.user, int(words[1]), words[2])
        elif command == ":paste":
            text = Path(message.split(maxsplit=1)[1]).read_text(encoding="utf-8")
            self._send(text)
        elif command == ":doc":
            path = Path(message.split(maxsplit=1)[1])
            kind = mimetypes.guess_type(path.name)[0] or "text/plain"
            self.stub.push_document(self.chat, self.user, path.read_bytes(), filename=path.name,
                                    mime_type=kind, language_code=self.language)
        elif command:
            print(HELP.format(chat=self.chat, user=self.user), flush=True)
        elif message.strip():
            self._send(message)

    def _send(self, text: str) -> None:
        for piece in client_pieces(text):
            sent = self.stub.push_text(self.chat, self.user, piece,
                                       language_code=self.language)
            print(f"[you → chat {self.chat}, message #{sent.message_id}, "
                  f"{len(piece)} characters]", flush=True)

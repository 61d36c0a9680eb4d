"""Manual tries: `python -m bot.stub_api --port 8081`, then type as a Telegram user would."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys

from bot.stub_api.model import ApiCall
from bot.stub_api.server import DEFAULT_TOKEN, StubBotApi

HELP = """Type a line to send it as chat {chat} (user {chat}).
  :chat N          switch to chat N (negative = group)
  :press N DATA    press the button with callback DATA under the bot's message N
  :quit            stop"""


def _show(call: ApiCall) -> None:
    if call.method in {"sendMessage", "editMessageText"}:
        verb = "sent" if call.method == "sendMessage" else f"edited #{call.get('message_id')}"
        print(f"\n[bot {verb} → {call.chat_id}]\n{call.get('text')}", flush=True)
        markup = call.get_json("reply_markup")
        if markup:
            buttons = [
                f"{b['text']}={b.get('callback_data')}"
                for row in markup.get("inline_keyboard", [])
                for b in row
            ]
            print("  buttons: " + "  ".join(buttons), flush=True)
    elif call.method not in {"getUpdates", "sendChatAction"}:
        print(
            f"[bot called {call.method}{' (fault ' + call.fault + ')' if call.fault else ''}]",
            flush=True,
        )


async def _console(stub: StubBotApi) -> None:
    chat = 1001
    loop = asyncio.get_running_loop()
    print(HELP.format(chat=chat), flush=True)
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line or line.strip() == ":quit":
            return
        line = line.rstrip("\n")
        if line.startswith(":chat "):
            chat = int(line.split()[1])
        elif line.startswith(":press "):
            _, message_id, data = line.split(maxsplit=2)
            stub.push_callback(chat, None, int(message_id), data)
        elif line.strip():
            stub.push_text(chat, None, line)


async def _main(port: int, token: str) -> None:
    async with StubBotApi(token, port=port) as stub:
        stub.on_call = _show
        print(
            f"Stub Bot API listening. For the bot:\n  TELEGRAM_API_BASE_URL={stub.base_url}\n"
            f"  TELEGRAM_BOT_TOKEN={token}",
            flush=True,
        )
        await _console(stub)


def main() -> None:
    """Parse flags and serve until :quit or Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m bot.stub_api")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_main(args.port, args.token))


if __name__ == "__main__":
    main()

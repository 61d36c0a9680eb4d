"""Manual tries: `python -m tests.support.stub_api --port 8081`, then type as a user would."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from tests.support.stub_api.console import Console
from tests.support.stub_api.server import DEFAULT_TOKEN, StubBotApi


async def _main(port: int, token: str | None) -> None:
    async with StubBotApi(token or DEFAULT_TOKEN, port=port,
                          accept_any_token=token is None) as stub:
        console = Console(stub)
        stub.on_result = console.show
        expected = token or "any well-formed token, e.g. 123456:TEST"
        stub.on_refused_token = lambda got: print(
            f"[stub] refused the bot's token {got!r}; this stub expects {expected}", flush=True)
        print(
            f"Stub Bot API listening. Start the bot with:\n"
            f"  TELEGRAM_BOT_TOKEN={token or '123456:TEST'} "
            f"TELEGRAM_API_BASE_URL={stub.base_url} .venv/bin/tomtat run",
            flush=True,
        )
        await console.run()


def main() -> None:
    """Parse flags and serve until :quit, the end of input or Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m tests.support.stub_api")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=None,
                        help="accept only this token (default: any well-formed one)")
    args = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_main(args.port, args.token))


if __name__ == "__main__":
    main()

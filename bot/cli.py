"""The `tomtat` command: `summarize`, `model`, `run` (the bot)."""

from __future__ import annotations

import argparse
import sys

from bot.settings import Settings
from summarizer.cli import add_summarize_parser, run_summarize
from summarizer.model_cli import add_model_parser, run_model

NO_TOKEN = """tomtat: TELEGRAM_BOT_TOKEN is not set.
Create a bot with @BotFather in Telegram (/newbot), then:
    export TELEGRAM_BOT_TOKEN=123456:ABC...   (or put it in .env)
    make run
To try the summarizer without Telegram:
    tomtat summarize article.txt"""


def build_parser() -> argparse.ArgumentParser:
    """All sub-commands and their flags."""
    parser = argparse.ArgumentParser(prog="tomtat", description="Vietnamese news digests")
    sub = parser.add_subparsers(dest="command", required=True)
    add_summarize_parser(sub)
    add_model_parser(sub)
    run = sub.add_parser("run", help="start the Telegram bot")
    run.add_argument("--engine", choices=["auto", "extractive", "abstractive"], default=None)
    run.add_argument("--model", default=None)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    settings = Settings.from_env()
    if args.command == "summarize":
        return run_summarize(args, settings.engine, settings.model)
    if args.command == "model":
        return run_model(args)
    if args.command == "run":
        if not settings.token:
            print(NO_TOKEN, file=sys.stderr)
            return 2
        print("tomtat: the bot is not built yet", file=sys.stderr)
        return 2
    return 2


if __name__ == "__main__":
    sys.exit(main())

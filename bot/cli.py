"""The `tomtat` command: `summarize`, `model`, `run` (the bot)."""

from __future__ import annotations

import argparse
import dataclasses
import sys

from bot.db_copy import add_db_parser, run_db
from bot.links.urls import is_link
from bot.settings import ROLES, Settings, db_value, ids_value, role_value, threads_value
from summarizer.cli import add_summarize_parser, run_summarize
from summarizer.model_cli import add_model_parser, run_model

NO_TOKEN = """tomtat: TELEGRAM_BOT_TOKEN is not set.
Create a bot with @BotFather in Telegram (/newbot), then:
    export TELEGRAM_BOT_TOKEN=123456:ABC...   (or put it in .env)
    make run
To try the summarizer without Telegram:
    .venv/bin/tomtat summarize article.txt
To try the bot without Telegram, see "Try the bot without Telegram" in README.md."""
# `make run` treats this exit code as "nothing to run yet", not as a failure.
EXIT_NOT_CONFIGURED = 3


def role_flag(value: str) -> str:
    """`--role`, read like TOMTAT_ROLE (any case, spaces ignored): one parser for both."""
    try:
        return role_value(value)
    except ValueError as exc:  # argparse shows this message, not a generic "invalid value"
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    """All sub-commands and their flags."""
    parser = argparse.ArgumentParser(prog="tomtat", description="Vietnamese news digests")
    sub = parser.add_subparsers(dest="command", required=True)
    add_summarize_parser(sub)
    add_model_parser(sub)
    add_db_parser(sub)
    run = sub.add_parser("run", help="start the Telegram bot")
    run.add_argument("--role", type=role_flag, default=None, metavar="{" + ",".join(ROLES) + "}",
                     help="all (default), ingress (updates, no model) or worker (jobs, no updates)"
                     " (TOMTAT_ROLE)")
    run.add_argument("--engine", choices=["auto", "extractive", "abstractive"], default=None)
    run.add_argument("--model", default=None)
    run.add_argument("--threads", type=threads_value, default=None,
                     help="CPU threads of the abstractive engine (TOMTAT_THREADS)")
    run.add_argument("--db", type=db_value, default=None,
                     help="SQLite file or postgresql://… URL (TOMTAT_DB)")
    run.add_argument("--api-base-url", default=None, help="Bot API URL (TELEGRAM_API_BASE_URL)")
    run.add_argument("--allowed-users", default=None, help="comma-separated user ids")
    run.add_argument("--allowed-chats", default=None, help="comma-separated chat ids")
    run.add_argument("--admins", default=None, help="comma-separated user ids")
    run.add_argument("--merge-window", type=float, default=None, help="seconds (default 1.5)")
    run.add_argument("--webhook-url", default=None, help="public HTTPS URL: webhook mode")
    run.add_argument("--listen", default=None, help="webhook: address to bind (127.0.0.1)")
    run.add_argument("--port", type=int, default=None, help="webhook: port to bind (8443)")
    return parser


def apply_run_flags(settings: Settings, args: argparse.Namespace) -> Settings:
    """Command-line flags override the environment."""
    changes: dict[str, object] = {}
    for flag, name in (("role", "role"), ("engine", "engine"), ("model", "model"),
                       ("threads", "threads"), ("db", "db_path"),
                       ("api_base_url", "api_base_url"), ("merge_window", "merge_window_s"),
                       ("webhook_url", "webhook_url"), ("listen", "webhook_listen"),
                       ("port", "webhook_port")):
        if getattr(args, flag, None) is not None:
            changes[name] = getattr(args, flag)
    for flag in ("allowed_users", "allowed_chats", "admins"):
        if getattr(args, flag, None) is not None:
            changes[flag] = ids_value(getattr(args, flag))
    return dataclasses.replace(settings, **changes)  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except ValueError as exc:
        print(f"tomtat: a setting in the environment is wrong: {exc}", file=sys.stderr)
        return 2
    if args.command == "summarize":
        if not args.jsonl and is_link(args.file):
            from bot.links.cli import run_summarize_link  # httpx and trafilatura: only for links

            return run_summarize_link(args, settings)
        return run_summarize(args, settings.engine, settings.model)
    if args.command == "model":
        return run_model(args)
    if args.command == "db":
        return run_db(args)
    if args.command == "run":
        if not settings.token:
            print(NO_TOKEN, file=sys.stderr)
            return EXIT_NOT_CONFIGURED
        try:
            settings = apply_run_flags(settings, args)
        except ValueError:
            print("tomtat: ids must be comma-separated integers", file=sys.stderr)
            return 2
        from bot.transport.roles import run_in_role

        return run_in_role(settings)
    return 2


if __name__ == "__main__":
    sys.exit(main())

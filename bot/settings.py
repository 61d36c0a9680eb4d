"""Configuration, read once from the environment (and an optional .env) into `Settings`."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.clock import DEFAULT_ZONE, zone_value
from summarizer.input_rule import MAX_INPUT_CHARS, MIN_INPUT_WORDS

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"


def ids_value(value: str | None) -> frozenset[int]:
    """Comma-separated ids (spaces allowed; empty: none); ValueError on a non-integer."""
    return frozenset(int(x) for x in (value or "").replace(" ", "").split(",") if x)


def threads_value(value: str | None) -> int | None:
    """A thread count (empty: let the engine decide); ValueError unless a positive integer."""
    if not value:
        return None
    if not value.strip().isdigit() or int(value) < 1:
        raise ValueError(f"threads must be a positive whole number, not {value!r}")
    return int(value)


def db_value(value: str) -> Path | str:
    """TOMTAT_DB: a postgresql://… URL stays a string (PostgreSQL); anything else is a path."""
    # Storage owns what counts as a URL (open_database decides by it); imported here, not at
    # the top, so that commands reading no TOMTAT_DB never load storage.
    from storage.database import is_postgres_url

    text = value.strip()
    return text if is_postgres_url(text) else Path(text)


def shown_db(value: Path | str) -> str:
    """TOMTAT_DB as logs may show it: a URL's password replaced by ***."""
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", str(value))


ROLES = ("all", "ingress", "worker")


def role_value(value: str) -> str:
    """all, ingress or worker (any case); ValueError otherwise."""
    folded = value.strip().lower()
    if folded not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, not {value!r}")
    return folded


def flag_value(value: str) -> bool:
    """1/true/yes/on or 0/false/no/off; ValueError otherwise."""
    folded = value.strip().lower()
    if folded in ("1", "true", "yes", "on"):
        return True
    if folded in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"expected 1 or 0, not {value!r}")


def read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a .env file; missing file means no values."""
    if not path.is_file():
        return {}
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip().strip("'\"")
    return values


@dataclass(frozen=True)
class Settings:
    """Everything configurable about one running bot."""

    token: str | None = field(default=None, repr=False)
    api_base_url: str = DEFAULT_API_BASE_URL
    db_path: Path | str = Path("tomtat.sqlite3")  # a str: a postgresql://… URL
    engine: str = "auto"
    model: str | None = None
    threads: int | None = None  # the abstractive engine's CPU threads (None: engine default)
    allowed_users: frozenset[int] = frozenset()
    allowed_chats: frozenset[int] = frozenset()
    admins: frozenset[int] = frozenset()
    # Chat behaviour and abuse limits (issue 6).
    merge_window_s: float = 1.5
    rate_limit_count: int = 5
    rate_limit_window_s: float = 60.0
    max_pending_per_user: int = 3
    max_article_chars: int = MAX_INPUT_CHARS  # the summarizer's input rule, the CLI's too
    max_document_bytes: int = 1_000_000
    queue_bound: int = 200
    min_article_words: int = MIN_INPUT_WORDS
    status_every_s: float = 2.5
    status_after_s: float = 2.0
    max_attempts: int = 3
    retry_backoff_s: float = 2.0
    webhook_url: str | None = None  # set: webhook mode instead of long polling
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_secret: str | None = field(default=None, repr=False)  # None: random per start
    # Links (issue 15): pages fetched for a link in a message.
    max_page_bytes: int = 5_000_000
    fetch_connect_timeout_s: float = 5.0
    fetch_timeout_s: float = 20.0  # the whole download, redirects included
    fetch_allow_private: bool = False  # tests and local mirrors only: turns the SSRF guard off
    timezone: str = DEFAULT_ZONE  # how times are shown in chats that chose no zone
    # Many processes (issue 16): what this one does, and how it shares the queue with others.
    role: str = "all"  # all | ingress (updates, commands, no model) | worker (jobs, no updates)
    queue_poll_s: float = 0.5  # how often a worker looks for jobs other processes queued
    lease_s: float = 30.0  # a claimed job is another worker's to take after this much silence
    queue_notify: bool = True  # PostgreSQL: workers LISTEN for new jobs (else they only poll)

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, dotenv: Path = Path(".env")
    ) -> Settings:
        """Read settings once: the process environment wins over the .env file."""
        env = {**read_dotenv(dotenv), **(os.environ if environ is None else environ)}
        # An unset or empty variable leaves the field's default above.
        values: dict[str, Any] = {
            name: parse(env[variable]) for variable, name, parse in _FROM_ENV if env.get(variable)
        }
        return cls(**values)


_FROM_ENV: tuple[tuple[str, str, Callable[[str], Any]], ...] = (
    ("TELEGRAM_BOT_TOKEN", "token", str),
    ("TELEGRAM_API_BASE_URL", "api_base_url", str),
    ("TOMTAT_DB", "db_path", db_value),
    ("TOMTAT_ENGINE", "engine", str),
    ("TOMTAT_MODEL", "model", str),
    ("TOMTAT_THREADS", "threads", threads_value),
    ("TOMTAT_ALLOWED_USERS", "allowed_users", ids_value),
    ("TOMTAT_ALLOWED_CHATS", "allowed_chats", ids_value),
    ("TOMTAT_ADMINS", "admins", ids_value),
    ("TOMTAT_MERGE_WINDOW", "merge_window_s", float),
    ("TOMTAT_RATE_LIMIT", "rate_limit_count", int),
    ("TOMTAT_RATE_WINDOW", "rate_limit_window_s", float),
    ("TOMTAT_MAX_PENDING", "max_pending_per_user", int),
    ("TOMTAT_MAX_ARTICLE_CHARS", "max_article_chars", int),
    ("TOMTAT_MAX_DOCUMENT_BYTES", "max_document_bytes", int),
    ("TOMTAT_QUEUE_BOUND", "queue_bound", int),
    ("TOMTAT_MIN_WORDS", "min_article_words", int),
    ("TOMTAT_WEBHOOK_URL", "webhook_url", str),
    ("TOMTAT_WEBHOOK_LISTEN", "webhook_listen", str),
    ("TOMTAT_WEBHOOK_PORT", "webhook_port", int),
    ("TOMTAT_WEBHOOK_SECRET", "webhook_secret", str),
    ("TOMTAT_MAX_PAGE_BYTES", "max_page_bytes", int),
    ("TOMTAT_FETCH_CONNECT_TIMEOUT", "fetch_connect_timeout_s", float),
    ("TOMTAT_FETCH_TIMEOUT", "fetch_timeout_s", float),
    ("TOMTAT_FETCH_ALLOW_PRIVATE", "fetch_allow_private", flag_value),
    ("TOMTAT_TIMEZONE", "timezone", zone_value),
    ("TOMTAT_ROLE", "role", role_value),
    ("TOMTAT_QUEUE_POLL", "queue_poll_s", float),
    ("TOMTAT_LEASE", "lease_s", float),
    ("TOMTAT_QUEUE_NOTIFY", "queue_notify", flag_value),
)

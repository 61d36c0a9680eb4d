"""Configuration, read once from the environment (and an optional .env) into `Settings`."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"


def _ids(value: str | None) -> frozenset[int]:
    return frozenset(int(x) for x in (value or "").replace(" ", "").split(",") if x)


def threads_value(value: str | None) -> int | None:
    """A thread count (empty: let the engine decide); ValueError unless a positive integer."""
    if not value:
        return None
    if not value.strip().isdigit() or int(value) < 1:
        raise ValueError(f"threads must be a positive whole number, not {value!r}")
    return int(value)


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
    db_path: Path = Path("tomtat.sqlite3")
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
    max_article_chars: int = 100_000
    max_document_bytes: int = 1_000_000
    queue_bound: int = 200
    min_article_words: int = 25
    status_every_s: float = 2.5
    status_after_s: float = 2.0
    max_attempts: int = 3
    retry_backoff_s: float = 2.0
    webhook_url: str | None = None  # set: webhook mode instead of long polling
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    webhook_secret: str | None = field(default=None, repr=False)  # None: random per start

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, dotenv: Path = Path(".env")
    ) -> Settings:
        """Read settings once: the process environment wins over the .env file."""
        env = {**read_dotenv(dotenv), **(os.environ if environ is None else environ)}
        return cls(
            token=env.get("TELEGRAM_BOT_TOKEN") or None,
            api_base_url=env.get("TELEGRAM_API_BASE_URL") or DEFAULT_API_BASE_URL,
            db_path=Path(env.get("TOMTAT_DB") or "tomtat.sqlite3"),
            engine=env.get("TOMTAT_ENGINE") or "auto",
            model=env.get("TOMTAT_MODEL") or None,
            threads=threads_value(env.get("TOMTAT_THREADS")),
            allowed_users=_ids(env.get("TOMTAT_ALLOWED_USERS")),
            allowed_chats=_ids(env.get("TOMTAT_ALLOWED_CHATS")),
            admins=_ids(env.get("TOMTAT_ADMINS")),
            merge_window_s=float(env.get("TOMTAT_MERGE_WINDOW") or 1.5),
            rate_limit_count=int(env.get("TOMTAT_RATE_LIMIT") or 5),
            rate_limit_window_s=float(env.get("TOMTAT_RATE_WINDOW") or 60),
            max_pending_per_user=int(env.get("TOMTAT_MAX_PENDING") or 3),
            max_article_chars=int(env.get("TOMTAT_MAX_ARTICLE_CHARS") or 100_000),
            max_document_bytes=int(env.get("TOMTAT_MAX_DOCUMENT_BYTES") or 1_000_000),
            queue_bound=int(env.get("TOMTAT_QUEUE_BOUND") or 200),
            min_article_words=int(env.get("TOMTAT_MIN_WORDS") or 25),
            webhook_url=env.get("TOMTAT_WEBHOOK_URL") or None,
            webhook_listen=env.get("TOMTAT_WEBHOOK_LISTEN") or "127.0.0.1",
            webhook_port=int(env.get("TOMTAT_WEBHOOK_PORT") or 8443),
            webhook_secret=env.get("TOMTAT_WEBHOOK_SECRET") or None,
        )

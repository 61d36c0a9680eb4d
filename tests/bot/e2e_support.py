"""Shared pieces of the end-to-end tests: start the real bot on a stub, read what it sent."""

from __future__ import annotations

import re
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.views.render import render_digest
from bot.views.texts import text
from summarizer.digest import Length
from summarizer.engines.select import load_engine
from summarizer.pipeline import summarize
from tests.support.stub_api import StubBotApi
from tests.support.stub_api.html_check import parse_html
from tests.support.stub_api.process import BotProcess

FIXTURES = Path(__file__).parents[1] / "fixtures"
FOOTER = re.compile(r"→ \d+ (?:từ|words) · #(\d+)\s*$")
# Quick settings for tests: short merge window, no per-user rate limit getting in the way.
FAST = {"TOMTAT_MERGE_WINDOW": "0.6", "TOMTAT_RATE_LIMIT": "1000", "TOMTAT_MAX_PENDING": "50"}


def fixture(name: str) -> str:
    """A hand-written Vietnamese fixture text."""
    return (FIXTURES / name).read_text(encoding="utf-8")


def news_items() -> list[str]:
    """The short original news articles (title line + body)."""
    return [item.strip() for item in fixture("e2e_news.txt").split("=====")]


def split_like_telegram(article: str, limit: int = 4096) -> list[str]:
    """Cut a paste the way clients do: pieces ≤ limit, at a line break (which is dropped)."""
    pieces: list[str] = []
    rest = article.strip()
    while len(rest) > limit:
        cut = rest.rfind("\n", 0, limit)
        pieces.append(rest[:cut])
        rest = rest[cut + 1:]
    return [*pieces, rest]


def shown(key: str, **values: object) -> str:
    """A bot string (Vietnamese) as the user sees it, markup removed."""
    return parse_html(text("vi", key, **values))


def expected_chunks(article: str, number: int, length: str = "medium") -> list[str]:
    """The HTML messages the bot should send for this article (same summarizer, in-process)."""
    digest = summarize(article, Length(length), load_engine("extractive", None), None)
    return render_digest(digest, number, "vi")


def digest_sources(stub: StubBotApi, chat_id: int, number: int, chunks: int) -> list[str | None]:
    """The HTML of the `chunks` messages ending with digest #number's footer."""
    messages = stub.messages_to(chat_id)
    for i, message in enumerate(messages):
        match = FOOTER.search(message.text or "")
        if match and int(match.group(1)) == number:
            return [m.source for m in messages[max(0, i - chunks + 1): i + 1]]
    raise LookupError(f"no digest #{number} in chat {chat_id}")


def footers(stub: StubBotApi, chat_id: int) -> list[int]:
    """Digest numbers of every digest message (with repeats, in order)."""
    return [int(m.group(1)) for msg in stub.messages_to(chat_id)
            if (m := FOOTER.search(msg.text or ""))]


async def digest_of(stub: StubBotApi, chat: int, article: str, number: int,
                    timeout: float = 20) -> None:
    """Paste an article and wait for digest #number."""
    stub.push_text(chat, None, article)
    await stub.wait_for(lambda: number in footers(stub, chat), timeout=timeout)


def free_port() -> int:
    """A local TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@asynccontextmanager
async def running_bot(workdir: Path, env: dict[str, str] | None = None,
                      args: tuple[str, ...] = (), *, webhook_retry_delay: float = 0.5
                      ) -> AsyncIterator[tuple[StubBotApi, BotProcess]]:
    """A stub server and the real `tomtat run` process polling it (or taking its webhook)."""
    async with StubBotApi(webhook_retry_delay=webhook_retry_delay) as stub:
        proc = BotProcess(stub, workdir, env={**FAST, **(env or {})}, args=args)
        try:
            await proc.start()
            yield stub, proc
        except BaseException:
            print(proc.log()[-6000:])  # shown by pytest when the test fails
            raise
        finally:
            await proc.stop()

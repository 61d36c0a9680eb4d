"""From a link to article text: fetch (on the loop, async), then extract (on a thread)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import httpcore

from bot.links.fetch import Fetcher, FetchLimits, Page
from bot.links.resolve import Resolver
from bot.settings import Settings

if TYPE_CHECKING:  # the module imports trafilatura, loaded only when a link comes
    from bot.links.extract import PageArticle


class LinkReader:
    """Reads the article behind a link; every failure is a LinkError with a friendly key."""

    def __init__(
        self, settings: Settings, resolver: Resolver | None = None,
        network: httpcore.AsyncNetworkBackend | None = None,
    ) -> None:
        self._fetcher = Fetcher(FetchLimits.from_settings(settings), resolver, network)
        self._min_words = settings.min_article_words
        self._max_chars = settings.max_article_chars

    async def read(self, url: str) -> PageArticle:
        """The article at `url`, cleaned and checked like a paste."""
        page = await self._fetcher.fetch(url)
        # Parsing and extraction take 10-100 ms of CPU: off the event loop.
        return await asyncio.to_thread(self._extract, page)

    def _extract(self, page: Page) -> PageArticle:
        from bot.links.extract import extract_article  # trafilatura takes ~0.2 s to import

        return extract_article(page, min_words=self._min_words, max_chars=self._max_chars)

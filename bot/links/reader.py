"""From a link to article text: fetch (on the loop, async), then extract (on a thread)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import httpcore

from bot.links.fetch import Fetcher, FetchLimits, Page
from bot.links.guard import LinkError
from bot.links.resolve import Resolver
from bot.paste.offload import PARSE_BUDGET_S, run_bounded
from bot.settings import Settings

log = logging.getLogger(__name__)

if TYPE_CHECKING:  # the module imports trafilatura, loaded only when a link comes
    from bot.links.extract import PageArticle


class LinkReader:
    """Reads the article behind a link; every failure is a LinkError with a friendly key."""

    def __init__(
        self, settings: Settings, resolver: Resolver | None = None,
        network: httpcore.AsyncNetworkBackend | None = None,
        budget_s: float = PARSE_BUDGET_S,
    ) -> None:
        self._fetcher = Fetcher(FetchLimits.from_settings(settings), resolver, network)
        self._budget_s = budget_s
        self._min_words = settings.min_article_words
        self._max_chars = settings.max_article_chars

    async def read(self, url: str) -> PageArticle:
        """The article at `url`, cleaned and checked like a paste."""
        page = await self._fetcher.fetch(url)
        # Parsing and extraction take 10-100 ms of CPU, but hostile markup can take far longer:
        # off the event loop, within the documents' budget, on a thread shutdown does not join.
        try:
            return await run_bounded(self._extract, page, budget_s=self._budget_s)
        except TimeoutError as exc:
            log.warning("a page of %s characters was not read within the budget", len(page.text))
            raise LinkError("link_unreadable") from exc

    def _extract(self, page: Page) -> PageArticle:
        from bot.links.extract import extract_article  # trafilatura takes ~0.2 s to import

        return extract_article(page, min_words=self._min_words, max_chars=self._max_chars)

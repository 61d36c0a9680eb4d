"""End to end: a link sent to the real `tomtat run` gives exactly one digest linking back."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.links.source import with_source
from bot.views.render import render_digest
from summarizer.digest import Length
from summarizer.engines.select import load_engine
from summarizer.pipeline import summarize
from tests.bot.e2e_support import digest_sources, footers, running_bot
from tests.support.link_site import NATIONAL, PROVINCIAL, news_site
from tests.support.news_pages import articles

pytestmark = pytest.mark.e2e
CHAT = 3003


def expected(pasted: str, url: str, number: int) -> list[str]:
    """The paste's digest, naming the page it was read from."""
    digest = summarize(pasted, Length.MEDIUM, load_engine("extractive", None), None)
    return render_digest(with_source(digest, url), number, "vi")


async def test_a_link_message_gives_exactly_one_digest_that_links_back(tmp_path: Path) -> None:
    with news_site() as site:
        env = {"TOMTAT_FETCH_ALLOW_PRIVATE": "1"}
        async with running_bot(tmp_path, env) as (stub, _):
            stub.push_text(CHAT, None, f"Bài này hay: {site.url(NATIONAL)}")
            await stub.wait_for(lambda: 1 in footers(stub, CHAT), timeout=30)
            want = expected(articles()[0].pasted, site.url(NATIONAL), 1)
            assert digest_sources(stub, CHAT, 1, len(want)) == want
            assert f'<a href="{site.url(NATIONAL)}">127.0.0.1</a>' in want[-1]
            stub.push_text(CHAT, None, site.url(PROVINCIAL))
            await stub.wait_for(lambda: 2 in footers(stub, CHAT), timeout=30)
            await asyncio.sleep(0.5)
            assert footers(stub, CHAT) == [1, 2]
            assert site.count(NATIONAL) == 1 and site.count(PROVINCIAL) == 1

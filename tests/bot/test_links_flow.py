"""Links sent to the bot: fetched by the worker, digested like a paste, every failure answered."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.links.urls import MAX_LINKS
from bot.views.texts import text
from storage import Store
from tests.bot.conftest import (
    BOT_USERNAME,
    GROUP,
    OTHER_USER,
    USER,
    Harness,
    make_settings,
    start_bot,
)
from tests.support.link_site import (
    AMP,
    EXPRESS,
    LEGACY,
    NATIONAL,
    PAGE_LIMIT,
    PROVINCIAL,
    news_site,
)
from tests.support.news_pages import articles
from tests.support.web_server import Route, WebServer

CHANNEL = {"type": "channel", "date": 1, "message_id": 5,
           "chat": {"id": -1001, "type": "channel", "title": "Kênh tin nhanh"}}


@pytest.fixture(scope="module")
def site() -> Iterator[WebServer]:
    with news_site() as server:
        yield server


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[Harness]:
    settings = make_settings(tmp_path, fetch_allow_private=True, max_page_bytes=PAGE_LIMIT,
                             fetch_timeout_s=1.5)
    async with start_bot(settings) as h:
        yield h


def shown(key: str, **values: object) -> str:
    return text("vi", key, **values)


async def test_a_link_alone_gives_one_digest_that_links_back(
    bot: Harness, site: WebServer
) -> None:
    await bot.send(site.url(NATIONAL))
    await bot.settle()
    [digest] = bot.digests()
    assert articles()[0].title in digest
    assert f'<a href="{site.url(NATIONAL)}">127.0.0.1</a>' in digest
    assert shown("link_source") in digest
    assert (await bot.rt.store.digests.history(USER)).total == 1


async def test_several_links_with_a_comment_are_each_digested_in_order(
    bot: Harness, site: WebServer
) -> None:
    await bot.send(f"Hai bài đáng đọc: {site.url(PROVINCIAL)} và {site.url(NATIONAL)} nhé")
    await bot.settle()
    first, second = bot.digests()
    assert articles()[1].title in first and articles()[0].title in second


async def test_a_known_link_after_a_new_one_is_answered_after_it(
    bot: Harness, site: WebServer
) -> None:
    await bot.send(site.url(NATIONAL))
    await bot.settle()
    await bot.send(f"Hai bài: {site.url(PROVINCIAL)} {site.url(NATIONAL)}")
    await bot.settle()
    _, new, known = bot.digests()
    assert articles()[1].title in new and articles()[0].title in known
    assert (await bot.rt.store.digests.history(USER)).total == 2


async def test_a_forwarded_post_that_is_mostly_a_link_is_read_as_the_link(
    bot: Harness, site: WebServer
) -> None:
    teaser = ("Phó Thủ tướng yêu cầu hoàn thành giải ngân vốn đầu tư công trước ngày 31/1. "
              f"Đọc chi tiết: {site.url(NATIONAL)}")
    await bot.send(teaser, forward_origin=CHANNEL)
    await bot.settle()
    [digest] = bot.digests()
    assert "Lương Thị Diệu Hà" in digest  # from the page, not from the teaser


async def test_summarize_command_with_a_link(bot: Harness, site: WebServer) -> None:
    await bot.send(f"/summarize {site.url(PROVINCIAL)}")
    await bot.settle()
    [digest] = bot.digests()
    assert "Trương Cảnh Tuyên" in digest


async def test_the_same_story_is_recognised_by_its_canonical_url(
    bot: Harness, site: WebServer
) -> None:
    await bot.send(site.url(NATIONAL))
    await bot.settle()
    fetched = site.count(NATIONAL)
    await bot.send(site.url(NATIONAL))  # the same link: answered from history, not fetched
    await bot.settle()
    assert site.count(NATIONAL) == fetched
    await bot.send(site.url(AMP))  # another copy of the same story
    await bot.settle()
    assert len(bot.digests()) == 3  # the first, then it shown again twice
    assert sum(shown("duplicate", number=1) in t for t in bot.texts()) == 2
    assert (await bot.rt.store.digests.history(USER)).total == 1


@pytest.mark.parametrize(
    ("path", "key", "values"),
    [
        ("/bai-da-go.html", "link_not_found", {"status": 404}),
        ("/van-ban.pdf", "link_not_html", {"kind": "PDF"}),
        ("/anh.jpg", "link_not_html", {"kind": "image"}),
        ("/thanh-vien/bat-dong-san-cuoi-nam.html", "link_paywall", {}),
        ("/", "link_not_article", {}),
        ("/tim-kiem?q=giai+ngan", "link_not_article", {}),
        ("/vong-a.html", "link_redirects", {"limit": 5}),
        ("/qua-lon.html", "link_too_large", {"limit_mb": "0.06"}),
        ("/cham.html", "link_timeout", {"seconds": 2}),
    ],
)
async def test_each_failure_is_answered_and_nothing_is_stored(
    bot: Harness, site: WebServer, path: str, key: str, values: dict[str, object]
) -> None:
    await bot.send(f"Xem giúp bài này {site.url(path)}")
    await bot.settle(timeout=15)
    assert bot.texts()[-1] == shown(key, **values)
    assert bot.digests() == []
    assert (await bot.rt.store.digests.history(USER)).total == 0


async def test_english_readers_are_answered_in_english(bot: Harness, site: WebServer) -> None:
    await bot.send(site.url("/bai-het-han.html"), language="en")
    await bot.settle()
    assert bot.texts()[-1] == text("en", "link_not_found", status=410)


async def test_an_internal_address_is_refused_when_the_guard_is_on(
    tmp_path: Path, site: WebServer
) -> None:
    before = site.count()
    async with start_bot(make_settings(tmp_path)) as guarded:
        await guarded.send(site.url(NATIONAL))
        await guarded.settle()
        assert guarded.texts()[-1] == shown("link_blocked", host="127.0.0.1", reason="loopback")
        assert "loopback" not in guarded.texts()[-1]  # Vietnamese words, no network jargon
    assert site.count() == before


async def test_a_slow_site_does_not_hold_up_other_chats(
    bot: Harness, site: WebServer, article: str
) -> None:
    site.routes["/cham-vua.html"] = Route(site.routes[NATIONAL].body, delay_s=1.0)
    await bot.send(site.url("/cham-vua.html"))
    started = time.monotonic()
    await bot.send(article, chat_id=OTHER_USER, user_id=OTHER_USER)
    while not bot.digests(OTHER_USER):
        await asyncio.sleep(0.02)
    assert time.monotonic() - started < 1.0 and bot.digests() == []
    await bot.settle()
    assert len(bot.digests()) == 1


async def test_a_paste_after_a_link_waits_for_the_link_digest(
    bot: Harness, site: WebServer, article: str
) -> None:
    await bot.send(site.url(PROVINCIAL))
    await bot.send(article)
    await bot.settle()
    first, second = bot.digests()
    assert articles()[1].title in first and articles()[1].title not in second


async def test_a_pasted_article_citing_its_source_stays_a_paste(
    bot: Harness, site: WebServer
) -> None:
    pasted = articles()[2].pasted + f"\n\nNguồn: {site.url('/khong-co.html')}"
    await bot.send(pasted)
    await bot.settle()
    [digest] = bot.digests()
    assert "Võ Văn Hưng" in digest and site.count("/khong-co.html") == 0


async def test_a_forwarded_post_with_a_hyperlinked_headline_is_read_as_its_link(
    bot: Harness, site: WebServer
) -> None:
    headline = "Tỉnh họp khẩn ứng phó sạt lở bờ sông"
    link = {"type": "text_link", "offset": 0, "length": len(headline),
            "url": site.url(PROVINCIAL)}
    await bot.send(headline, forward_origin=CHANNEL, entities=[link])
    await bot.settle()
    [digest] = bot.digests()
    assert "Trương Cảnh Tuyên" in digest


async def test_a_link_not_yet_fetched_when_the_bot_stopped_is_fetched_after_restart(
    tmp_path: Path, site: WebServer
) -> None:
    settings = make_settings(tmp_path, fetch_allow_private=True)
    async with Store(settings.db_path) as store:
        await store.jobs.enqueue_links(USER, USER, [site.url(NATIONAL)], 77, length="medium",
                                  language="vi", reply_to=77)
    async with start_bot(settings) as restarted:
        await restarted.settle()
        [digest] = restarted.digests()
        assert articles()[0].title in digest


async def test_in_a_group_only_links_addressed_to_the_bot_are_fetched(
    bot: Harness, site: WebServer
) -> None:
    before = site.count(PROVINCIAL)
    await bot.send(site.url(PROVINCIAL), chat_id=GROUP)  # members sharing news among themselves
    await bot.settle()
    assert bot.texts(GROUP) == [] and site.count(PROVINCIAL) == before
    await bot.send(f"@{BOT_USERNAME} {site.url(PROVINCIAL)}", chat_id=GROUP)
    await bot.settle()
    [digest] = bot.digests(GROUP)
    assert "Trương Cảnh Tuyên" in digest


async def test_more_links_than_the_pending_cap_are_taken_in_part_and_the_rest_named(
    tmp_path: Path, site: WebServer
) -> None:
    settings = make_settings(tmp_path, fetch_allow_private=True, max_pending_per_user=2)
    async with start_bot(settings) as capped:
        links = " ".join(site.url(p) for p in (NATIONAL, PROVINCIAL, LEGACY))
        await capped.send(f"Ba bài: {links}")
        await capped.settle()
        assert len(capped.digests()) == 2
        assert text("vi", "link_too_many", taken=2, left=1) in capped.texts()


async def test_re_sending_a_known_link_counts_against_the_rate_limit(
    tmp_path: Path, site: WebServer
) -> None:
    settings = make_settings(tmp_path, fetch_allow_private=True, max_page_bytes=PAGE_LIMIT,
                             fetch_timeout_s=1.5, rate_limit_count=3)
    async with start_bot(settings) as h:
        await h.send(site.url(NATIONAL))
        await h.settle()
        for _ in range(20):
            await h.send(site.url(NATIONAL))
        await h.settle()
        assert len(h.digests()) == 3  # the first, then two re-sends within the limit
        assert sum("gửi hơi nhanh" in t for t in h.texts()) == 1  # one refusal for the burst


async def test_each_link_of_a_message_counts_against_the_rate_limit(
    tmp_path: Path, site: WebServer
) -> None:
    settings = make_settings(tmp_path, fetch_allow_private=True, max_page_bytes=PAGE_LIMIT,
                             fetch_timeout_s=1.5, rate_limit_count=3)
    async with start_bot(settings) as h:
        await h.send(f"{site.url(NATIONAL)} {site.url(PROVINCIAL)} {site.url(LEGACY)}")
        await h.settle()
        await h.send(site.url(EXPRESS))  # a fourth article within the minute
        await h.settle()
        assert len(h.digests()) == 3
        assert sum("gửi hơi nhanh" in t for t in h.texts()) == 1


async def test_links_past_the_per_message_limit_are_named_not_dropped(
    tmp_path: Path, site: WebServer
) -> None:
    settings = make_settings(tmp_path, fetch_allow_private=True, max_pending_per_user=50)
    paths = [NATIONAL, PROVINCIAL, LEGACY, EXPRESS, "/bai-da-go.html", "/bai-het-han.html",
             "/loi-may-chu.html"]
    async with start_bot(settings) as h:
        await h.send("\n".join(site.url(path) for path in paths))
        await h.settle()
        assert text("vi", "link_too_many", taken=MAX_LINKS, left=2) in h.texts()


async def test_a_known_link_redelivered_after_a_kill_is_not_answered_again(
    tmp_path: Path, site: WebServer
) -> None:
    settings = make_settings(tmp_path, fetch_allow_private=True, max_page_bytes=PAGE_LIMIT,
                             fetch_timeout_s=1.5)
    async with start_bot(settings) as h:
        await h.send(site.url(NATIONAL))
        await h.settle()
        again = await h.send(site.url(NATIONAL))
        await h.settle()
        assert len(h.digests()) == 2  # the digest, then the same one from history
    # Killed before the update mark was saved: Telegram delivers the same update again.
    async with start_bot(settings) as h2:
        await h2.feed({"message": again}, update_id=900)
        await h2.settle()
        assert h2.texts() == []
        assert (await h2.rt.store.digests.history(USER)).total == 1


async def test_a_refused_link_lost_to_an_outage_and_a_kill_is_answered_after_restart(
    tmp_path: Path, site: WebServer
) -> None:
    settings = make_settings(tmp_path, fetch_allow_private=True, max_page_bytes=PAGE_LIMIT,
                             fetch_timeout_s=1.5)
    async with start_bot(settings) as h:
        h.api.fail("sendMessage", times=10_000, status=502, description="Bad Gateway")
        await h.send(site.url("/bai-da-go.html"))
        for _ in range(100):  # the page was fetched and refused; Telegram takes no answer
            if len(h.api.of("sendMessage")) >= 2:
                break
            await asyncio.sleep(0.02)
        await h.rt.worker.stop()  # "killed" before the answer was shown
    async with start_bot(settings) as h2:
        await h2.settle(timeout=15)
        assert h2.texts() == [shown("link_not_found", status=404)]
        assert await h2.rt.store.jobs.queue_length() == 0


async def test_a_rate_limit_refusal_comes_after_the_known_links_it_let_through(
    tmp_path: Path, site: WebServer
) -> None:
    settings = make_settings(tmp_path, fetch_allow_private=True, max_page_bytes=PAGE_LIMIT,
                             fetch_timeout_s=1.5, rate_limit_count=3)
    async with start_bot(settings) as h:
        await h.send(f"{site.url(NATIONAL)} {site.url(PROVINCIAL)}")
        await h.settle()
        await h.send(f"{site.url(NATIONAL)} {site.url(PROVINCIAL)}")  # one more is allowed
        await h.settle()
        texts = h.texts()
        assert "gửi hơi nhanh" in texts[-1]
        assert len(h.digests()) == 3 and articles()[0].title in texts[-2]

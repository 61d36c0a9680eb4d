"""Search results headers: an exact count, or "more than 1,000" once the store stops counting."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.views.browse import Reader, search_page
from storage import MATCH_CAP, BulkDigest, ChatSettings, Store
from tests.storage.conftest import make_digest


def reader(lang: str) -> Reader:
    return Reader(lang, UTC, ChatSettings(1, language=lang))


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    start = datetime(2026, 5, 1, tzinfo=UTC)
    items = [
        BulkDigest(1, 7, f"Bài {n} về ngân sách xã.", make_digest(title=f"Ngân sách xã {n}"),
                   start + timedelta(hours=n))
        for n in range(MATCH_CAP + 3)
    ] + [BulkDigest(1, 7, "Bài về cầu.", make_digest(title="Cầu mới"), start)]
    async with Store(tmp_path / "tomtat.db") as opened:
        await opened.admin.insert_digests_bulk(items)
        yield opened


@pytest.mark.parametrize(("lang", "header", "page"), [
    ("vi", "<b>Kết quả cho “ngân sách”</b> (hơn 1.000 kết quả)", " · Trang 1"),
    ("en", "<b>Results for “ngân sách”</b> (more than 1,000 results)", " · Page 1"),
])
async def test_a_busy_search_says_more_than_the_cap(
    store: Store, lang: str, header: str, page: str
) -> None:
    body, keyboard = await search_page(store, 1, reader(lang), "ngân sách", "k")
    assert body.startswith(header + page + "\n")
    assert keyboard is not None and "▶" in str(keyboard)  # the next page is still offered


async def test_a_count_under_the_cap_is_exact(store: Store) -> None:
    body, _ = await search_page(store, 1, reader("en"), "cau moi", "k")
    assert body.startswith("<b>Results for “cau moi”</b> (1)\n")

"""Fixtures for storage tests: a real SQLite file per test and hand-written Vietnamese digests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import Store
from summarizer.digest import Decision, Digest, Official


def sqlite_only(reason: str) -> pytest.MarkDecorator:
    """Marks a test of what only the SQLite engine has (it takes `tmp_path`, not `target`)."""
    return pytest.mark.sqlite_only(reason=reason)


def make_digest(
    title: str = "Tỉnh Quảng Ngãi quyết định sắp xếp trụ sở xã",
    summary: str = (
        "UBND tỉnh Quảng Ngãi vừa ban hành quyết định sắp xếp lại trụ sở làm việc của các xã"
        " sau sáp nhập, ưu tiên dùng trụ sở cũ còn tốt."
    ),
    officials: tuple[Official, ...] = (
        Official("Nguyễn Hồ Hải", ("Phó Chủ tịch UBND tỉnh",)),
        Official("Trần Thị Hoà", ("Giám đốc Sở Nội vụ",)),
    ),
    decisions: tuple[Decision, ...] = (
        Decision("Giao Sở Tài chính rà soát trụ sở dôi dư trước ngày 30/6", "UBND tỉnh"),
    ),
) -> Digest:
    """A small digest as the summarizer would return it."""
    return Digest(
        title=title,
        summary=summary,
        officials=officials,
        decisions=decisions,
        engine="extractive",
        model=None,
        input_words=420,
        summary_words=38,
        elapsed_ms=85,
    )


ARTICLE = (
    "Tỉnh Quảng Ngãi quyết định sắp xếp trụ sở xã\n\n"
    "Chiều 12/5, ông Nguyễn Hồ Hải, Phó Chủ tịch UBND tỉnh, chủ trì cuộc họp về việc sắp xếp "
    "trụ sở làm việc của các xã mới. Bà Trần Thị Hoà, Giám đốc Sở Nội vụ, báo cáo tiến độ."
)


ENGINES = ["sqlite", "postgresql"]


def _where(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    if request.param == "postgresql":
        return str(request.getfixturevalue("postgres_url"))
    return tmp_path / "tomtat.db"


@pytest.fixture(params=ENGINES)
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a test's database lives: a fresh SQLite file, then a fresh PostgreSQL database
    (tests/support/postgres.py). Tests of what only SQLite has (its file, WAL, its migrations
    from older files) take `tmp_path` instead and say so with `sqlite_only`."""
    return _where(request, tmp_path)


@pytest.fixture(params=ENGINES)
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    """An open store on a fresh database, on each engine (importable by other test packages)."""
    async with Store(_where(request, tmp_path)) as opened:
        yield opened


async def add_digest(
    store: Store, chat_id: int, digest: Digest | None = None, text: str = ARTICLE, user_id: int = 7
) -> int:
    """Run one article through the job lifecycle; returns the digest's per-chat number."""
    job = await store.jobs.enqueue(
        chat_id, user_id, text, [100], length="medium", language=None, reply_to=100
    )
    claimed = await store.queue.claim("test-worker")
    assert claimed is not None and claimed.id == job.id
    stored = await store.jobs.complete(chat_id, job.id, digest or make_digest())
    await store.jobs.mark_delivered(chat_id, job.id)  # frees the chat for its next job
    return stored.number

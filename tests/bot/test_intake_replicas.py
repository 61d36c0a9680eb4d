"""The paste-merge window across processes: two intakes (two ingress replicas) on one database
file; whichever gets each piece of a paste, it becomes one job."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.paste.extract import NotArticle
from bot.services.intake.window import Intake, Refused
from storage import Job, Store

WINDOW_S = 0.3
CHAT, USER = 5, 7


class Replicas:
    """Two intakes on two connections to one database; the jobs they made."""

    def __init__(self, a: Store, b: Store) -> None:
        self.jobs: list[Job] = []
        self.a, self.b = self.intake(a), self.intake(b)

    def intake(self, store: Store) -> Intake:
        async def on_job(job: Job) -> None:
            self.jobs.append(job)

        async def on_reject(paste: Refused, exc: NotArticle) -> None:
            raise AssertionError(f"refused: {exc.key}")

        return Intake(store, window_s=WINDOW_S, max_chars=100_000, on_job=on_job,
                      on_reject=on_reject)

    async def piece(self, intake: Intake, message_id: int, text: str, *, more: bool) -> None:
        await intake.add(CHAT, USER, message_id, text, length="medium", language="vi",
                         reply_to=message_id, more=more)


@pytest.fixture
async def replicas(tmp_path: Path) -> AsyncIterator[Replicas]:
    path = tmp_path / "shared.db"
    async with Store(path) as a, Store(path) as b:
        pair = Replicas(a, b)
        yield pair
        await pair.a.close()
        await pair.b.close()


async def test_the_last_piece_on_the_other_replica_closes_the_paste(replicas: Replicas) -> None:
    await replicas.piece(replicas.a, 10, "Phần đầu bài báo", more=True)
    assert await replicas.b.pending(CHAT, USER)  # b never saw the first piece
    await replicas.piece(replicas.b, 11, "phần cuối bài báo", more=False)
    await asyncio.sleep(WINDOW_S * 2)  # a's window ends too: nothing is left for it
    assert [job.text for job in replicas.jobs] == ["Phần đầu bài báo\nphần cuối bài báo"]
    assert not await replicas.a.pending(CHAT, USER)


async def test_a_window_ending_on_one_replica_waits_for_a_piece_the_other_just_got(
    replicas: Replicas,
) -> None:
    await replicas.piece(replicas.a, 10, "Phần một", more=True)
    await asyncio.sleep(WINDOW_S * 0.6)
    await replicas.piece(replicas.b, 11, "phần hai", more=True)
    await asyncio.sleep(WINDOW_S * 0.6)  # a's window is over, but b's piece is newer
    assert replicas.jobs == []
    await asyncio.sleep(WINDOW_S)
    assert [job.text for job in replicas.jobs] == ["Phần một\nphần hai"]


async def test_the_sweep_closes_a_paste_whose_replica_went_away(replicas: Replicas) -> None:
    await replicas.piece(replicas.a, 10, "Phần một", more=True)
    await replicas.a.close()  # its timer is gone; the piece is on disk
    assert await replicas.b.recover(alone=False) == 0  # not quiet yet: left to the sweep
    await asyncio.sleep(WINDOW_S * 2.5)
    assert [job.text for job in replicas.jobs] == ["Phần một"]

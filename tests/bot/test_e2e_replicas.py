"""End to end beyond one process: 2 ingress replicas (webhook, behind a round-robin forwarder) and
3 workers on one store; a worker SIGKILLed mid-job loses nothing and repeats nothing."""

from __future__ import annotations

import asyncio
import importlib.util
import re
from pathlib import Path

import pytest

from tests.bot.e2e_support import (
    digest_sources,
    expected_chunks,
    fixture,
    footers,
    news_items,
    split_like_telegram,
)
from tests.support.replicas import Cluster, WorkerProcess

pytestmark = pytest.mark.e2e
CHATS = [3001, 3002, 3003, 3004, 3005, 3006]
SLOW_CHAT = 3003  # its first reply is held up at "Telegram" while its worker is killed
PASTE_CHATS = (4001, 4002)
# PostgreSQL once its test cluster (tests/support/postgres.py, branch pg-backend) is here.
ENGINES = ["sqlite"] + (["postgresql"] if importlib.util.find_spec("tests.support.postgres")
                        else [])


@pytest.fixture(params=ENGINES)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The database all the processes share: a SQLite file (WAL), or a fresh PostgreSQL one."""
    if request.param == "sqlite":
        return str(tmp_path / "shared.sqlite3")
    return str(request.getfixturevalue("postgres_url"))


def articles_of(chat: int, items: list[str]) -> list[str]:
    """Five different articles per chat, in a different order in each chat."""
    start = CHATS.index(chat)
    return [items[(start + i) % len(items)] for i in range(5)]


async def test_split_pastes_across_replicas_give_one_digest_each(tmp_path: Path,
                                                                 database: str) -> None:
    pieces = split_like_telegram(fixture("e2e_appointments.txt"))
    assert len(pieces) == 3
    async with Cluster(tmp_path, ingress=2, workers=1, db=database) as cluster:
        stub = cluster.stub
        # Round robin: pieces 1 and 3 reach one replica, piece 2 the other.
        for piece in pieces:
            stub.push_text(PASTE_CHATS[0], None, piece)
        # A paste cut short: its last piece reaches the replica that did not time it.
        for piece in pieces[:2]:
            stub.push_text(PASTE_CHATS[1], None, piece)
        for chat in PASTE_CHATS:
            await stub.wait_for(lambda chat=chat: footers(stub, chat), timeout=20)
        await asyncio.sleep(1.5)  # past the merge window: no second digest may follow
        first: dict[int, int] = {}  # update id → the replica it reached first
        for update_id, replica in cluster.forwarder.routes:
            first.setdefault(update_id, replica)
        replicas = [first[update_id] for update_id in sorted(first)]
        assert len(replicas) == 5
        assert replicas[0] != replicas[1] and replicas[3] != replicas[4]
        assert footers(stub, PASTE_CHATS[0]) == [1]
        assert footers(stub, PASTE_CHATS[1]) == [1]
        expected = expected_chunks(fixture("e2e_appointments.txt"), 1)
        assert digest_sources(stub, PASTE_CHATS[0], 1, len(expected)) == expected


async def test_thirty_articles_two_replicas_three_workers_one_killed(tmp_path: Path,
                                                                     database: str) -> None:
    items = news_items()
    async with Cluster(tmp_path, ingress=2, workers=3, db=database) as cluster:
        stub = cluster.stub
        stub.inject("editMessageText", "slow", delay=3.0, chat_id=SLOW_CHAT)
        for i in range(5):
            for chat in CHATS:
                stub.push_text(chat, None, articles_of(chat, items)[i])

        def holder() -> WorkerProcess | None:
            if not stub.calls_to("editMessageText", SLOW_CHAT):
                return None
            return next((w for w in cluster.workers if w.claimed(SLOW_CHAT)), None)

        victim = await stub.wait_for(holder, timeout=30)
        victim.kill()  # SIGKILL while its job's reply is on its way
        await victim.wait()

        for chat in CHATS:
            await stub.wait_for(lambda chat=chat: len(set(footers(stub, chat))) == 5, timeout=30)
        await asyncio.sleep(2.5)  # longer than a lease: a second copy would show by now
        for chat in CHATS:
            # Every article exactly one digest, in paste order, each the right article's.
            assert footers(stub, chat) == [1, 2, 3, 4, 5], chat
            for number, article in enumerate(articles_of(chat, items), start=1):
                chunks = expected_chunks(article, number)
                assert digest_sources(stub, chat, number, len(chunks)) == chunks
        assert {index for _, index in cluster.forwarder.routes} == {0, 1}
        assert not any("claimed job" in p.log() for p in cluster.ingress)  # no model there
        # The killed worker's job was finished by another worker, after its lease ran out.
        held = re.findall(rf"claimed job (\d+) of chat {SLOW_CHAT} ", victim.log())
        assert held
        survivors = [w for w in cluster.workers if w is not victim]
        assert any(f"claimed job {held[-1]} of chat {SLOW_CHAT} (" in w.log() for w in survivors)


async def test_a_length_press_reaching_an_ingress_is_rewritten_by_a_worker(
    tmp_path: Path, database: str
) -> None:
    chat = 5001
    # The replica's configured engine cannot even load (no model there): a summary on the
    # ingress would fail; the press must reach a worker. Python logs every import it makes.
    no_model = {"TOMTAT_ENGINE": "abstractive", "TOMTAT_MODEL": str(tmp_path / "no-model"),
                "PYTHONPROFILEIMPORTTIME": "1"}
    async with Cluster(tmp_path, ingress=1, workers=1, db=database,
                       ingress_env=no_model) as cluster:
        stub = cluster.stub
        stub.push_text(chat, None, news_items()[0])
        await stub.wait_for(lambda: 1 in footers(stub, chat), timeout=20)
        digest = next(m for m in stub.messages_to(chat) if m.buttons())
        before, edits = digest.text or "", digest.edits
        query = stub.push_callback(chat, None, digest.message_id, digest.button("Ngắn"))
        await stub.wait_for(lambda: stub.callback_answer(query) is not None)
        assert stub.callback_answer(query) == "Đang tóm tắt lại…"
        await stub.wait_for(lambda: digest.edits > edits, timeout=20)
        assert "✓ Ngắn" in [label for label, _ in digest.buttons()]
        assert len(digest.text or "") < len(before) and "#1" in (digest.text or "")
        assert footers(stub, chat) == [1]  # edited in place, nothing sent again
        (ingress,), (worker,) = cluster.ingress, cluster.workers
        assert "claimed job 2 of chat 5001 (running)" in worker.log()
        # Only the worker ever loaded an engine (summarizer/engines/select.py logs each load);
        # the ingress did not even import one, nor the pipeline, start-up to button press.
        assert "engine: " in worker.log() and "engine: " not in ingress.log()
        imported = {line.rsplit("|", 1)[1].strip() for line in ingress.log().splitlines()
                    if line.startswith("import time:")}
        assert {"bot.app", "summarizer.engines.choices"} <= imported  # the import log works
        assert not imported & {"summarizer.engines.select", "summarizer.engines.extractive",
                               "summarizer.engines.abstractive", "summarizer.pipeline"}

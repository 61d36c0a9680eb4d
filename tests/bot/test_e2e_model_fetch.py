"""End to end: `tomtat run` fetching the default model from a hub on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.engines.generation import DEFAULT_MODEL
from tests.bot.e2e_support import digest_of, news_items, running_bot, shown
from tests.support.model_hub import ModelHub
from tests.support.tiny_t5 import TRAINED_SUMMARY, TinyModels

pytestmark = pytest.mark.e2e
A = 1001
STAYS = "the embedded extractive engine stays"
READY = "new digests are written by the abstractive engine"


@pytest.fixture
def hub(tiny_models: TinyModels) -> Iterator[ModelHub]:
    # The engine tests' trained tiny model (built once per session), served as the default.
    served = ModelHub({DEFAULT_MODEL: tiny_models.trained}).start()
    yield served
    served.stop()


def _env(tmp_path: Path, endpoint: str) -> dict[str, str]:
    """The default engine and model, the hub at `endpoint`, caches in the test's folder."""
    return {
        "TOMTAT_ENGINE": "auto", "HF_HUB_OFFLINE": "0", "HF_ENDPOINT": endpoint,
        "HF_HOME": str(tmp_path / "hf"), "HOME": str(tmp_path / "home"),
        "HF_HUB_DISABLE_TELEMETRY": "1",
    }


def _last_digest(stub: object, chat: int) -> str:
    messages = stub.messages_to(chat)  # type: ignore[attr-defined]
    return next(m.text for m in reversed(messages) if m.text and "→" in m.text)


async def test_a_hub_that_fails_leaves_the_bot_on_the_embedded_engine(tmp_path: Path) -> None:
    hub = ModelHub({DEFAULT_MODEL: tmp_path}).start()  # never serves a file: it answers 500
    hub.failing = True
    async with running_bot(tmp_path, _env(tmp_path, hub.endpoint)) as (stub, proc):
        stub.push_text(A, None, "/help")
        await stub.wait_for(lambda: any(m.text == shown("help") for m in stub.messages_to(A)),
                            timeout=15)
        await digest_of(stub, A, news_items()[0], 1)
        for _ in range(100):
            if STAYS in proc.log():
                break
            await asyncio.sleep(0.1)
        assert proc.log().count(STAYS) == 1
        assert "Trích câu từ bài ·" in _last_digest(stub, A)  # the footer names the engine
    hub.stop()


async def test_the_bot_serves_at_once_then_switches_to_the_fetched_model(
    tmp_path: Path, hub: ModelHub
) -> None:
    async with running_bot(tmp_path, _env(tmp_path, hub.endpoint)) as (stub, proc):
        await digest_of(stub, A, news_items()[0], 1)
        for _ in range(1200):
            if READY in proc.log() or STAYS in proc.log():
                break
            await asyncio.sleep(0.1)
        assert READY in proc.log(), proc.log()[-3000:]
        await digest_of(stub, A, news_items()[1], 2, timeout=60)
        last = _last_digest(stub, A)
        assert TRAINED_SUMMARY in last and "Viết lại (ViT5) ·" in last

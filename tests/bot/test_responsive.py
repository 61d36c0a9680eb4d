"""A paste being cleaned and checked never keeps the bot from answering other chats."""

from __future__ import annotations

import asyncio
import threading

import pytest

from bot.services.intake import accept
from tests.bot.conftest import OTHER_USER, Harness

GATE_S = 10.0


class GatedCleaner:
    """`clean_text` that holds the paste until the test lets it go (or GATE_S passes)."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.gate = threading.Event()
        self.timed_out = False
        self._clean = accept.clean_text

    def __call__(self, raw: str) -> str:
        self.entered.set()
        # On the event loop this wait freezes every chat; off it, only this paste waits.
        self.timed_out = not self.gate.wait(GATE_S)
        return self._clean(raw)


async def test_other_chats_are_answered_while_a_paste_is_checked(
    harness: Harness, article: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cleaner = GatedCleaner()
    monkeypatch.setattr(accept, "clean_text", cleaner)
    paste = asyncio.create_task(harness.send(article))
    assert await asyncio.to_thread(cleaner.entered.wait, GATE_S)
    await harness.send("/help", chat_id=OTHER_USER, user_id=OTHER_USER)
    answered_meanwhile = bool(harness.texts(OTHER_USER))
    cleaner.gate.set()
    await paste
    await harness.settle()
    assert not cleaner.timed_out, "the paste held the event loop: no other chat could be served"
    assert answered_meanwhile and "/history" in harness.texts(OTHER_USER)[0]
    assert len(harness.digests()) == 1  # the held paste still gets its digest

"""End to end: a hostile .html file never holds up another chat nor the process's shutdown."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

import pytest

from tests.bot.e2e_support import news_items, running_bot, shown

pytestmark = pytest.mark.e2e
A, B = 1001, 1002
# Each ≈ 60 KB; the standard-library HTMLParser took seconds to minutes on these.
HOSTILE = {"attributes": "<a " * 20000, "comments": "<!--" * 40000, "end_tags": "</" * 100000}


def hostile_page(kind: str) -> bytes:
    """A short real article followed by `kind`'s hostile markup."""
    head = f"<html><body><p>{news_items()[0]}</p>"
    return (head + HOSTILE[kind]).encode("utf-8")


@pytest.mark.parametrize("kind", sorted(HOSTILE))
async def test_a_hostile_html_file_holds_up_no_other_chat(tmp_path: Path, kind: str) -> None:
    async with running_bot(tmp_path) as (stub, proc):
        stub.push_document(A, None, hostile_page(kind), filename="bai.html",
                           mime_type="text/html")
        await stub.wait_for(lambda: stub.calls_to("getFile"))
        await asyncio.sleep(0.1)  # the file is downloaded and being read now
        asked = time.monotonic()
        stub.push_text(B, None, "/help")
        await stub.wait_for(lambda: any(m.text == shown("help") for m in stub.messages_to(B)),
                            timeout=60)
        waited = time.monotonic() - asked
        print(f"{kind}: /help answered in {waited:.2f} s")
        assert waited < 1.0, f"/help waited {waited:.1f} s behind a hostile file"
        await stub.wait_for(lambda: stub.messages_to(A), timeout=15)  # the sender is answered

        stub.push_document(A, None, hostile_page(kind), filename="bai2.html",
                           mime_type="text/html")
        calls = len(stub.calls_to("getFile"))
        await stub.wait_for(lambda: len(stub.calls_to("getFile")) > calls)
        stopped = time.monotonic()
        proc.kill(signal.SIGTERM)
        await proc.wait(timeout=60)
        took = time.monotonic() - stopped
        print(f"{kind}: SIGTERM took {took:.2f} s")
        assert took < 2.0, f"SIGTERM took {took:.1f} s"

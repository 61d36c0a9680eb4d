"""Long polling: updates are confirmed to Telegram only after they were handled."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.paste import extract
from bot.paste.decoding import Decoded
from bot.services.intake import accept
from bot.settings import Settings
from bot.transport.offsets import UpdateMark, mark_path
from bot.transport.polling import STOP_GRACE_S, poll
from tests.bot.conftest import OTHER_USER, USER, client_split, start_bot
from tests.bot.test_responsive import GatedCleaner
from tests.support.fake_request import BOT_ID


async def poll_until(
    app: Application[Any, Any, Any, Any, Any, Any], done: Callable[[], object],
    mark: UpdateMark | None = None,
) -> None:
    """Poll until `done()` holds (10 s at most), then stop polling cleanly."""
    stop = asyncio.Event()
    task = asyncio.create_task(poll(app, stop, timeout=1, mark=mark))
    for _ in range(500):
        if done():
            break
        await asyncio.sleep(0.02)
    stop.set()
    await asyncio.wait_for(task, 5)


async def test_poll_handles_updates_and_confirms_them_afterwards(
    settings: Settings, fixtures_dir: Path
) -> None:
    parts = client_split((fixtures_dir / "e2e_appointments.txt").read_text(encoding="utf-8"))
    async with start_bot(settings) as h:
        for uid, part in enumerate(parts, start=41):
            h.api.updates.append({"update_id": uid, "message": h.message(part)})
        await poll_until(h.app, h.digests)
        assert len(h.digests()) == 1
        offsets = [c.params.get("offset") for c in h.api.of("getUpdates")]
        assert offsets[0] is None and 41 + len(parts) in offsets
        assert not h.api.updates  # everything handled was confirmed
        assert (await h.rt.store.digests.history(USER)).total == 1


async def test_poll_survives_getupdates_failures(settings: Settings, article: str) -> None:
    async with start_bot(settings) as h:
        h.api.fail("getUpdates", times=1, status=502, description="Bad Gateway")
        h.api.updates.append({"update_id": 7, "message": h.message("/help")})
        await poll_until(h.app, h.texts)
        assert "/history" in h.texts()[0]


async def test_updates_handled_before_a_restart_are_skipped(
    settings: Settings, article: str, tmp_path: Path
) -> None:
    mark = UpdateMark(mark_path(tmp_path / "bot.sqlite3"))
    async with start_bot(settings) as h:
        h.api.updates.append({"update_id": 90, "message": h.message(article)})
        await poll_until(h.app, h.digests, mark=mark)
    reloaded = UpdateMark(mark.path)
    reloaded.load(BOT_ID)
    assert reloaded.value == 90
    other_bot = UpdateMark(mark.path)
    other_bot.load(BOT_ID + 1)
    assert other_bot.value is None  # a new token is a new bot: its ids mean nothing here
    async with start_bot(settings) as h2:  # Telegram re-delivers the unconfirmed update
        h2.api.updates.append({"update_id": 90, "message": h2.message(article)})

        def confirmed() -> bool:  # the re-delivered update was confirmed
            return any(c.params.get("offset") == 91 for c in h2.api.of("getUpdates"))

        await poll_until(h2.app, confirmed, mark=UpdateMark(mark.path))
        await h2.settle()
        assert h2.texts() == []
        assert confirmed()


async def test_only_the_first_batch_after_a_restart_is_filtered(
    settings: Settings, article: str, tmp_path: Path
) -> None:
    path = mark_path(tmp_path / "bot.sqlite3")
    path.write_text(f"{BOT_ID} 500", encoding="ascii")
    mark = UpdateMark(path)
    async with start_bot(settings) as h:
        h.api.updates.append({"update_id": 499, "message": h.message("/start")})
        h.api.updates.append({"update_id": 501, "message": h.message("/help")})
        await poll_until(h.app, h.texts, mark=mark)
        assert len(h.texts()) == 1 and "Cách dùng" in h.texts()[0]
    # Ids restart low after a week of silence: from now on nothing is skipped.
    assert not mark.seen(3)
    assert path.read_text(encoding="ascii") == f"{BOT_ID} 501"


async def test_a_slow_update_holds_up_neither_other_chats_nor_its_confirmation_order(
    settings: Settings, article: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cleaner = GatedCleaner()
    monkeypatch.setattr(accept, "clean_text", cleaner)
    async with start_bot(settings) as h:
        h.api.updates.append({"update_id": 60, "message": h.message(article)})
        stop = asyncio.Event()
        task = asyncio.create_task(poll(h.app, stop, timeout=1))
        assert await asyncio.to_thread(cleaner.entered.wait, 5)
        h.api.updates.append({"update_id": 61, "message": h.message(
            "/help", chat_id=OTHER_USER, user_id=OTHER_USER)})
        for _ in range(150):
            if h.texts(OTHER_USER):
                break
            await asyncio.sleep(0.02)
        answered_meanwhile = bool(h.texts(OTHER_USER))
        offsets_meanwhile = [c.params.get("offset") for c in h.api.of("getUpdates")]
        cleaner.gate.set()
        for _ in range(250):
            if h.digests():
                break
            await asyncio.sleep(0.02)
        stop.set()
        await asyncio.wait_for(task, 5)
        assert answered_meanwhile, "another chat waited behind a slow update"
        # Nothing was confirmed past the update still being read…
        assert all(o is None or o <= 60 for o in offsets_meanwhile)
        # …and everything was once it was handled.
        assert any(c.params.get("offset") == 62 for c in h.api.of("getUpdates"))
        assert len(h.digests()) == 1


async def test_stopping_never_waits_for_a_document_being_read_and_leaves_it_unconfirmed(
    settings: Settings, article: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    entered, gate = threading.Event(), threading.Event()

    def stuck(file_name: str | None, raw: bytes) -> Decoded:
        entered.set()
        gate.wait(30)  # a parse that would take far longer than anyone should wait
        return Decoded(article)

    monkeypatch.setattr(extract, "read_document", stuck)
    async with start_bot(settings) as h:
        h.api.files["documents/s1"] = b"<html>...</html>"
        document = {"file_id": "s1", "file_unique_id": "us1", "file_name": "bai.html",
                    "mime_type": "text/html", "file_size": 16}
        h.api.updates.append({"update_id": 70, "message": h.message(None, document=document)})
        stop = asyncio.Event()
        task = asyncio.create_task(poll(h.app, stop, timeout=1))
        assert await asyncio.to_thread(entered.wait, 5)
        loop = asyncio.get_running_loop()
        asked = loop.time()
        stop.set()
        await asyncio.wait_for(task, 10)
        took = loop.time() - asked
        gate.set()
        assert took < STOP_GRACE_S + 1.0, f"stopping waited {took:.1f} s for a parse"
        # Not handled, so not confirmed: Telegram sends it again after the restart.
        assert all((c.params.get("offset") or 0) <= 70 for c in h.api.of("getUpdates"))

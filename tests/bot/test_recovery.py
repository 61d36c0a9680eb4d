"""Crash safety and Telegram faults: after a restart the user gets exactly one digest."""

from __future__ import annotations

from dataclasses import replace

from bot.settings import Settings
from storage import Store
from tests.bot.conftest import GROUP, OTHER_USER, USER, Harness, start_bot
from tests.support.fake_engine import FakeEngine
from tests.support.fake_request import FakeBotAPI


async def test_paste_cut_by_a_crash_inside_the_merge_window_is_resumed(
    settings: Settings, article: str
) -> None:
    half = len(article) // 2
    async with Store(settings.db_path) as store:  # what a killed run left on disk
        await store.chats.add_fragment(USER, USER, 1, article[:half])
        await store.chats.add_fragment(USER, USER, 2, article[half:])
    async with start_bot(settings) as h:
        await h.settle()
        assert len(h.digests()) == 1
        assert h.api.of("sendMessage")[-1].params["reply_parameters"]["message_id"] == 1


async def test_queued_and_running_jobs_are_resumed(settings: Settings, article: str) -> None:
    async with Store(settings.db_path) as store:
        await store.jobs.enqueue(USER, USER, article, (1,), length="medium", language="vi",
                            reply_to=1)
        await store.jobs.enqueue(USER, USER, article + "\nMột dòng khác.", (2,), length="medium",
                            language="vi", reply_to=2)
        assert await store.queue.claim("w1")  # the first was being summarised when the bot died
    async with start_bot(settings) as h:
        await h.settle()
        assert len(h.digests()) == 2
        assert h.engine.calls == 2


async def test_digest_done_but_undelivered_is_delivered_once_without_rework(
    settings: Settings, article: str
) -> None:
    engine = FakeEngine()
    async with start_bot(settings, engine) as h:
        h.api.fail("sendMessage", times=10, status=502, description="Bad Gateway")
        await h.send(article)
        await h.settle_intake()
        for _ in range(100):
            if (await h.rt.store.digests.history(USER)).total:
                break
            await h.settle_intake()
        await h.rt.worker.stop()  # "killed" during delivery
    assert engine.calls == 1
    async with start_bot(settings, engine) as h2:
        await h2.settle()
        assert len(h2.digests()) == 1
        assert engine.calls == 1
        assert await h2.rt.store.jobs.queue_length() == 0


async def test_network_errors_on_delivery_are_retried(harness: Harness, article: str) -> None:
    harness.api.fail("sendMessage", times=2, status=500)
    await harness.send(article)
    await harness.settle()
    assert len(harness.digests()) == 1


async def test_rejected_markup_is_resent_as_plain_text(harness: Harness, article: str) -> None:
    harness.api.fail("editMessageText", status=400,
                     description="Bad Request: can't parse entities: unsupported start tag")
    await harness.send(article)
    await harness.settle()
    (digest,) = harness.digests()
    last = harness.api.of("editMessageText")[-1].params
    assert "parse_mode" not in last and "<b>" not in digest


async def test_cosmetic_failures_never_stop_a_digest(settings: Settings, article: str) -> None:
    api = FakeBotAPI()
    api.fail("setMyCommands", times=2, status=500)
    api.fail("sendChatAction", times=5, status=500)
    slow = replace(settings, status_after_s=0.01)
    async with start_bot(slow, FakeEngine(delay_s=0.3), api) as h:
        h.api.fail("editMessageText", times=1, status=500)
        await h.send(article)
        await h.settle()
        assert len(h.digests()) == 1


async def test_engine_failure_is_retried_then_succeeds(harness: Harness, article: str) -> None:
    harness.engine.failures = 1
    await harness.send(article)
    await harness.settle()
    assert len(harness.digests()) == 1
    assert harness.engine.calls == 2


async def test_engine_failing_every_time_is_reported_kindly(
    harness: Harness, article: str
) -> None:
    harness.engine.failures = 10
    await harness.send(article)
    await harness.settle()
    assert harness.digests() == []
    assert "chưa tóm tắt được" in harness.texts()[-1]
    assert "Traceback" not in harness.texts()[-1]


async def test_long_telegram_outage_is_bridged_and_flood_control_honoured(
    harness: Harness, article: str
) -> None:
    harness.api.fail("sendMessage", times=6, status=503, description="Service Unavailable")
    harness.api.fail("sendMessage", times=1, status=429, description="Too Many Requests",
                     retry_after=1)
    await harness.send(article)
    await harness.settle(timeout=15)
    assert len(harness.digests()) == 1
    assert await harness.rt.store.jobs.queue_length() == 0


async def test_unexpected_store_error_is_reported_and_the_queue_goes_on(
    harness: Harness, article: str, article2: str
) -> None:
    store = harness.rt.store
    original = store.jobs.complete
    calls = 0

    async def broken_once(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("disk full")
        return await original(*args, **kwargs)  # type: ignore[arg-type]

    store.jobs.complete = broken_once  # type: ignore[method-assign]
    await harness.send(article)
    await harness.settle()
    assert "chưa tóm tắt được" in harness.texts()[-1]
    await harness.send(article2)
    await harness.settle()
    assert len(harness.digests()) == 1


async def test_redelivered_document_after_a_kill_is_not_summarised_twice(
    settings: Settings, article: str
) -> None:
    sent = {"message_id": 9, "date": 1, "chat": {"id": USER, "type": "private",
                                                   "first_name": "Lan"},
            "from": {"id": USER, "is_bot": False, "first_name": "Lan", "language_code": "vi"},
            "document": {"file_id": "k1", "file_unique_id": "uk1", "file_name": "bai.txt",
                         "mime_type": "text/plain", "file_size": 3000}}
    async with start_bot(settings) as h:
        h.api.files["documents/k1"] = article.encode("utf-8")
        await h.feed({"message": sent}, update_id=500)
        await h.settle()
        assert len(h.digests()) == 1
    # Killed before the update mark was saved: Telegram delivers the same update again.
    async with start_bot(settings) as h2:
        h2.api.files["documents/k1"] = article.encode("utf-8")
        await h2.feed({"message": sent}, update_id=500)
        await h2.settle()
        assert h2.texts() == []  # no second digest, not even a "seen before" note
        assert h2.api.of("getFile") == [] and h2.engine.calls == 0
        assert (await h2.rt.store.digests.history(USER)).total == 1


async def test_redelivered_summarize_reply_after_a_kill_resumes_the_one_job(
    settings: Settings, article: str
) -> None:
    original = {"message_id": 3, "date": 1, "chat": {"id": GROUP, "type": "supergroup",
                                                     "title": "Nhóm"},
                "from": {"id": OTHER_USER, "is_bot": False, "first_name": "Minh"},
                "text": article}
    command = {"message_id": 4, "date": 1, "chat": original["chat"],
               "from": {"id": USER, "is_bot": False, "first_name": "Lan", "language_code": "vi"},
               "text": "/summarize", "reply_to_message": original,
               "entities": [{"type": "bot_command", "offset": 0, "length": 10}]}
    async with Store(settings.db_path) as store:  # the killed run had queued the job
        await store.jobs.enqueue(GROUP, USER, article, (4,), length="medium", language="vi",
                            reply_to=3)
    async with start_bot(settings) as h:
        await h.feed({"message": command}, update_id=700)  # …and the update comes again
        await h.settle()
        assert len(h.digests(GROUP)) == 1
        assert h.engine.calls == 1


async def test_a_refusal_lost_to_an_outage_and_a_kill_is_answered_after_restart(
    settings: Settings, article: str
) -> None:
    engine = FakeEngine(failures=100)
    async with start_bot(settings, engine) as h:
        h.api.fail("sendMessage", times=10_000, status=502, description="Bad Gateway")
        await h.send(article)
        await h.settle_intake()
        for _ in range(200):
            if engine.calls >= settings.max_attempts:
                break
            await h.settle_intake()
        await h.settle_intake()
        await h.rt.worker.stop()  # "killed" while Telegram would not take the answer
    async with start_bot(settings, engine) as h2:
        await h2.settle()
        assert sum("chưa tóm tắt được" in t for t in h2.texts()) == 1
        assert await h2.rt.store.jobs.queue_length() == 0

"""`tomtat run --role`: an ingress stores and answers but never summarises; a worker summarises
what another process stored; the role is read once, and a setup that cannot work says why."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.app import build_application
from bot.cli import build_parser, main
from bot.settings import Settings
from bot.transport.roles import serve_worker
from storage import Store
from tests.bot.conftest import USER, FakeEngine, make_settings, start_bot
from tests.bot.test_digest_buttons import digest_message_id, labels, last_markup
from tests.support.fake_request import FakeBotAPI


def test_the_role_comes_from_the_environment_and_the_flag_wins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    none = tmp_path / "none.env"
    assert Settings.from_env({}, dotenv=none).role == "all"
    assert Settings.from_env({"TOMTAT_ROLE": " Worker "}, dotenv=none).role == "worker"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:abc")
    monkeypatch.setenv("TOMTAT_ROLE", "boss")
    assert main(["run"]) == 2
    assert "role must be one of all, ingress, worker" in capsys.readouterr().err
    monkeypatch.setenv("TOMTAT_ROLE", "worker")
    # The flag wins over the environment: an ingress behind one URL needs the shared secret.
    assert main(["run", "--role", "ingress", "--webhook-url", "https://bot.example.org/t"]) == 2
    assert "TOMTAT_WEBHOOK_SECRET" in capsys.readouterr().err


def test_the_role_flag_is_read_like_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert build_parser().parse_args(["run", "--role", " Worker "]).role == "worker"
    assert build_parser().parse_args(["run", "--role", "INGRESS"]).role == "ingress"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "1:abc")
    with pytest.raises(SystemExit) as exit_:
        main(["run", "--role", "boss"])
    assert exit_.value.code == 2  # the same words as for TOMTAT_ROLE=boss
    assert "role must be one of all, ingress, worker, not 'boss'" in capsys.readouterr().err


async def test_an_ingress_stores_the_article_and_answers_commands_but_never_summarises(
    tmp_path: Path, article: str
) -> None:
    engine = FakeEngine()
    async with start_bot(make_settings(tmp_path, role="ingress"), engine) as h:
        await h.send(article)
        await h.send("/help")
        await asyncio.sleep(0.3)
        assert await h.rt.store.jobs.queue_length() == 1  # stored for a worker
        assert h.digests() == [] and engine.calls == 0
        assert any("/history" in t for t in h.texts())  # /help was answered


async def test_a_worker_summarises_what_an_ingress_stored(tmp_path: Path, article: str) -> None:
    async with start_bot(make_settings(tmp_path, role="ingress")) as ingress:
        await ingress.send(article)
        await asyncio.sleep(0.3)
        assert await ingress.rt.store.jobs.queue_length() == 1
    engine = FakeEngine()
    worker_settings = make_settings(tmp_path, role="worker", queue_poll_s=0.05)
    async with start_bot(worker_settings, engine, ingress.api) as worker:
        await worker.settle()
        assert engine.calls == 1
        (digest,) = worker.digests(USER)
        assert "#1" in digest


async def test_a_worker_process_takes_no_updates_and_runs_what_is_queued(
    tmp_path: Path, article: str
) -> None:
    settings = make_settings(tmp_path, role="worker", queue_poll_s=0.05)
    async with Store(settings.db_path) as store:  # an ingress queued it
        await store.jobs.enqueue(USER, USER, article, (5,), length="medium", language="vi",
                                 reply_to=5)
    api = FakeBotAPI()
    app = build_application(settings, request=api, engine=FakeEngine(), rate_limiter=False)
    stop = asyncio.Event()
    serving = asyncio.ensure_future(serve_worker(app, stop))
    for _ in range(200):
        if any("#1" in shown for shown in api.visible(USER)):
            break
        await asyncio.sleep(0.02)
    stop.set()
    await serving
    assert any("#1" in shown for shown in api.visible(USER))
    called = {call.method for call in api.calls}
    assert not called & {"getUpdates", "setWebhook", "deleteWebhook", "setMyCommands"}


async def test_a_length_press_on_an_ingress_is_rewritten_by_a_worker_once(
    tmp_path: Path, article: str
) -> None:
    never = FakeEngine(failures=1_000)  # the ingress's: any summary there would fail loudly
    worker_engine = FakeEngine()
    worker_settings = make_settings(tmp_path, role="worker", queue_poll_s=0.05)
    async with start_bot(make_settings(tmp_path, role="ingress"), never) as ingress:
        await ingress.send(article)
        await ingress.settle_intake()
        async with start_bot(worker_settings, worker_engine, ingress.api) as worker:
            await worker.settle()
        message_id = digest_message_id(ingress)
        # Two quick presses while no worker runs: one job, at the last length pressed.
        await ingress.press("r:1:s", message_id=message_id)
        await ingress.press("r:1:l", message_id=message_id)
        answers = [c.params.get("text") for c in ingress.api.of("answerCallbackQuery")]
        assert answers == ["Đang tóm tắt lại…"] * 2  # the spinner stops at once
        assert await ingress.rt.store.jobs.queue_length() == 1
        edits = [c for c in ingress.api.of("editMessageText")
                 if int(c.params["message_id"]) == message_id]
        async with start_bot(worker_settings, worker_engine, ingress.api) as worker:
            await worker.settle()
        rewrites = [c for c in ingress.api.of("editMessageText")
                    if int(c.params["message_id"]) == message_id][len(edits):]
        assert len(rewrites) == 1 and "#1" in rewrites[0].params["text"]
        assert labels(last_markup(ingress, "editMessageText"))[:3] == ["Ngắn", "Vừa", "✓ Dài"]
        stored = await ingress.rt.store.digests.get(USER, 1)
        assert stored is not None and stored.length == "long"
        assert never.calls == 0 and worker_engine.calls == 2
        assert len(ingress.digests()) == 1  # edited in place, nothing new in the chat


async def test_a_worker_on_postgresql_starts_a_job_the_moment_it_is_stored(
    tmp_path: Path, article: str, postgres_url: str
) -> None:
    # A minute between polls: only the NOTIFY of the storing transaction can wake it in time.
    worker_settings = make_settings(tmp_path, db_path=postgres_url, role="worker",
                                    queue_poll_s=60.0)
    ingress_settings = make_settings(tmp_path, db_path=postgres_url, role="ingress")
    api = FakeBotAPI()
    async with start_bot(ingress_settings, api=api) as ingress, \
            start_bot(worker_settings, FakeEngine(), api) as worker:
        await asyncio.sleep(1.0)  # it looked once, found nothing, and listens
        await ingress.send(article)
        for _ in range(250):
            if worker.digests(USER):
                break
            await asyncio.sleep(0.02)
        assert worker.digests(USER), "the worker waited for its next poll"

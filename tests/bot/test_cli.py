"""`tomtat run` configuration: env, flags, no token, and a log that never shows the token."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest

from bot.app import RedactToken, build_application, file_base_url
from bot.cli import apply_run_flags, build_parser, main
from bot.settings import Settings
from bot.transport.launch import run_polling
from tests.support.fake_request import FakeBotAPI


def test_flags_override_the_environment(tmp_path: Path) -> None:
    env = {"TELEGRAM_BOT_TOKEN": "1:abc", "TOMTAT_ENGINE": "abstractive", "TOMTAT_ADMINS": "5",
           "TOMTAT_MERGE_WINDOW": "2.5", "TOMTAT_RATE_LIMIT": "9"}
    settings = Settings.from_env(env, dotenv=tmp_path / "none.env")
    assert settings.merge_window_s == 2.5 and settings.rate_limit_count == 9
    args = build_parser().parse_args(
        ["run", "--engine", "extractive", "--db", str(tmp_path / "x.db"),
         "--allowed-users", "1, 2", "--api-base-url", "http://127.0.0.1:8081/bot"])
    changed = apply_run_flags(settings, args)
    assert changed.engine == "extractive" and changed.db_path == tmp_path / "x.db"
    assert changed.allowed_users == {1, 2} and changed.admins == {5}
    assert changed.api_base_url == "http://127.0.0.1:8081/bot"


def test_run_without_token_explains_what_to_do(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["run"]) == 3  # `make run` takes 3 as "not configured yet", adding no error
    err = capsys.readouterr().err
    assert "@BotFather" in err and ".venv/bin/tomtat summarize" in err


def test_local_bot_api_server_urls(tmp_path: Path) -> None:
    assert file_base_url("http://127.0.0.1:8081/bot") == "http://127.0.0.1:8081/file/bot"
    settings = Settings(token="1:abc", api_base_url="http://127.0.0.1:8081/bot",
                        db_path=tmp_path / "a.db")
    app = build_application(settings)
    assert app.bot.base_url == "http://127.0.0.1:8081/bot1:abc"


def test_token_is_redacted_from_logs() -> None:
    record = logging.LogRecord("httpx", logging.INFO, __file__, 1,
                               "POST %s failed", ("https://api.telegram.org/bot1:SECRET/getMe",),
                               None)
    RedactToken("1:SECRET").filter(record)
    assert "SECRET" not in record.getMessage() and "<token>" in record.getMessage()


def test_unavailable_engine_is_a_clear_start_up_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(token="1:abc", api_base_url="http://127.0.0.1:9/bot",
                        db_path=tmp_path / "a.db", engine="abstractive")
    with caplog.at_level(logging.ERROR):
        assert run_polling(settings, request=FakeBotAPI()) == 2
    assert "--engine extractive" in caplog.text


def test_threads_from_the_environment_or_the_flag_reach_the_abstractive_engine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.services.engines import EngineBox
    from summarizer.engines.abstractive import AbstractiveEngine
    from tests.summarizer.engines.test_locate import fake_hf_dir

    env = {"TELEGRAM_BOT_TOKEN": "1:abc", "TOMTAT_THREADS": "3"}
    settings = Settings.from_env(env, dotenv=tmp_path / "none.env")
    assert settings.threads == 3
    assert Settings.from_env({}, dotenv=tmp_path / "none.env").threads is None
    flagged = apply_run_flags(settings, build_parser().parse_args(["run", "--threads", "2"]))
    assert flagged.threads == 2
    model = str(fake_hf_dir(tmp_path / "vit5"))  # found on disk; weights load only on use
    box = EngineBox("abstractive", model, threads=flagged.threads)
    engine = box.default()
    assert isinstance(engine, AbstractiveEngine) and engine._threads == 2
    assert box.describe() == f"abstractive ({model}, 2 threads)"  # as /stats shows it
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TOMTAT_THREADS", "nhiều")
    assert main(["run"]) == 2
    assert "positive whole number" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        build_parser().parse_args(["run", "--threads", "0"])


def test_token_is_redacted_from_tracebacks_in_any_letter_case() -> None:
    token = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactToken(token))
    logger = logging.getLogger("tomtat.test.redact")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        try:
            raise ValueError(f"bad url https://api.telegram.org/bot{token.lower()}/getMe")
        except ValueError as exc:
            try:
                raise RuntimeError(f"while calling {token.upper()}") from exc
            except RuntimeError:
                logger.exception("request failed for %s", token.swapcase())
    finally:
        logger.removeHandler(handler)
    logged = stream.getvalue()
    assert "Traceback" in logged and "<token>" in logged
    secret = token.partition(":")[2].lower()
    assert secret not in logged.lower()

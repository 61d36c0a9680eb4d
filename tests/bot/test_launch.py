"""`tomtat run` that cannot start says why in one line and exits 2, in polling and webhook mode."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.bot.e2e_support import free_port
from tests.support.stub_api import StubBotApi
from tests.support.stub_api.process import BotProcess

pytestmark = pytest.mark.e2e


def mode_args(mode: str) -> tuple[str, ...]:
    if mode == "polling":
        return ()
    port = free_port()
    return ("--webhook-url", f"http://127.0.0.1:{port}/tomtat/hook", "--port", str(port))


def failure_env(failure: str, workdir: Path) -> dict[str, str]:
    if failure == "store":
        blocker = workdir / "not-a-folder"
        blocker.write_text("a file where the database folder should be", encoding="utf-8")
        return {"TOMTAT_DB": str(blocker / "tomtat.sqlite3")}
    return {"TOMTAT_ENGINE": "abstractive", "TOMTAT_MODEL": str(workdir / "no-such-model")}


@pytest.mark.parametrize("mode", ["polling", "webhook"])
@pytest.mark.parametrize(
    ("failure", "says"),
    [("store", "cannot open the database"), ("engine", "try --engine extractive")],
)
async def test_start_up_failure_is_one_friendly_line(
    tmp_path: Path, mode: str, failure: str, says: str
) -> None:
    async with StubBotApi() as stub:
        proc = BotProcess(stub, tmp_path, env=failure_env(failure, tmp_path),
                          args=mode_args(mode))
        with pytest.raises(RuntimeError, match="exited at start-up"):
            await proc.start()
        code = await proc.wait()
    log = proc.log()
    errors = [line for line in log.splitlines() if " ERROR " in line]
    assert code == 2, log
    assert "Traceback" not in log, log
    assert len(errors) == 1 and says in errors[0], log
    assert stub.webhook_url is None  # Telegram was never told to send updates anywhere


async def test_webhook_port_in_use_is_one_friendly_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = ("--webhook-url", "https://example.org/tomtat/hook", "--port", str(port))
        async with StubBotApi() as stub:
            proc = BotProcess(stub, tmp_path, args=args)
            with pytest.raises(RuntimeError, match="exited at start-up"):
                await proc.start()
            code = await proc.wait()
    log = proc.log()
    errors = [line for line in log.splitlines() if " ERROR " in line]
    assert code == 2 and "Traceback" not in log, log
    assert len(errors) == 1 and f"cannot listen on 127.0.0.1:{port}" in errors[0], log

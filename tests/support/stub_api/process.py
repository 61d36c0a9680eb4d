"""The real `tomtat run` process pointed at a stub server (for end-to-end tests and benchmarks)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from pathlib import Path
from types import TracebackType

from tests.support.stub_api.server import StubBotApi

REPO_ROOT = Path(__file__).resolve().parents[3]


class BotProcess:
    """`python -m bot.cli run` as a child process; its output goes to `log_path`."""

    def __init__(self, stub: StubBotApi, workdir: Path, *, env: dict[str, str] | None = None,
                 args: tuple[str, ...] = (), name: str = "bot") -> None:
        self.stub = stub
        self.workdir = workdir
        self.db_path = workdir / "tomtat.sqlite3"
        self.args = args
        self.log_path = workdir / f"{name}.log"
        inherited = {k: v for k, v in os.environ.items()
                     if not k.startswith(("TELEGRAM_", "TOMTAT_", "PYTHON"))}
        self.env = {
            **inherited,  # HOME, PATH…; none of the caller's bot configuration
            "PYTHONPATH": str(REPO_ROOT),
            "HF_HUB_OFFLINE": "1",
            "TELEGRAM_BOT_TOKEN": stub.token,
            "TELEGRAM_API_BASE_URL": stub.base_url,
            "TOMTAT_DB": str(self.db_path),
            "TOMTAT_ENGINE": "extractive",
            **(env or {}),
        }
        self._proc: asyncio.subprocess.Process | None = None
        self.starts = 0

    @property
    def running(self) -> bool:
        """Started and not yet exited."""
        return self._proc is not None and self._proc.returncode is None

    @property
    def pid(self) -> int | None:
        """The running process's id (None before the first start)."""
        return self._proc.pid if self._proc is not None else None

    def log(self) -> str:
        """Everything the process printed (all runs)."""
        return self.log_path.read_text(encoding="utf-8", errors="replace") if (
            self.log_path.exists()) else ""

    async def start(self, *, ready_timeout: float = 30.0) -> None:
        """Start and wait until the bot polls (or set its webhook): it is then ready for updates."""
        if self.running:
            raise RuntimeError("the bot process is already running")
        seen = len(self.stub.calls)
        self.workdir.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self._proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", *self.args, cwd=self.workdir,
                env=self.env, stdout=log, stderr=asyncio.subprocess.STDOUT)
        self.starts += 1

        def ready() -> bool:
            if not self.running:
                raise RuntimeError(f"the bot exited at start-up:\n{self.log()[-3000:]}")
            return any(c.method in ("getUpdates", "setWebhook") for c in self.stub.calls[seen:])

        await self.stub.wait_for(ready, timeout=ready_timeout)

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Send a signal (default SIGKILL: no clean-up at all)."""
        if self._proc is not None and self._proc.returncode is None:
            self._proc.send_signal(sig)

    async def wait(self, timeout: float = 15.0) -> int:
        """Wait for the process to exit; its exit status."""
        if self._proc is None:
            raise RuntimeError("the bot process was never started")
        return await asyncio.wait_for(self._proc.wait(), timeout)

    async def stop(self, timeout: float = 15.0) -> int | None:
        """SIGTERM, then SIGKILL if it does not stop in time; idempotent."""
        if self._proc is None or self._proc.returncode is not None:
            return None if self._proc is None else self._proc.returncode
        self.kill(signal.SIGTERM)
        try:
            return await self.wait(timeout)
        except TimeoutError:
            self.kill(signal.SIGKILL)
            with contextlib.suppress(TimeoutError):
                await self.wait(5)
            return None

    async def restart(self, sig: int = signal.SIGKILL) -> None:
        """Kill (SIGKILL by default) and start again on the same database."""
        self.kill(sig)
        await self.wait()
        await self.start()

    async def __aenter__(self) -> BotProcess:
        await self.start()
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.stop()

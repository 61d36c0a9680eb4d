"""Many processes on one store: N ingress replicas (webhook mode) behind a round-robin forwarder
on 127.0.0.1, and M worker processes, all real `tomtat run` processes against the stub Bot API.

    async with Cluster(tmp_path, ingress=2, workers=3) as cluster:
        cluster.stub.push_text(1, None, article)
        ...
        cluster.workers[0].kill()            # SIGKILL

The forwarder stands for the load balancer: each POST goes to the next replica in turn and
Telegram (the stub) gets that replica's answer; `routes` records which replica took which update.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

import httpx
import tornado.httpserver
import tornado.netutil
import tornado.web

from bot.transport.webhook import SECRET_HEADER
from tests.support.stub_api import StubBotApi
from tests.support.stub_api.process import BotProcess

SECRET = "replicas-shared-secret"
# Short timings so a killed worker's job is taken over within seconds.
FAST = {"TOMTAT_MERGE_WINDOW": "0.6", "TOMTAT_RATE_LIMIT": "1000", "TOMTAT_MAX_PENDING": "50",
        "TOMTAT_QUEUE_BOUND": "1000", "TOMTAT_LEASE": "2", "TOMTAT_QUEUE_POLL": "0.1"}


def free_port() -> int:
    """A local TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Forwarder:
    """A round-robin HTTP forwarder: the load balancer in front of the ingress replicas."""

    backends: list[str]
    port: int = field(default_factory=free_port)
    routes: list[tuple[int, int]] = field(default_factory=list)  # (update_id, replica index)
    _next: int = 0
    _server: tornado.httpserver.HTTPServer | None = None
    _client: httpx.AsyncClient | None = None

    @property
    def url(self) -> str:
        """Where Telegram (the stub) posts updates."""
        return f"http://127.0.0.1:{self.port}/hook"

    async def start(self) -> None:
        """Listen on 127.0.0.1:port."""
        self._client = httpx.AsyncClient(timeout=30.0)
        app = tornado.web.Application([(r"/hook", _Forward, {"forwarder": self})])
        self._server = tornado.httpserver.HTTPServer(app)
        self._server.add_sockets(tornado.netutil.bind_sockets(self.port, "127.0.0.1",
                                                              socket.AF_INET))

    async def stop(self) -> None:
        """Stop listening; idempotent."""
        if self._server is not None:
            self._server.stop()
            await self._server.close_all_connections()
            self._server = None
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def forward(self, body: bytes, secret: str) -> int:
        """POST the body to the next replica; its status (502 when it does not answer)."""
        assert self._client is not None
        index = self._next
        self._next = (self._next + 1) % len(self.backends)
        with contextlib.suppress(ValueError, KeyError, TypeError):
            self.routes.append((int(json.loads(body)["update_id"]), index))
        try:
            answer = await self._client.post(self.backends[index], content=body,
                                             headers={SECRET_HEADER: secret,
                                                      "Content-Type": "application/json"})
        except httpx.HTTPError:
            return 502
        return answer.status_code


class _Forward(tornado.web.RequestHandler):
    def initialize(self, forwarder: Forwarder) -> None:
        self.forwarder = forwarder

    async def post(self) -> None:
        secret = self.request.headers.get(SECRET_HEADER, "")
        self.set_status(await self.forwarder.forward(self.request.body, secret))


class WorkerProcess(BotProcess):
    """`tomtat run --role worker`: ready once its log says it started (it calls no getUpdates)."""

    async def start(self, *, ready_timeout: float = 30.0) -> None:
        """Start and wait until the worker has opened the store and taken its first look."""
        if self.running:
            raise RuntimeError("the worker process is already running")
        self.workdir.mkdir(parents=True, exist_ok=True)
        seen = self.log().count("tomtat started")
        with self.log_path.open("ab") as log:
            self._proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot.cli", "run", *self.args, cwd=self.workdir,
                env=self.env, stdout=log, stderr=asyncio.subprocess.STDOUT)
        self.starts += 1
        deadline = asyncio.get_running_loop().time() + ready_timeout
        while self.log().count("tomtat started") <= seen:
            if not self.running:
                raise RuntimeError(f"the worker exited at start-up:\n{self.log()[-3000:]}")
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError("the worker did not start")
            await asyncio.sleep(0.05)

    def claimed(self, chat_id: int) -> bool:
        """Whether this worker claimed a job of the chat (per its log)."""
        return f" of chat {chat_id} (" in self.log()


class Cluster:
    """A stub Bot API, a forwarder, `ingress` webhook replicas and `workers` worker processes."""

    def __init__(self, workdir: Path, *, ingress: int = 2, workers: int = 3,
                 db: str | None = None, env: dict[str, str] | None = None,
                 ingress_env: dict[str, str] | None = None) -> None:
        self.workdir = workdir
        self.db = db or str(workdir / "shared.sqlite3")
        self.env = {**FAST, "TOMTAT_DB": self.db, "TOMTAT_WEBHOOK_SECRET": SECRET, **(env or {})}
        self.ingress_env = {**self.env, **(ingress_env or {})}  # the replicas' own settings
        self.ingress_count, self.worker_count = ingress, workers
        self.stub = StubBotApi(webhook_retry_delay=0.2)
        self.ports = [free_port() for _ in range(ingress)]
        self.forwarder = Forwarder([f"http://127.0.0.1:{p}/hook" for p in self.ports])
        self.ingress: list[BotProcess] = []
        self.workers: list[WorkerProcess] = []

    def _ingress(self, index: int) -> BotProcess:
        args = ("--role", "ingress", "--webhook-url", self.forwarder.url,
                "--port", str(self.ports[index]))
        return BotProcess(self.stub, self.workdir / f"ingress{index}", env=self.ingress_env,
                          args=args, name=f"ingress{index}")

    def _worker(self, index: int) -> WorkerProcess:
        return WorkerProcess(self.stub, self.workdir / f"worker{index}", env=self.env,
                             args=("--role", "worker"), name=f"worker{index}")

    async def start(self) -> None:
        """Start everything; the first replica creates the database before the others open it."""
        await self.stub.start()
        await self.forwarder.start()
        self.ingress = [self._ingress(i) for i in range(self.ingress_count)]
        self.workers = [self._worker(i) for i in range(self.worker_count)]
        await self.ingress[0].start()
        await asyncio.gather(*(p.start() for p in [*self.ingress[1:], *self.workers]))

    async def add_workers(self, count: int) -> list[WorkerProcess]:
        """Start `count` more worker processes (all at once); the new ones."""
        added = [self._worker(len(self.workers) + i) for i in range(count)]
        self.workers += added
        await asyncio.gather(*(w.start() for w in added))
        return added

    async def stop(self) -> None:
        """Stop every process (SIGTERM, then SIGKILL), the forwarder and the stub."""
        await asyncio.gather(*(p.stop() for p in [*self.ingress, *self.workers]))
        await self.forwarder.stop()
        await self.stub.stop()

    def logs(self) -> str:
        """The tail of every process's log (printed when a test fails)."""
        return "\n".join(f"--- {p.log_path.name}\n{p.log()[-2500:]}"
                         for p in [*self.ingress, *self.workers])

    async def __aenter__(self) -> Cluster:
        try:
            await self.start()
        except BaseException:
            print(self.logs())
            await self.stop()
            raise
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        if exc is not None:
            print(self.logs())
        await self.stop()

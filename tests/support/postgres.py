"""A real PostgreSQL for the tests: one throwaway cluster per session, a fresh database per test.

The server programs come from `pg_config --bindir` (Debian's `postgresql` package; `.ci/run`
installs it when missing). The cluster lives in a temporary directory, listens on a unix socket
there and on a free loopback port, and runs with fsync off: it only ever holds test data.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

SUPERUSER = "tomtat"
START_TIMEOUT_S = 60
SETTINGS = (
    "fsync = off",  # test data only: a crash of the machine may lose it
    "synchronous_commit = off",
    "full_page_writes = off",
    "max_connections = 200",
    "shared_buffers = 64MB",
    "log_min_messages = warning",
)


def bindir() -> Path:
    """Where initdb and pg_ctl live, or RuntimeError saying how to install them."""
    pg_config = shutil.which("pg_config")
    if pg_config is None:
        raise RuntimeError("PostgreSQL is not installed: apt-get install postgresql (.ci/run does)")
    found = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True)
    return Path(found.stdout.strip())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user() -> list[str]:
    """PostgreSQL refuses to run as root: under root the server runs as `postgres`."""
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


@dataclass(frozen=True)
class PostgresCluster:
    """A running throwaway cluster: its directory, socket directory and loopback port."""

    root: Path
    port: int
    bin: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def socket_dir(self) -> Path:
        return self.root

    def url(self, database: str = "postgres") -> str:
        """A libpq URL for `database` over loopback TCP."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def socket_url(self, database: str = "postgres") -> str:
        """A libpq URL for `database` over the unix socket."""
        return f"postgresql://{SUPERUSER}@/{database}?host={self.socket_dir}&port={self.port}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*_as_server_user(), *args], capture_output=True, text=True, check=False,
            cwd=self.root,
        )

    def admin(self, sql: str) -> None:
        """Run one command (CREATE/DROP DATABASE) as the superuser, outside a transaction."""
        with psycopg.connect(self.socket_url(), autocommit=True) as conn:
            conn.execute(sql.encode())

    def start(self) -> None:
        """initdb, then pg_ctl start; RuntimeError with the server's log when it fails."""
        init = self._run(
            str(self.bin / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        )
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed:\n{init.stdout}\n{init.stderr}")
        options = [*SETTINGS, f"port = {self.port}", "listen_addresses = '127.0.0.1'",
                   f"unix_socket_directories = '{self.socket_dir}'"]
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n".join(options) + "\n")
        log = self.root / "server.log"
        started = self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(log), "-w",
            "-t", str(START_TIMEOUT_S), "start",
        )
        if started.returncode != 0:
            text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            raise RuntimeError(f"PostgreSQL did not start:\n{started.stderr}\n{text}")

    def stop(self) -> None:
        """pg_ctl stop (fast); RuntimeError when the server does not go away."""
        stopped = self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast",
                            "-w", "stop")
        if stopped.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not stop: {stopped.stderr.strip()}")


@contextlib.contextmanager
def running_cluster() -> Iterator[PostgresCluster]:
    """A started cluster in a temporary directory, stopped and removed on exit."""
    root = Path(tempfile.mkdtemp(prefix="tomtat-pg-"))
    if os.geteuid() == 0:
        server = pwd.getpwnam("postgres")
        os.chown(root, server.pw_uid, server.pw_gid)
    cluster = PostgresCluster(root=root, port=_free_port(), bin=bindir())
    try:
        cluster.start()
        yield cluster
    finally:
        try:
            if (cluster.data / "postmaster.pid").exists():
                cluster.stop()
        finally:
            shutil.rmtree(root, ignore_errors=True)


_NAMES = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """One PostgreSQL 15 cluster for the whole session."""
    with running_cluster() as cluster:
        yield cluster


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> Iterator[str]:
    """A fresh, empty database for one test (dropped afterwards); its URL."""
    name = f"test_{os.getpid()}_{next(_NAMES)}"
    postgres_cluster.admin(f"CREATE DATABASE {name} TEMPLATE template0")
    yield postgres_cluster.url(name)
    postgres_cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

"""End to end: the webhook takes in no unauthenticated body, and nothing but an update."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from bot.transport.webhook import SECRET_HEADER
from tests.bot.e2e_support import free_port, running_bot

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(sys.platform != "linux", reason="reads /proc for memory")]
MiB = 2**20


def peak_rss(pid: int) -> int:
    """The process's peak resident memory (VmHWM), in bytes."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise LookupError("no VmHWM")


async def test_a_50_mb_body_without_the_secret_leaves_memory_flat(tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/hook"
    args = ("--webhook-url", url, "--port", str(port))
    async with running_bot(tmp_path, {"TOMTAT_WEBHOOK_SECRET": "s3cret"}, args) as (_, proc):
        assert proc.pid is not None
        before = peak_rss(proc.pid)
        sent = 0

        async def body() -> AsyncIterator[bytes]:
            nonlocal sent
            chunk = b"x" * 65536
            while sent < 50 * MiB:
                sent += len(chunk)
                yield chunk

        async with httpx.AsyncClient(timeout=60) as client:
            try:
                status: int | None = (await client.post(
                    url, content=body(), headers={"Content-Length": str(50 * MiB)})).status_code
            except httpx.TransportError:  # the bot hung up on the rest of the body
                status = None
            grown = peak_rss(proc.pid) - before
            print(f"peak RSS {before / MiB:.0f} MiB -> +{grown / MiB:.1f} MiB; "
                  f"client pushed {sent / MiB:.1f} MiB; status {status}")
            assert status in (None, 403)
            assert grown < 10 * MiB, f"the bot's memory grew by {grown / MiB:.0f} MiB"
            for junk in (b"[]", b"null", b'{"update_id": 1, "message": "x"}',
                         b"[" * 200_000, b"{oops"):
                answer = await client.post(url, content=junk, headers={SECRET_HEADER: "s3cret"})
                assert answer.status_code == 400, junk[:40]
        assert proc.running

"""Workers on one queue: digests per second with 2 worker processes vs 1 (same run), and `/help`
latency on an ingress replica while the workers are saturated (extractive engine).

Usage: PYTHONPATH=. nice -n 10 python benchmarks/roles_throughput.py \
           [--dataset ../shared/data/vietnews-dev.jsonl] [--articles 120] [--rounds 30]

For each worker count (1, then 2) a fresh cluster (tests/support/replicas.py: the stub Bot API,
a round-robin forwarder, one ingress replica in webhook mode, SQLite in WAL mode) takes
`--articles` articles, each from its own chat, and stores them as jobs before any worker runs.
`/help` is timed on the ingress with no worker running (the baseline), then the workers start
and `/help` is timed again while they drain the queue. Throughput is digests delivered per
second from the moment the workers are up until the queue is empty. Targets (issue 16): 2
workers ≥ 1.7× one worker; `/help` p95 ≤ 200 ms while the workers are saturated.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bot_latency import FIRST_ARTICLE_CHAT, digests_delivered, percentile
from tests.support.replicas import Cluster
from tests.support.stub_api import StubBotApi

ROOT = Path(__file__).resolve().parents[1]
CMD_CHAT = 7001


def load_articles(path: Path, count: int) -> list[str]:
    """The first `count` article texts of the dataset (read at run time, never copied)."""
    with path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    return [texts[i % len(texts)] for i in range(count)]


def jobs_stored(db: str) -> int:
    """Jobs on disk (read-only look at the shared SQLite file)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return int(conn.execute("SELECT count(*) FROM jobs").fetchone()[0])


async def help_latency(stub: StubBotApi) -> float:
    """Seconds from `/help` being sent to the webhook until its reply reaches the stub."""
    seen = len(stub.calls)
    stub.push_text(CMD_CHAT, None, "/help")
    pushed = stub.pushed_at[max(stub.pushed_at)]
    reply = await stub.wait_for(lambda: next(
        (c for c in stub.calls[seen:] if c.method == "sendMessage" and c.chat_id == CMD_CHAT),
        None), timeout=30)
    return float(reply.at - pushed)


async def help_rounds(stub: StubBotApi, rounds: int, until: asyncio.Event | None = None
                      ) -> list[float]:
    """`rounds` timed `/help`s, one at a time (stopping early once `until` is set)."""
    samples: list[float] = []
    for _ in range(rounds):
        if until is not None and until.is_set():
            break
        samples.append(await help_latency(stub))
        await asyncio.sleep(0.05)
    return samples


def cpu_seconds(pid: int | None) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Run:
    """One worker count's figures."""

    rate: float  # digests per second while draining
    idle: list[float]  # /help seconds, no worker running
    loaded: list[float]  # /help seconds while the workers drain the queue
    cpu_ms: dict[str, float]  # CPU ms per digest: workers, ingress, stub (this process)


async def one_run(workdir: Path, articles: list[str], workers: int, rounds: int) -> Run:
    """Store the articles as jobs, time /help, then drain the queue with `workers` workers."""
    async with Cluster(workdir, ingress=1, workers=0) as cluster:
        stub = cluster.stub
        for i, article in enumerate(articles):
            stub.push_text(FIRST_ARTICLE_CHAT + i, None, article)
        while jobs_stored(cluster.db) < len(articles):
            await asyncio.sleep(0.1)
        idle = await help_rounds(stub, rounds)
        added = await cluster.add_workers(workers)
        started, done_before = time.monotonic(), digests_delivered(stub)
        cpu_before = ([cpu_seconds(w.pid) for w in added], cpu_seconds(cluster.ingress[0].pid),
                      time.process_time())
        drained = asyncio.Event()
        loaded_task = asyncio.ensure_future(help_rounds(stub, rounds * 10, drained))
        while digests_delivered(stub) < len(articles):  # polled: a check per stub call is costly
            await asyncio.sleep(0.05)
        seconds = time.monotonic() - started
        done = len(articles) - done_before
        cpu_ms = {
            "workers": sum(cpu_seconds(w.pid) - before
                           for w, before in zip(added, cpu_before[0], strict=True)),
            "ingress": cpu_seconds(cluster.ingress[0].pid) - cpu_before[1],
            "stub": time.process_time() - cpu_before[2],
        }
        drained.set()
        loaded = await loaded_task
        return Run(done / seconds, idle, loaded, {k: v * 1000 / done for k, v in cpu_ms.items()})


def describe(samples: list[float]) -> str:
    """p50 / p95 in ms, and the sample count."""
    if not samples:
        return "no samples"
    return (f"p50 {percentile(samples, 50) * 1000:.1f} ms, p95 {percentile(samples, 95) * 1000:.1f}"
            f" ms (n={len(samples)})")


async def run(dataset: Path, count: int, rounds: int) -> None:
    """Both worker counts in one run, then the ratio."""
    articles = load_articles(dataset, count)
    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="tomtat-roles-") as tmp:
        for workers in (1, 2):
            got = await one_run(Path(tmp) / f"w{workers}", articles, workers, rounds)
            rates[workers] = got.rate
            cpu = ", ".join(f"{name} {ms:.1f}" for name, ms in got.cpu_ms.items())
            print(f"{workers} worker(s): {got.rate:.2f} digests/s over {count} articles"
                  f" (CPU ms per digest: {cpu}; load average {os.getloadavg()[0]:.1f});"
                  f" /help idle {describe(got.idle)}; /help while saturated {describe(got.loaded)}")
    print(f"throughput 2 workers / 1 worker: {rates[2] / rates[1]:.2f}x (target >= 1.7x)")


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", type=Path,
                        default=ROOT.parent / "shared" / "data" / "vietnews-dev.jsonl")
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=30, help="/help samples when idle")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(run(args.dataset, args.articles, args.rounds))


if __name__ == "__main__":
    main()

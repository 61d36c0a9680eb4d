"""How soon a worker starts a job another process stored: PostgreSQL LISTEN/NOTIFY vs polling
every TOMTAT_QUEUE_POLL (0.5 s, the default), both measured in one run on one server.

Usage: PYTHONPATH=. nice -n 10 python benchmarks/queue_wakeup.py [--articles 20] [--url URL]

For each mode (TOMTAT_QUEUE_NOTIFY=0, the baseline, then 1) a fresh cluster
(tests/support/replicas.py: the stub Bot API, one ingress replica in webhook mode, one worker
process) on a fresh database takes `--articles` articles, one at a time, each after the previous
digest was shown, so the worker is idle when each is stored. The figure is the worker's own log
line "claimed job N … queued X ms ago": from the job's row being stored (its created_at) to
its claim, on one machine's clock. Without --url a throwaway PostgreSQL cluster is started.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import statistics
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bot_latency import percentile
from benchmarks.pg_scale import postgres
from tests.bot.e2e_support import footers, news_items
from tests.support.replicas import Cluster

CLAIMED = re.compile(r"claimed job \d+ of chat \d+ \(running\), queued (\d+) ms ago")
FIRST_CHAT = 8001


async def waits_ms(url: str, notify: bool, articles: int) -> list[float]:
    """Stored-to-claimed times of `articles` jobs, pasted one at a time."""
    items = news_items()
    env = {"TOMTAT_QUEUE_NOTIFY": "1" if notify else "0", "TOMTAT_QUEUE_POLL": "0.5"}
    with tempfile.TemporaryDirectory(prefix="tomtat-wakeup-") as tmp:
        async with Cluster(Path(tmp), ingress=1, workers=1, db=url, env=env) as cluster:
            stub = cluster.stub
            await asyncio.sleep(1.0)  # the worker has looked once and is listening (or polling)
            for i in range(articles):
                chat = FIRST_CHAT + i
                stub.push_text(chat, None, items[i % len(items)])
                await stub.wait_for(lambda chat=chat: footers(stub, chat) == [1], timeout=30)
            return [float(ms) for ms in CLAIMED.findall(cluster.workers[0].log())]


def fresh_databases(url: str | None) -> Iterator[str]:
    """A new empty database per mode on one server (so each mode starts alike)."""
    with postgres(url) as base:
        yield base
        import psycopg

        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench_notify")
        yield base.rsplit("/", 1)[0] + "/bench_notify"


def describe(name: str, samples: list[float]) -> str:
    return (f"{name:<22} n={len(samples):<3} mean {statistics.fmean(samples):7.1f} ms"
            f"   p50 {percentile(samples, 50):7.1f} ms   p95 {percentile(samples, 95):7.1f} ms")


async def run(url: str | None, articles: int) -> None:
    databases = fresh_databases(url)
    polled = await waits_ms(next(databases), False, articles)
    notified = await waits_ms(next(databases), True, articles)
    print(f"\nstored → claimed, {articles} jobs each, worker idle, TOMTAT_QUEUE_POLL=0.5")
    print(describe("polling (baseline)", polled))
    print(describe("LISTEN/NOTIFY", notified))
    ratio = statistics.fmean(polled) / statistics.fmean(notified)
    print(f"mean ratio polling / notify: {ratio:.1f}×")
    databases.close()


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--url", default=None, help="postgresql://… (default: a throwaway one)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(run(args.url, args.articles))


if __name__ == "__main__":
    main()

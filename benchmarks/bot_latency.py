"""Command latency while articles wait in the queue, and digests per minute (extractive engine).

Usage: PYTHONPATH=. nice -n 10 python benchmarks/bot_latency.py \
           [--dataset ../shared/data/vietnews-dev.jsonl] [--backlog 20] [--rounds 40]

The real `tomtat run` process polls the stub Bot API server. Latency is measured at the stub: from
the moment a `/help` or `/history` update is available to `getUpdates` until the bot's reply
(`sendMessage`) reaches the stub. Phase 1 measures it with an idle queue (baseline), phase 2 while
at least `--backlog` articles from other chats are waiting (topped up as digests go out); the
ratio loaded/idle is printed. Digests per minute is the rate at which phase 2 delivered digests.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import math
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support.stub_api import StubBotApi
from tests.support.stub_api.process import BotProcess

ROOT = Path(__file__).resolve().parents[1]
CMD_CHAT = 7001
FOOTER = re.compile(r"→ \d+ (?:từ|words) · #\d+\s*$")
FIRST_ARTICLE_CHAT = 10_000


def load_articles(path: Path) -> list[str]:
    """Article texts of the dataset (read at run time, never copied)."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def digests_delivered(stub: StubBotApi) -> int:
    """Article chats showing their digest (sent, or edited into the status message)."""
    return sum(1 for chat_id, box in stub.state.messages.items() if chat_id >= FIRST_ARTICLE_CHAT
               and any(m.from_bot and FOOTER.search(m.text or "") for m in box.values()))


def history_size(stub: StubBotApi) -> int:
    """Digests delivered to the command chat."""
    return sum(1 for m in stub.messages_to(CMD_CHAT) if FOOTER.search(m.text or ""))


async def command_latency(stub: StubBotApi, command: str) -> float:
    """Seconds from the update being available to the bot's reply reaching the stub."""
    seen = len(stub.calls)
    stub.push_text(CMD_CHAT, None, command)
    pushed = stub.pushed_at[max(stub.pushed_at)]
    reply = await stub.wait_for(lambda: next(
        (c for c in stub.calls[seen:] if c.method == "sendMessage" and c.chat_id == CMD_CHAT),
        None), timeout=30)
    assert reply is not None
    return reply.at - pushed


async def measure(stub: StubBotApi, rounds: int) -> dict[str, list[float]]:
    """Alternate /help and /history, one at a time."""
    out: dict[str, list[float]] = {"/help": [], "/history": []}
    for _ in range(rounds):
        for command in out:
            out[command].append(await command_latency(stub, command))
            await asyncio.sleep(0.05)
    return out


def report(name: str, samples: dict[str, list[float]]) -> dict[str, float]:
    """Print p50/p95 per command and overall (ms); return the overall ones."""
    figures = {}
    for command, values in [*samples.items(), ("both", [v for vs in samples.values() for v in vs])]:
        p50, p95 = statistics.median(values) * 1000, percentile(values, 95) * 1000
        print(f"  {name:<7} {command:<9} n={len(values):>3}  p50={p50:7.1f} ms  p95={p95:7.1f} ms")
        figures[command] = p95
        figures[command + "_p50"] = p50
    return figures


class Feeder:
    """Keeps at least `backlog` article jobs queued (read from the bot's own database)."""

    def __init__(self, stub: StubBotApi, db: Path, articles: list[str], backlog: int) -> None:
        self.stub, self.articles, self.backlog = stub, articles, backlog
        # Opened once, before anything is timed: counts() runs between (and, when steady,
        # during) the measured commands on the loop that serves the stub.
        self.conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        self.pushed = 0
        self.next_article = 6

    def close(self) -> None:
        """Close the read-only connection."""
        self.conn.close()

    def counts(self) -> tuple[int, int]:
        """(jobs waiting or running, article jobs ever created) for the article chats."""
        # fetchall() finishes the statement, so the next call reads a fresh snapshot.
        rows = self.conn.execute("SELECT SUM(status IN ('queued', 'running')), COUNT(*) FROM jobs"
                                 " WHERE chat_id >= ?", (FIRST_ARTICLE_CHAT,)).fetchall()
        return int(rows[0][0] or 0), int(rows[0][1] or 0)

    def burst(self, count: int) -> None:
        """Push `count` articles at once, each from a new chat."""
        for _ in range(count):
            self.stub.push_text(FIRST_ARTICLE_CHAT + self.pushed, None,
                                self.articles[self.next_article % len(self.articles)])
            self.pushed += 1
            self.next_article += 1

    def top_up(self) -> int:
        """Push articles (each from a new chat) so the queue stays full; return jobs waiting."""
        waiting, created = self.counts()
        in_merge_window = self.pushed - created
        # Articles spend the merge window (1.5 s) before becoming jobs: keep plenty in flight.
        self.burst(max(0, self.backlog + 60 - waiting - in_merge_window))
        return waiting

    async def run(self, stop: asyncio.Event) -> None:
        """Top up every 50 ms until stopped."""
        while not stop.is_set():
            self.top_up()
            await asyncio.sleep(0.05)


async def loaded_phase(stub: StubBotApi, feeder: Feeder, rounds: int, *, steady: bool,
                       idle: dict[str, float]) -> None:
    """Measure commands while ≥ backlog article jobs are queued; print figures."""
    name = "steady" if steady else "backlog"
    stop = asyncio.Event()
    if steady:
        feeding = asyncio.create_task(feeder.run(stop))
    else:  # one burst, then no arrivals: only the queue itself competes with the commands
        feeder.burst(feeder.backlog + 150)
        await stub.wait_for(lambda: feeder.counts()[1] >= feeder.pushed, timeout=60)
    await stub.wait_for(lambda: feeder.counts()[0] >= feeder.backlog, timeout=60)
    started, done_before, calls_before = time.monotonic(), digests_delivered(stub), len(stub.calls)
    samples: dict[str, list[float]] = {"/help": [], "/history": []}
    queued_at_send: list[int] = []
    deadline = started + 60
    while min(len(v) for v in samples.values()) < rounds and time.monotonic() < deadline:
        for command in samples:
            queued = feeder.counts()[0]
            if queued < feeder.backlog:  # only measure while the queue is full enough
                if not steady:
                    break
                await asyncio.sleep(0.05)
                continue
            queued_at_send.append(queued)
            samples[command].append(await command_latency(stub, command))
            await asyncio.sleep(0.05)
        else:
            continue
        break
    elapsed = time.monotonic() - started
    done = digests_delivered(stub) - done_before
    stop.set()
    if steady:
        await feeding
    label = ("new articles keep arriving as fast as digests go out" if steady
             else "a burst of articles, no arrivals while measuring")
    print(f"\n{name}: {label}")
    loaded = report(name, samples)
    print(f"  article jobs queued when each command was sent: min {min(queued_at_send)}, "
          f"median {statistics.median(queued_at_send):.0f} (target ≥ {feeder.backlog})")
    for command in ("/help", "/history", "both"):
        verdict = "met" if loaded[command] <= 200 else "NOT met"
        print(f"  p95 ratio {name}/idle {command:<9}: {loaded[command] / idle[command]:.2f}"
              f"  ({name} p95 ≤ 200 ms: {verdict})")
    print(f"  digests per minute (extractive): {done / elapsed * 60:.1f} "
          f"({done} digests in {elapsed:.1f} s)")
    methods = Counter(c.method for c in stub.calls[calls_before:])
    print("  Bot API calls meanwhile: " + ", ".join(
        f"{method} {count}" for method, count in methods.most_common()))


async def run(dataset: Path, backlog: int, rounds: int) -> None:
    articles = load_articles(dataset)
    env = {"TOMTAT_RATE_LIMIT": "100000", "TOMTAT_MAX_PENDING": "100000",
           "TOMTAT_QUEUE_BOUND": "100000"}
    with tempfile.TemporaryDirectory() as tmp:
        async with StubBotApi() as stub, BotProcess(stub, Path(tmp), env=env) as proc:
            for i in range(6):  # some history for /history to page through
                stub.push_text(CMD_CHAT, None, articles[i])
                await stub.wait_for(lambda: history_size(stub) > i, timeout=60)  # noqa: B023
            print(f"bot_latency: real `tomtat run` (extractive engine) against the stub Bot API; "
                  f"up to {rounds} rounds of /help + /history per phase; latency = update "
                  f"available → reply at the stub\n\nidle: empty queue (baseline)")
            idle = report("idle", await measure(stub, rounds))
            with contextlib.closing(Feeder(stub, proc.db_path, articles, backlog)) as feeder:
                await loaded_phase(stub, feeder, rounds, steady=False, idle=idle)
                await stub.wait_for(lambda: feeder.counts()[0] == 0, timeout=300)
                await loaded_phase(stub, feeder, rounds, steady=True, idle=idle)
            if not proc.running:
                print("warning: the bot process exited during the run")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path,
                        default=ROOT.parent / "shared" / "data" / "vietnews-dev.jsonl")
    parser.add_argument("--backlog", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    logging.getLogger("tornado.access").setLevel(logging.ERROR)  # the stub's 4xx answers
    asyncio.run(run(args.dataset, args.backlog, args.rounds))


if __name__ == "__main__":
    main()

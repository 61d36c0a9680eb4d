"""SQLite and PostgreSQL side by side: the same synthetic history in both, the same calls timed.

    PYTHONPATH=. python benchmarks/pg_scale.py --digests 100000 --chats 1000
    PYTHONPATH=. python benchmarks/pg_scale.py --url postgresql://u@host/db   # an existing server

Without --url a throwaway PostgreSQL cluster is started in a temporary directory (as the tests
do). Each engine gets the same digests (same seed) through the bulk path, then the bot's reads:
history pages, search (common and rare words, with and without diacritics), an official. Prints
p50/p95 per engine, PostgreSQL / SQLite, and the issue's targets (set for 1 M digests).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.storage_scale import pct, rare_word, timed
from benchmarks.vn_synth import Corpus, TextMaker
from storage import Store
from summarizer.textnorm import strip_diacritics

TARGETS = {"history first page": 5.0, "history next page": 5.0, "bulk inserts/s": 2000.0}
SEARCH_TARGET_MS = 50.0
BATCH = 2_000
Results = dict[str, float]


async def load(store: Store, corpus: Corpus, digests: int) -> float:
    """Bulk-insert `digests` digests; digests per second spent inside the store."""
    start = datetime.now(UTC) - timedelta(days=400)
    step = timedelta(days=400) / max(digests, 1)
    storing, done = 0.0, 0
    while done < digests:
        count = min(BATCH, digests - done)
        items = [corpus.item(start + step * (done + i)) for i in range(count)]
        began = time.perf_counter()
        await store.admin.insert_digests_bulk(items)
        storing += time.perf_counter() - began
        done += count
    return digests / storing


def analyze(target: str | Path) -> None:
    """Planner statistics (and PostgreSQL's visibility map) for the fresh history, as
    autovacuum and PRAGMA optimize leave a database that has been in use for a while."""
    if isinstance(target, str):
        import psycopg

        with psycopg.connect(target, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
    else:
        with contextlib.closing(sqlite3.connect(target)) as conn:
            conn.execute("ANALYZE")


async def measure(target: str | Path, args: argparse.Namespace) -> Results:
    """Load the history into one engine and time the reads; p95 (ms) per call, insert rate."""
    maker = TextMaker(seed=args.seed)
    corpus = Corpus(maker, args.chats)
    results: Results = {}
    async with Store(target) as store:
        results["bulk inserts/s"] = await load(store, corpus, args.digests)
        await asyncio.to_thread(analyze, target)
        picker = random.Random(args.seed)
        chats = picker.choices(corpus.chat_ids, cum_weights=corpus.chat_cum, k=args.queries)

        async def p95(name: str, call: Callable[[int], Awaitable[object]]) -> None:
            samples = await timed(args.queries, call)
            results[name] = pct(samples, 0.95)
            results[name + " p50"] = pct(samples, 0.5)

        await p95("floor (one trivial read)", lambda i: store.jobs.queue_position(chats[i], -1))
        await p95("history first page", lambda i: store.digests.history(chats[i]))
        pages = [await store.digests.history(c) for c in chats]

        async def deeper(i: int) -> object:
            older = pages[i].older
            return await store.digests.history(chats[i], before=older) if older else None

        await p95("history next page", deeper)
        common, rare = "quyết định", rare_word(maker.vocab)
        for name, query in (
            (f"search common '{common}'", common),
            (f"search common '{strip_diacritics(common)}'", strip_diacritics(common)),
            (f"search rare '{rare}'", rare),
            (f"search rare '{strip_diacritics(rare)}'", strip_diacritics(rare)),
            ("search 3 words, no diacritics", strip_diacritics(" ".join(maker.vocab[30:33]))),
        ):
            await p95(name, lambda i, q=query: store.search.words(chats[i], q))
        names = [corpus.chat_officials(c)[0].name for c in chats]
        await p95("by official (no diacritics)",
                  lambda i: store.search.by_official(chats[i], strip_diacritics(names[i])))
    return results


@contextlib.contextmanager
def postgres(url: str | None) -> Iterator[str]:
    """The server to measure: --url, or a throwaway cluster (tests/support/postgres.py)."""
    if url:
        yield url
        return
    from tests.support.postgres import running_cluster

    with running_cluster() as cluster:
        cluster.admin("CREATE DATABASE bench")
        yield cluster.url("bench")


def report(lite: Results, pg: Results, digests: int) -> None:
    print(f"\n{digests:,} digests            SQLite p95   PostgreSQL p95   PG/SQLite   target")
    for name in lite:
        if name.endswith(" p50"):
            continue
        target = TARGETS.get(name, SEARCH_TARGET_MS if name.startswith(("search", "by ")) else 0)
        unit = "/s" if name.endswith("/s") else " ms"
        ratio = pg[name] / lite[name] if lite[name] else float("nan")
        mark = f"{target:,.0f}{unit}" if target else ""
        print(f"{name:<38} {lite[name]:10,.2f}{unit} {pg[name]:12,.2f}{unit}"
              f" {ratio:9.2f}x   {mark}")
    print("(p50s: " + ", ".join(
        f"{n[:-4]} {lite[n]:.2f}/{pg[n]:.2f}" for n in lite if n.endswith(" p50")) + ")")


async def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="tomtat-pg-scale-") as tmp:
        lite = await measure(Path(tmp) / "bench.sqlite3", args)
    with postgres(args.url) as url:
        pg = await measure(url, args)
    report(lite, pg, args.digests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digests", type=int, default=100_000)
    parser.add_argument("--chats", type=int, default=1_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--url", default=None, help="postgresql://… (default: a throwaway one)")
    parser.add_argument("--seed", type=int, default=7)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()

"""Storage at scale: bulk-load N digests over M chats, then time the API the bot uses.

    nice -n 10 python benchmarks/storage_scale.py --digests 1000000 --chats 10000 --db /tmp/big.db

Prints insert rates (bulk path and the real enqueue→claim→jobs.complete path), history page,
search (common/rare terms, with/without diacritics) and officials latencies (p50/p95), and the
database size. Each latency is also shown against the floor measured in the same run (a trivial
query through the same reader connection) and against its target.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.vn_synth import Corpus, TextMaker
from storage import BulkDigest, Job, Store
from storage.search.sqlite_fts import fts_tables
from summarizer.textnorm import strip_diacritics

TARGETS_MS = {"history": 5.0, "search": 50.0, "officials": 50.0}
BATCH = 2_000


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


async def timed(samples: int, make: Callable[[int], Awaitable[object]]) -> list[float]:
    """Milliseconds per call over `samples` calls."""
    out = []
    for i in range(samples):
        start = time.perf_counter()
        await make(i)
        out.append((time.perf_counter() - start) * 1000)
    return out


async def bulk_load(store: Store, corpus: Corpus, digests: int) -> float:
    """Insert through the bulk path; returns digests per second spent inside the store.

    Making up the synthetic digests is the benchmark's own work, so it is timed apart.
    """
    start_time = datetime.now(UTC) - timedelta(days=400)
    step = timedelta(days=400) / max(digests, 1)
    making = storing = 0.0
    cpu = cpu_seconds()
    done = 0
    while done < digests:
        count = min(BATCH, digests - done)
        began = time.perf_counter()
        items = [corpus.item(start_time + step * (done + i)) for i in range(count)]
        making += time.perf_counter() - began
        began = time.perf_counter()
        await store.admin.insert_digests_bulk(items)
        storing += time.perf_counter() - began
        done += count
        if done % 50_000 < BATCH:
            print(f"  … {done:,} digests, {done / storing:,.0f}/s", flush=True)
    cpu = cpu_seconds() - cpu
    print(
        f"bulk path: {digests / cpu:,.0f} digests per CPU-second with generation included;"
        f" generating took {making:,.0f} s wall, storing {storing:,.0f} s"
    )
    return digests / storing


def cpu_seconds() -> float:
    """CPU time of this process, all threads (the machine is shared, so wall time varies)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def api_inserts(store: Store, corpus: Corpus, count: int) -> None:
    """Rates of the real API: jobs.complete alone (1 caller, then 16 at once), full lifecycles."""
    items = [corpus.item(datetime.now(UTC)) for _ in range(3 * count)]

    async def enqueue(item: BulkDigest) -> Job:
        return await store.jobs.enqueue(
            item.chat_id,
            item.user_id or 1,
            item.text,
            [1],
            length="medium",
            language=None,
            reply_to=None,
        )

    async def claimed_jobs(chunk: list[BulkDigest]) -> list[Job]:
        jobs = []
        for item in chunk:
            jobs.append(await enqueue(item))  # complete() needs no claim first
        return jobs

    def report(name: str, n: int, wall: float, cpu: float) -> None:
        print(f"{name:<44} {n / wall:8,.0f}/s wall  {n / cpu:8,.0f}/s per CPU-second")

    for label, chunk, callers in (
        ("1 caller", items[:count], 1),
        ("16 concurrent callers", items[count : 2 * count], 16),
    ):
        jobs = await claimed_jobs(chunk)
        queue = list(zip(jobs, chunk, strict=True))

        async def caller(queue: list[tuple[Job, BulkDigest]] = queue) -> None:
            while queue:
                job, item = queue.pop()
                await store.jobs.complete(job.chat_id, job.id, item.digest)

        cpu, began = cpu_seconds(), time.perf_counter()
        await asyncio.gather(*(caller() for _ in range(callers)))
        report(
            f"jobs.complete, {label}", len(jobs), time.perf_counter() - began, cpu_seconds() - cpu
        )

    lifecycle = items[2 * count :]

    async def handler(item: BulkDigest) -> None:
        job = await enqueue(item)
        await store.queue.claim("bench")  # one claim per job, as a worker makes
        await store.jobs.complete(job.chat_id, job.id, item.digest)
        await store.jobs.mark_delivered(job.chat_id, job.id)

    cpu, began = cpu_seconds(), time.perf_counter()
    for start in range(0, len(lifecycle), 16):
        await asyncio.gather(*(handler(item) for item in lifecycle[start : start + 16]))
    report(
        "enqueue+claim+complete+deliver, 16 at once",
        len(lifecycle),
        time.perf_counter() - began,
        cpu_seconds() - cpu,
    )


def rare_word(vocab: list[str]) -> str:
    """The least frequent toned syllable no other syllable folds into (so it stays rare)."""
    folded = [strip_diacritics(word) for word in vocab]
    counts = Counter(folded)
    pairs = zip(reversed(vocab), reversed(folded), strict=True)
    return next(w for w, f in pairs if counts[f] == 1 and w != f)  # written with diacritics


def line(name: str, values: list[float], floor: float, target: float | None) -> None:
    p50, p95 = pct(values, 0.5), pct(values, 0.95)
    extra = f"  p95/target {p95 / target:.2f}" if target else ""
    print(f"{name:<34} p50 {p50:8.2f} ms  p95 {p95:8.2f} ms  p95/floor {p95 / floor:7.1f}{extra}")


async def run(args: argparse.Namespace) -> None:
    db = Path(args.db)
    maker = TextMaker(seed=args.seed)
    corpus = Corpus(maker, args.chats)
    opening = time.perf_counter()
    async with Store(db) as store:
        print(f"opened (pending migrations applied) in {time.perf_counter() - opening:.1f} s")
        existing = (await store.admin.stats())["digests"]
        if existing < args.digests:
            print(f"bulk-loading {args.digests - existing:,} digests over {args.chats:,} chats")
            rate = await bulk_load(store, corpus, args.digests - int(existing))
            print(f"bulk insert rate: {rate:,.0f} digests/s (target ≥ 2,000/s: {rate / 2000:.2f}x)")
        else:
            print(f"reusing {existing:,} digests already in {db}")
        await api_inserts(store, corpus, args.api_inserts)

        chats = [corpus.pick_chat() for _ in range(args.queries)]
        floor_ms = await timed(args.queries, lambda i: store.jobs.queue_position(chats[i], -1))
        floor = max(pct(floor_ms, 0.95), 1e-3)
        print(
            f"floor (trivial query through the reader): p50 {pct(floor_ms, 0.5):.3f} ms"
            f"  p95 {floor:.3f} ms"
        )
        line(
            "history first page",
            await timed(args.queries, lambda i: store.digests.history(chats[i])),
            floor,
            TARGETS_MS["history"],
        )
        pages = [await store.digests.history(c) for c in chats]

        async def deeper(i: int) -> object:
            older = pages[i].older
            return await store.digests.history(chats[i], before=older) if older else None

        line(
            "history next page (keyset)",
            await timed(args.queries, deeper),
            floor,
            TARGETS_MS["history"],
        )
        common, rare = "quyết định", rare_word(maker.vocab)
        queries = {
            f"search common '{common}'": common,
            f"search common '{strip_diacritics(common)}'": strip_diacritics(common),
            f"search rare '{rare}'": rare,
            f"search rare '{strip_diacritics(rare)}'": strip_diacritics(rare),
            "search 3 words, no diacritics": strip_diacritics(" ".join(maker.vocab[30:33])),
        }
        for name, query in queries.items():
            line(
                name,
                await timed(args.queries, lambda i, q=query: store.search.words(chats[i], q)),
                floor,
                TARGETS_MS["search"],
            )
        names = []
        for chat in chats:  # a name the chat's digests really mention, typed without diacritics
            top = await store.digests.officials_overview(chat, limit=3)
            names.append(strip_diacritics(top[-1].name) if top else "nguyen van a")
        line(
            "digests_by_official (no diacritics)",
            await timed(args.queries, lambda i: store.search.by_official(chats[i], names[i])),
            floor,
            TARGETS_MS["officials"],
        )
        line(
            "officials_overview",
            await timed(args.queries, lambda i: store.digests.officials_overview(chats[i])),
            floor,
            TARGETS_MS["officials"],
        )
        hits, total = await store.search.words(chats[0], common)
        if hits:
            print(f"sample snippet ({total} hits): {hits[0].snippet}")
        stats = await store.admin.stats()
    print(f"digests {stats['digests']:,}  chats {stats['chats']:,}")
    print_size(db, int(stats["digests"]))


def print_size(db: Path, digests: int) -> None:
    """File size, and the live size (pages in use: a dropped index leaves free pages behind)."""
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    conn = sqlite3.connect(db)
    try:
        (page,) = conn.execute("PRAGMA page_size").fetchone()
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        (free,) = conn.execute("PRAGMA freelist_count").fetchone()
        fts = sum(
            conn.execute(f"SELECT sum(length(block)) FROM {table}_data").fetchone()[0] or 0
            for table in fts_tables()
        )
    finally:
        conn.close()
    live = (pages - free) * page
    print(
        f"db files {size / 2**20:,.0f} MiB; live {live / 2**20:,.0f} MiB"
        f" ({live / max(digests, 1):,.0f} bytes/digest), of which FTS index data"
        f" {fts / 2**20:,.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digests", type=int, default=1_000_000)
    parser.add_argument("--chats", type=int, default=10_000)
    parser.add_argument("--db", default="/tmp/tomtat-storage-scale.db")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--api-inserts", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, pid {os.getpid()}")
    asyncio.run(run(args))


if __name__ == "__main__":
    main()

"""Bulk import on PostgreSQL: search documents built by the server (before) or in Python (after).

    PYTHONPATH=. python benchmarks/pg_bulk.py --digests 100000

The same synthetic digests (benchmarks/vn_synth.py) go into three stores in one run, batch by
batch in turn so a busy machine slows all of them alike: PostgreSQL with every document made by
to_tsvector (the path before storage/postgres/document.py, still used for text it cannot
fold), PostgreSQL as shipped, and SQLite as the baseline. Prints digests per second spent
inside the store and the ratios; the issue's target is 2,000/s on PostgreSQL.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.vn_synth import Corpus, TextMaker
from storage import BulkDigest, Store
from storage.postgres import document

TARGET = 2000.0
VARIANTS = ("PostgreSQL, server documents", "PostgreSQL, Python documents", "SQLite")


@contextlib.contextmanager
def server_documents(active: bool) -> Iterator[None]:
    """While active, every digest takes the SQL path (to_tsvector), as before document.py."""
    built = document.document_literal
    if active:
        document.document_literal = lambda fields, weights: None
    try:
        yield
    finally:
        document.document_literal = built


async def timed_insert(store: Store, items: list[BulkDigest], sql_path: bool) -> float:
    """Seconds the store spent on one batch."""
    with server_documents(sql_path):
        began = time.perf_counter()
        await store.admin.insert_digests_bulk(items)
        return time.perf_counter() - began


async def run(args: argparse.Namespace) -> None:
    from tests.support.postgres import running_cluster

    corpus = Corpus(TextMaker(seed=args.seed), args.chats)
    start = datetime.now(UTC) - timedelta(days=400)
    step = timedelta(days=400) / max(args.digests, 1)
    spent = dict.fromkeys(VARIANTS, 0.0)
    with tempfile.TemporaryDirectory(prefix="tomtat-pg-bulk-") as tmp, running_cluster() as pg:
        for name in ("before", "after"):
            pg.admin(f"CREATE DATABASE {name}")
        async with (
            Store(pg.url("before")) as before,
            Store(pg.url("after")) as after,
            Store(Path(tmp) / "bench.sqlite3") as lite,
        ):
            stores = dict(zip(VARIANTS, (before, after, lite), strict=True))
            done = 0
            while done < args.digests:
                count = min(args.batch, args.digests - done)
                items = [corpus.item(start + step * (done + i)) for i in range(count)]
                for name, store in stores.items():
                    spent[name] += await timed_insert(store, items, name == VARIANTS[0])
                done += count
    rates = {name: args.digests / seconds for name, seconds in spent.items()}
    print(f"\n{args.digests:,} digests, batches of {args.batch:,}")
    for name, rate in rates.items():
        print(f"{name:<32} {rate:9,.0f} digests/s   {rate / rates['SQLite']:5.2f}x SQLite")
    gain = rates[VARIANTS[1]] / rates[VARIANTS[0]]
    print(f"Python documents / server documents: {gain:.2f}x   (target {TARGET:,.0f}/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digests", type=int, default=10_000)
    parser.add_argument("--chats", type=int, default=1_000)
    parser.add_argument("--batch", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()

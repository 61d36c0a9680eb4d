"""Crash test: a writer killed with SIGKILL mid-stream loses nothing it reported as written.

    nice -n 10 python benchmarks/storage_crash.py --rounds 20 --db /tmp/crash.db

The writer process runs several tasks that paste fragments, merge them into jobs, claim and
complete them, and print `ok <chat> <number>` after each commit returns. The parent kills it at
a random moment, then checks `PRAGMA integrity_check`, the FTS index, and that every reported
digest is still there (and found by search). Repeats on the same database file.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storage import Store  # noqa: E402
from storage.search.sqlite_fts import fts_tables  # noqa: E402
from summarizer.digest import Digest, Official  # noqa: E402

TEXT = "Sở Nội vụ tỉnh quyết định sắp xếp trụ sở xã {n}. Ông Lê Văn Tùng chủ trì cuộc họp số {n}."


def digest_for(n: int) -> Digest:
    """A small digest whose summary carries a unique marker word."""
    return Digest(
        title=f"Quyết định số {n}",
        summary=f"Tỉnh quyết định sắp xếp trụ sở, mã kiểm tra {n}x.",
        officials=(Official("Lê Văn Tùng", ("Giám đốc Sở Nội vụ",)),),
        decisions=(),
        engine="extractive",
        model=None,
        input_words=20,
        summary_words=9,
        elapsed_ms=5,
    )


async def writer(db: Path, tasks: int) -> None:
    """Write forever from several tasks; print each digest once its commit has returned."""
    base = random.randrange(10**9) * 10**8  # message ids unique across writer runs
    async with Store(db) as store:
        await store.jobs.release_leases()  # alone on the file: the killed writer's leases end

        async def work(worker: int) -> None:
            n = 0
            while True:
                n += 1
                chat = 100 + (worker * 7 + n) % 5
                key = f"{worker}-{n}-{time.monotonic_ns()}"
                message = base + 10_000_000 * worker + n * 2
                await store.chats.add_fragment(chat, worker, message, TEXT.format(n=key))
                print(f"frag {chat} {message}", flush=True)
                await store.chats.add_fragment(chat, worker, message + 1, "Đoạn tiếp theo.")
                print(f"frag {chat} {message + 1}", flush=True)
                job = await store.jobs.fragments_to_job(
                    chat, worker, length="short", language=None, reply_to=message
                )
                if job is None:
                    continue
                claimed = await store.queue.claim(f"writer-{worker}")
                if claimed is None:
                    continue
                stored = await store.jobs.complete(
                    claimed.chat_id, claimed.id, digest_for(claimed.id)
                )
                await store.jobs.mark_delivered(claimed.chat_id, claimed.id)  # frees the chat
                print(f"ok {stored.chat_id} {stored.number} {claimed.id}", flush=True)

        await asyncio.gather(*(work(i) for i in range(tasks)))


def run_round(
    db: Path, seconds: float, tasks: int = 4
) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]]]:
    """SIGKILL a writer `seconds` after its first commit; returns the digests and fragments
    it reported as stored: (chat, number, job id) and (chat, message id)."""
    proc = subprocess.Popen(
        [sys.executable, __file__, "--writer", "--db", str(db), "--tasks", str(tasks)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()  # the writer is mid-stream from here on
    if not first:
        raise RuntimeError(proc.communicate()[1])
    time.sleep(seconds)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    reported, fragments = [], []
    for line in (first + out).splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0] == "ok":  # a torn last line was never fully reported
            reported.append((int(parts[1]), int(parts[2]), int(parts[3])))
        elif len(parts) == 3 and parts[0] == "frag":
            fragments.append((int(parts[1]), int(parts[2])))
    return reported, fragments


def lost_fragments(db: Path, fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Reported fragments that are neither waiting nor part of a job."""
    conn = sqlite3.connect(db)
    try:
        waiting = set(conn.execute("SELECT chat_id, message_id FROM fragments").fetchall())
        in_jobs = {
            (chat, message)
            for chat, ids in conn.execute("SELECT chat_id, message_ids FROM jobs")
            for message in json.loads(ids)
        }
    finally:
        conn.close()
    return [f for f in fragments if f not in waiting and f not in in_jobs]


def integrity(db: Path) -> str:
    """`PRAGMA integrity_check` plus FTS5's own index check."""
    conn = sqlite3.connect(db)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        for table in fts_tables():
            conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 0)")
        return str(result)
    finally:
        conn.close()


async def missing(db: Path, reported: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Reported digests that are not readable (or not searchable) after the crash."""
    lost = []
    async with Store(db) as store:
        for chat, number, job_id in reported:
            item = await store.digests.get(chat, number)
            hits, _ = await store.search.words(chat, f"{job_id}x")
            if item is None or item.digest.title != f"Quyết định số {job_id}" or not hits:
                lost.append((chat, number, job_id))
    return lost


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/tomtat-crash.db")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--tasks", type=int, default=4)
    parser.add_argument("--writer", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    db = Path(args.db)
    if args.writer:
        asyncio.run(writer(db, args.tasks))
        return
    rng = random.Random(args.seed)
    total, lost_total, fragments = 0, 0, 0
    for round_no in range(1, args.rounds + 1):
        reported, stored_fragments = run_round(db, rng.uniform(1.0, 3.0), args.tasks)
        check = integrity(db)
        lost = asyncio.run(missing(db, reported))
        lost_frags = lost_fragments(db, stored_fragments)
        fragments += len(stored_fragments)
        total += len(reported)
        lost_total += len(lost) + len(lost_frags)
        print(
            f"round {round_no:2}: {len(reported):5} digests and {len(stored_fragments):5}"
            f" fragments reported, integrity {check}, missing {len(lost)} + {len(lost_frags)}",
            flush=True,
        )
        if check != "ok" or lost or lost_frags:
            sys.exit(1)
    print(
        f"{args.rounds} SIGKILL rounds: {total} reported digests and {fragments} fragments,"
        f" {lost_total} missing,"
        f" integrity ok every round"
    )


if __name__ == "__main__":
    main()

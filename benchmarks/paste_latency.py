"""Seconds from a paste to its digest, through the real `tomtat run` on the stub Bot API.

Usage: PYTHONPATH=CHECKOUT python benchmarks/paste_latency.py [--pastes 7] [--window 1.5]

Whole pastes (the short original news items of tests/fixtures, one at a time) and one paste a
client split in three (tests/fixtures/e2e_appointments.txt). Everything, the bot process
included, is imported from CHECKOUT: run it with this branch and with main in the same session,
and the other checkout is the same-run baseline.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from tests.bot.e2e_support import (
    fixture,
    footers,
    news_items,
    running_bot,
    split_like_telegram,
)

CHAT = 4004


async def _timed(stub: object, pieces: list[str], number: int) -> float:
    started = time.monotonic()
    for piece in pieces:
        stub.push_text(CHAT, None, piece)  # type: ignore[attr-defined]
    await stub.wait_for(lambda: number in footers(stub, CHAT), timeout=30)  # type: ignore[attr-defined]
    return time.monotonic() - started


async def main(pastes: int, window: float) -> None:
    """Print median and worst seconds for whole pastes and the split paste."""
    items = news_items()[:pastes]
    waits = []
    with tempfile.TemporaryDirectory() as tmp:
        async with running_bot(Path(tmp), {"TOMTAT_MERGE_WINDOW": str(window)}) as (stub, _):
            for number, item in enumerate(items, start=1):
                waits.append(await _timed(stub, [item], number))
                await asyncio.sleep(0.3)
            split = split_like_telegram(fixture("e2e_appointments.txt"))
            split_wait = await _timed(stub, split, len(items) + 1)
    print(f"whole pastes: {len(waits)}, median {statistics.median(waits):.2f} s, "
          f"worst {max(waits):.2f} s (merge window {window} s)")
    print(f"paste split in {len(split)} pieces: {split_wait:.2f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pastes", type=int, default=7)
    parser.add_argument("--window", type=float, default=1.5)
    args = parser.parse_args()
    asyncio.run(main(args.pastes, args.window))

"""A length button under a digest, through the real `tomtat run --role all` on the stub Bot API:
seconds from the press to its answer (Telegram's spinner stops) and to the digest edited.

Usage: PYTHONPATH=CHECKOUT python benchmarks/relength_latency.py [--presses 12]

One digest of a short original news item (tests/fixtures), then `--presses` presses cycling
Ngắn → Dài → Vừa, each after the previous edit. Everything, the bot process included, is
imported from CHECKOUT: run it with this branch and with main in the same session, and the
other checkout is the same-run baseline (main re-summarises inside the button's handler; this
branch queues a job that the worker runs).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from tests.bot.e2e_support import footers, news_items, running_bot

CHAT = 4005
CYCLE = ("Ngắn", "Dài", "Vừa")


async def main(presses: int) -> None:
    """Print median and worst seconds to the answer and to the edit."""
    answered, edited = [], []
    with tempfile.TemporaryDirectory() as tmp:
        async with running_bot(Path(tmp)) as (stub, _):
            stub.push_text(CHAT, None, news_items()[1])
            await stub.wait_for(lambda: 1 in footers(stub, CHAT), timeout=30)
            digest = next(m for m in stub.messages_to(CHAT) if m.buttons())
            for i in range(presses):
                edits = digest.edits
                started = time.monotonic()
                query = stub.push_callback(CHAT, None, digest.message_id,
                                           digest.button(CYCLE[i % len(CYCLE)]))
                await stub.wait_for(lambda query=query: stub.callback_answer(query) is not None)
                answered.append(time.monotonic() - started)
                await stub.wait_for(lambda edits=edits: digest.edits > edits, timeout=30)
                edited.append(time.monotonic() - started)
                await asyncio.sleep(0.2)
    for name, waits in (("press → answered", answered), ("press → digest edited", edited)):
        print(f"{name:<22} n={len(waits)}  median {statistics.median(waits) * 1000:6.1f} ms"
              f"  worst {max(waits) * 1000:6.1f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=12)
    args = parser.parse_args()
    asyncio.run(main(args.presses))

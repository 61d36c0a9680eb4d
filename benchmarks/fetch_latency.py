"""/help latency while the bot fetches and converts its model in the background.

Usage: PYTHONPATH=. nice -n 10 python benchmarks/fetch_latency.py [--pad-mb 64] [--mb-per-s 8]

Two runs of the real `tomtat run` against the stub Bot API: first with `TOMTAT_MODEL=none`
(baseline: nothing fetched), then with the default model and `HF_ENDPOINT` at a hub on
127.0.0.1 (tests/support/model_hub.py) serving a tiny random T5 plus `--pad-mb` of padding, sent
at `--mb-per-s`, so the download and the ONNX conversion take a while. /help is sent one at a
time throughout; latency is from the update being available to the reply reaching the stub.
Prints p50/p95 of each run and the ratio of the p95s.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.bot_latency import command_latency, percentile
from summarizer.engines.generation import DEFAULT_MODEL
from tests.support.model_hub import ModelHub
from tests.support.stub_api import StubBotApi
from tests.support.stub_api.process import BotProcess
from tests.support.tiny_t5 import save_tiny_t5

DONE = ("new digests are written by the abstractive engine", "extractive engine stays")


def fetch_ended(proc: BotProcess) -> bool:
    """Whether the bot logged the end of its model fetch (either way)."""
    return any(d in proc.log() for d in DONE)


async def sample(stub: StubBotApi, rounds: int, proc: BotProcess | None = None) -> list[float]:
    """/help latencies: `rounds` of them, or with `proc`, all those before its fetch ends."""
    out: list[float] = []
    while (proc is None and len(out) < rounds) or (proc is not None and not fetch_ended(proc)):
        out.append(await command_latency(stub, "/help"))
        await asyncio.sleep(0.1)
    return out


def show(name: str, values: list[float]) -> float:
    p50, p95 = statistics.median(values) * 1000, percentile(values, 95) * 1000
    print(f"  {name:<22} n={len(values):>4}  p50={p50:7.1f} ms  p95={p95:7.1f} ms")
    return p95


async def run(pad_mb: int, mb_per_s: float, rounds: int) -> None:
    with tempfile.TemporaryDirectory(prefix="tomtat-fetch-") as tmp:
        root = Path(tmp)
        repo = save_tiny_t5(root / "repo")
        (repo / "padding.bin").write_bytes(os.urandom(pad_mb << 20))
        hub = ModelHub({DEFAULT_MODEL: repo}).start()
        hub.delay_s = (64 / 1024) / mb_per_s  # per 64 KiB piece
        env = {"TOMTAT_ENGINE": "auto", "HF_HUB_OFFLINE": "0", "HF_ENDPOINT": hub.endpoint,
               "HF_HOME": str(root / "hf"), "HOME": str(root / "home")}
        print(f"fetch_latency: tiny T5 + {pad_mb} MB padding at {mb_per_s} MB/s from "
              f"{hub.endpoint}; /help one at a time")
        baseline = {**env, "TOMTAT_MODEL": "none"}
        async with StubBotApi() as stub, BotProcess(stub, root / "base", env=baseline):
            base = show("baseline (no fetch)", await sample(stub, rounds))
        async with StubBotApi() as stub, BotProcess(stub, root / "fetch", env=env) as proc:
            loaded = show("during fetch+convert", await sample(stub, rounds, proc))
            outcome = next(d for d in DONE if d in proc.log())
        hub.stop()
        print(f"  p95 ratio fetch/baseline: {loaded / base:.2f}  (fetch ended: {outcome})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pad-mb", type=int, default=64)
    parser.add_argument("--mb-per-s", type=float, default=8.0)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    logging.getLogger("tornado.access").setLevel(logging.ERROR)
    asyncio.run(run(args.pad_mb, args.mb_per_s, args.rounds))


if __name__ == "__main__":
    main()

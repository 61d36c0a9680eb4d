"""Abstractive speed: plain transformers fp32 vs our engine (CTranslate2 or ONNX Runtime int8).

A model with ViT5-base's exact shape (random weights: speed does not depend on them), a
1,024-token input and exactly 128 generated tokens (end-of-sequence suppressed), greedy and
beam 4, 2 threads. Each runtime lives in its own process so its peak RSS is its own; runs
are interleaved (baseline, ours, baseline, ours...) so machine load hits both alike.

    PYTHONPATH=. nice -n 10 python benchmarks/abstractive_speed.py [--reps 2] [--cache DIR]
        [--runtime ctranslate2|onnxruntime]

CPU time is printed beside wall time: on a shared machine plain torch loses far more to
contention than CTranslate2 does, so compare ratios from runs on an idle machine when you can.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import resource
import statistics
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

INPUT_TOKENS = 1024
NEW_TOKENS = 128


def _input_ids(seed: int, vocab: int) -> list[int]:
    """1,023 ordinary tokens and the end token: a full ViT5 input window."""
    rng = random.Random(seed)
    return [rng.randrange(3, vocab) for _ in range(INPUT_TOKENS - 1)] + [1]


class Baseline:
    """What a user gets from plain transformers: fp32 `generate`, no tuning."""

    def __init__(self, hf_dir: Path, threads: int) -> None:
        import torch
        from transformers import AutoModelForSeq2SeqLM

        torch.set_num_threads(threads)
        self.torch = torch
        self.model = AutoModelForSeq2SeqLM.from_pretrained(hf_dir).eval()

    def run(self, batch: list[list[int]], beams: int, new_tokens: int) -> int:
        torch = self.torch
        with torch.inference_mode():
            out = self.model.generate(
                input_ids=torch.tensor(batch),
                attention_mask=torch.ones(len(batch), len(batch[0]), dtype=torch.long),
                do_sample=False,
                num_beams=beams,
                min_new_tokens=new_tokens,
                max_new_tokens=new_tokens,
            )
        return int(out.shape[1]) - 1  # the decoder start token is not generated


class Ours:
    """Our engine's runtime and decoding settings (ViT5 family), length forced."""

    def __init__(self, model_dir: Path, threads: int) -> None:
        from transformers import AutoTokenizer

        from summarizer.engines.backends import Backend
        from summarizer.engines.ct2 import Ct2Backend
        from summarizer.engines.generation import family_settings
        from summarizer.engines.locate import is_onnx_dir
        from summarizer.engines.ort import OrtBackend

        self.backend: Backend
        if is_onnx_dir(model_dir):
            self.backend = OrtBackend(model_dir, threads)
        else:
            tokenizer: Any = AutoTokenizer.from_pretrained(model_dir)
            self.backend = Ct2Backend(
                model_dir, tokenizer.convert_ids_to_tokens, tokenizer.convert_tokens_to_ids,
                threads,
            )
        self.settings = family_settings("VietAI/vit5-base-vietnews-summarization", "t5")

    def run(self, batch: list[list[int]], beams: int, new_tokens: int) -> int:
        from dataclasses import replace

        from summarizer.digest import Length

        options = replace(
            self.settings.decode_options(Length.LONG, num_beams=beams),
            min_new_tokens=new_tokens,
            max_new_tokens=new_tokens,
        )
        out = self.backend.generate(batch, options)
        return len(out[0])


def _serve(kind: str, path: str, threads: int, conn: Connection) -> None:
    """Child process: load one runtime, then time whatever the parent asks for."""
    runner = Baseline(Path(path), threads) if kind == "baseline" else Ours(Path(path), threads)
    while True:
        request = conn.recv()
        if request is None:
            return
        if request == "rss":
            conn.send(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            continue
        batches, beams, new_tokens = request
        started, cpu = time.perf_counter(), time.process_time()
        produced = [runner.run(batch, beams, new_tokens) for batch in batches]
        conn.send((time.perf_counter() - started, time.process_time() - cpu, produced))


class Child:
    """A runtime in its own process."""

    def __init__(self, kind: str, path: Path, threads: int) -> None:
        ctx = mp.get_context("spawn")
        self.conn, theirs = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(kind, str(path), threads, theirs))
        self.process.start()
        self.last_cpu = 0.0

    def time(self, batches: list[list[list[int]]], beams: int, new_tokens: int) -> float:
        self.conn.send((batches, beams, new_tokens))
        elapsed, self.last_cpu, produced = self.conn.recv()
        if any(n != new_tokens for n in produced):
            raise SystemExit(f"length was not forced: {produced} tokens, wanted {new_tokens}")
        return float(elapsed)

    def rss_mib(self) -> float:
        self.conn.send("rss")
        return float(self.conn.recv())

    def close(self) -> None:
        self.conn.send(None)
        self.process.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=2, help="interleaved repetitions")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/tomtat-bench"))
    parser.add_argument("--skip-concurrency", action="store_true")
    parser.add_argument("--runtime", choices=("ctranslate2", "onnxruntime"),
                        default="ctranslate2", help="what runs our engine (both int8)")
    args = parser.parse_args()

    from benchmarks.vit5_shape import VOCAB, build, build_onnx

    hf_dir, ours_dir = build(args.cache)
    if args.runtime == "onnxruntime":
        # Exported in a child: the export's peak memory must not be inherited (ru_maxrss
        # survives fork and exec) by the processes whose peak RSS is reported.
        exporter = mp.get_context("spawn").Process(target=build_onnx, args=(args.cache,))
        exporter.start()
        exporter.join()
        if exporter.exitcode != 0:
            raise SystemExit("the ONNX export of the shape model failed")
        ours_dir = build_onnx(args.cache)  # already there: only checked
    print(f"ours: {args.runtime} int8 ({ours_dir})", flush=True)
    print("load average at start (1/5/15 min): {:.2f} {:.2f} {:.2f} on {} cores".format(
        *os.getloadavg(), os.cpu_count()), flush=True)
    one = [[_input_ids(0, VOCAB)]]
    base, ours = Child("baseline", hf_dir, args.threads), Child("ours", ours_dir, args.threads)
    try:
        base.time(one, 1, 2)  # warm-up: first calls allocate and page weights in
        ours.time(one, 1, 2)
        times: dict[tuple[str, int], list[float]] = {}
        cpu: dict[tuple[str, int], list[float]] = {}
        first: dict[str, list[float]] = {}
        for rep in range(args.reps):
            for name, child in (("baseline", base), ("ours", ours)):
                # Encoder plus one token, in the same rhythm as the full runs.
                first.setdefault(name, []).append(child.time(one, 1, 1))
            for beams in (1, 4):
                for name, child in (("baseline", base), ("ours", ours)):
                    elapsed = child.time(one, beams, NEW_TOKENS)
                    times.setdefault((name, beams), []).append(elapsed)
                    cpu.setdefault((name, beams), []).append(child.last_cpu)
                    print(f"  rep {rep + 1} beam {beams} {name:8s} {elapsed:6.2f} s wall, "
                          f"{child.last_cpu:6.2f} s CPU", flush=True)
        first_token = {name: statistics.median(values) for name, values in first.items()}
        rss = {"baseline": base.rss_mib(), "ours": ours.rss_mib()}
        print(f"\nViT5-base shape, {INPUT_TOKENS}-token input, {NEW_TOKENS} tokens forced, "
              f"{args.threads} threads, median of {args.reps} interleaved runs")
        for beams, label in ((1, "greedy"), (4, "beam 4")):
            b = statistics.median(times[("baseline", beams)])
            o = statistics.median(times[("ours", beams)])
            bc = statistics.median(cpu[("baseline", beams)])
            oc = statistics.median(cpu[("ours", beams)])
            print(f"  {label:7s} transformers fp32 {b:6.2f} s | ours {o:6.2f} s | "
                  f"speed-up {b / o:4.2f}x (CPU time {bc:6.2f} s vs {oc:6.2f} s: {bc / oc:4.2f}x)")
        for name in ("baseline", "ours"):
            total = statistics.median(times[(name, 1)])
            per_token = (total - first_token[name]) / (NEW_TOKENS - 1)
            print(f"  {name:8s} greedy: encoder + first token {first_token[name]:5.2f} s, "
                  f"then {per_token * 1000:5.1f} ms per generated token; a summary that stops "
                  f"at 60 tokens ≈ {first_token[name] + 59 * per_token:5.2f} s")
        print(f"  peak RSS: transformers fp32 {rss['baseline']:,.0f} MiB | "
              f"ours {rss['ours']:,.0f} MiB")
        if not args.skip_concurrency:
            eight = [_input_ids(seed, VOCAB) for seed in range(8)]
            one_by_one = ours.time([[ids] for ids in eight], 1, NEW_TOKENS)
            batched = ours.time([eight], 1, NEW_TOKENS)
            print(f"  8 concurrent requests (ours, greedy): one by one {one_by_one:6.2f} s "
                  f"({8 / one_by_one * 60:5.1f}/min) | batched {batched:6.2f} s "
                  f"({8 / batched * 60:5.1f}/min) | {one_by_one / batched:4.2f}x; "
                  f"peak RSS after the batch {ours.rss_mib():,.0f} MiB")
        print("load average at end (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    finally:
        base.close()
        ours.close()


if __name__ == "__main__":
    main()

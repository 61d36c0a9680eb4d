"""The ONNX Runtime fast path for T5-family models (optional extra `tomtat[fast]`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from summarizer.engines.backends import pad_batch
from summarizer.engines.base import import_runtime, runtime_available
from summarizer.engines.generation import DecodeOptions
from summarizer.engines.locate import DECODER_FILE, ENCODER_FILE
from summarizer.engines.onnx_export import read_meta
from summarizer.engines.search import Special, beam, greedy


def import_onnxruntime() -> Any:
    """The onnxruntime module, or EngineUnavailable saying how to install it."""
    return import_runtime("onnxruntime", "ONNX Runtime")


def available() -> bool:
    """True when the optional ONNX Runtime can be imported."""
    return runtime_available("onnxruntime")


class _Decoding:
    """The decoder session plus the per-row caches of one `generate` call."""

    def __init__(self, session: Any, cross: list[np.ndarray], mask: np.ndarray, rows: int,
                 layers: int, heads: int, d_kv: int) -> None:
        self.session = session
        self.cross, self.mask = cross, mask
        self.past = [np.zeros((rows, heads, 0, d_kv), dtype=np.float32) for _ in range(2 * layers)]
        self.cross_names = [f"cross_{n}_{i}" for i in range(layers) for n in "kv"]
        self.past_names = [f"past_{n}_{i}" for i in range(layers) for n in "kv"]

    def step(self, tokens: np.ndarray) -> np.ndarray:
        """One decoder step for every row; the caches grow by one position."""
        feeds: dict[str, np.ndarray] = {
            "input_ids": tokens.astype(np.int64).reshape(-1, 1), "encoder_mask": self.mask}
        feeds.update(zip(self.cross_names, self.cross, strict=True))
        feeds.update(zip(self.past_names, self.past, strict=True))
        logits, *self.past = self.session.run(None, feeds)
        return np.asarray(logits, dtype=np.float32)

    def reorder(self, parents: np.ndarray) -> None:
        """Beams swap self-attention caches; cross K/V are equal within one input."""
        if not np.array_equal(parents, np.arange(len(parents))):
            self.past = [p[parents] for p in self.past]

    def keep(self, rows: np.ndarray) -> None:
        """Forget finished rows everywhere (greedy only: one row per input)."""
        self.past = [p[rows] for p in self.past]
        self.cross = [c[rows] for c in self.cross]
        self.mask = self.mask[rows]


class OrtBackend:
    """An `onnx_export` copy (int8 weights) run by ONNX Runtime on the CPU."""

    name = "onnxruntime"

    def __init__(self, model_dir: Path, threads: int | None = None) -> None:
        ort = import_onnxruntime()
        meta = read_meta(model_dir)
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or 0
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Idle worker threads sleep instead of spinning: on a shared machine spinning steals
        # the cores the other thread needs (measured: 28 ms per token instead of 50).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        providers = ["CPUExecutionProvider"]
        self.encoder: Any = ort.InferenceSession(str(model_dir / ENCODER_FILE), options,
                                                 providers=providers)
        self.decoder: Any = ort.InferenceSession(str(model_dir / DECODER_FILE), options,
                                                 providers=providers)
        self.model_type: str | None = meta.get("model_type")
        self.special = Special(start=int(meta["decoder_start_id"]), eos=int(meta["eos_id"]),
                               pad=int(meta["pad_id"]))
        self._layers, self._heads, self._d_kv = (
            int(meta["decoder_layers"]), int(meta["heads"]), int(meta["d_kv"]))

    def generate(self, batch: list[list[int]], options: DecodeOptions) -> list[list[int]]:
        """Greedy or beam search; inputs are right-padded and masked."""
        if options.max_new_tokens <= 0:
            return [[] for _ in batch]
        ids, mask = pad_batch(batch, self.special.pad)
        cross = self.encoder.run(None, {"input_ids": ids, "attention_mask": mask})
        beams = max(1, options.num_beams)
        # Beams share their input's cross K/V (the graph reads beams as extra query positions).
        model = _Decoding(self.decoder, cross, mask, len(batch) * beams, self._layers,
                          self._heads, self._d_kv)
        search = beam if beams > 1 else greedy
        return search(model, len(batch), options, self.special)

"""Runtimes that turn token ids into summary token ids: plain transformers (torch) here."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

import numpy as np

from summarizer.engines.generation import DecodeOptions


class Backend(Protocol):
    """One loaded model that generates for a batch of tokenised inputs."""

    name: str

    def generate(self, batch: list[list[int]], options: DecodeOptions) -> list[list[int]]:
        """Output token ids for each input, in order (special tokens may remain)."""
        ...


def pad_batch(batch: list[list[int]], pad_id: int) -> tuple[np.ndarray, np.ndarray]:
    """Right-pad the inputs into one (rows, width) int64 array of ids, and its attention mask."""
    width = max(len(ids) for ids in batch)
    ids = np.full((len(batch), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(batch), width), dtype=np.int64)
    for row, tokens in enumerate(batch):
        ids[row, : len(tokens)] = tokens
        mask[row, : len(tokens)] = 1
    return ids, mask


class TorchBackend:
    """`AutoModelForSeq2SeqLM.generate` in fp32 on the CPU."""

    name = "transformers"

    def __init__(self, model_dir: Path, pad_id: int, threads: int | None = None) -> None:
        import torch
        from transformers import AutoModelForSeq2SeqLM

        if threads:
            torch.set_num_threads(threads)
        self._torch = torch
        self._pad_id = pad_id
        self.model: Any = AutoModelForSeq2SeqLM.from_pretrained(model_dir)
        self.model.eval()
        self.model_type: str | None = getattr(self.model.config, "model_type", None)

    def generate(self, batch: list[list[int]], options: DecodeOptions) -> list[list[int]]:
        """Greedy or beam search; inputs are right-padded into one tensor."""
        torch = self._torch
        ids, mask = (torch.from_numpy(a) for a in pad_batch(batch, self._pad_id))
        with torch.inference_mode():
            out = self.model.generate(
                input_ids=ids,
                attention_mask=mask,
                do_sample=False,
                num_beams=options.num_beams,
                min_new_tokens=options.min_new_tokens,
                max_new_tokens=options.max_new_tokens,
                no_repeat_ngram_size=options.no_repeat_ngram_size or None,
                length_penalty=options.length_penalty,
                repetition_penalty=options.repetition_penalty,
                early_stopping=options.num_beams > 1,
            )
        return [row.tolist() for row in out]

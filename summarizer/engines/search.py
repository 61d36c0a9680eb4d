"""Greedy and beam search in numpy over a one-token step function, as transformers does them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from summarizer.engines.generation import DecodeOptions

_NEG = np.float32(-1.0e9)  # what transformers adds to rule a candidate out


class Stepper(Protocol):
    """A decoder holding per-row caches; rows are hypotheses (inputs x beams)."""

    def step(self, tokens: np.ndarray) -> np.ndarray:
        """Feed one token per row; float32 logits (rows, vocab) for the next one."""
        ...

    def reorder(self, parents: np.ndarray) -> None:
        """Row i continues the self-attention cache of row parents[i] (same input)."""
        ...

    def keep(self, rows: np.ndarray) -> None:
        """Drop every row not listed (finished hypotheses stop costing compute)."""
        ...


@dataclass(frozen=True)
class Special:
    """Token ids the search needs."""

    start: int
    eos: int
    pad: int


def _banned_ngrams(seq: np.ndarray, size: int) -> list[int]:
    """Tokens that would repeat an n-gram already in the sequence (decoder start included)."""
    if len(seq) + 1 < size:
        return []
    tokens = seq.tolist()
    prefix = tokens[len(tokens) - size + 1 :]
    return [tokens[i + size - 1] for i in range(len(tokens) - size + 1)
            if tokens[i : i + size - 1] == prefix]


def process(scores: np.ndarray, seqs: np.ndarray, generated: int, options: DecodeOptions,
            special: Special) -> np.ndarray:
    """transformers' processors in place: repetition penalty, no-repeat n-grams, min new tokens."""
    if options.repetition_penalty != 1.0:
        penalty = np.float32(options.repetition_penalty)
        for row, seq in enumerate(seqs):
            seen = np.unique(seq)
            values = scores[row, seen]
            scores[row, seen] = np.where(values < 0, values * penalty, values / penalty)
    if options.no_repeat_ngram_size > 0:
        for row, seq in enumerate(seqs):
            banned = _banned_ngrams(seq, options.no_repeat_ngram_size)
            if banned:
                scores[row, banned] = -np.inf
    if generated < options.min_new_tokens:
        scores[:, special.eos] = -np.inf
    return scores


def _trim(seq: np.ndarray, length: int, eos: int) -> list[int]:
    """Generated tokens (decoder start dropped), up to and including the first end token."""
    out = seq[1:length].tolist()
    return out[: out.index(eos) + 1] if eos in out else out


def greedy(model: Stepper, batch: int, options: DecodeOptions, special: Special) -> list[list[int]]:
    """Argmax decoding; a finished row leaves the batch."""
    seqs = np.full((batch, options.max_new_tokens + 1), special.pad, dtype=np.int64)
    seqs[:, 0] = special.start
    active = np.arange(batch)
    lengths = np.full(batch, options.max_new_tokens + 1)
    for t in range(options.max_new_tokens):
        logits = model.step(seqs[active, t])
        scores = process(logits, seqs[active, : t + 1], t, options, special)
        chosen = scores.argmax(axis=1)
        seqs[active, t + 1] = chosen
        done = chosen == special.eos
        if done.any():
            lengths[active[done]] = t + 2
            active = active[~done]
            if not len(active):
                break
            model.keep(np.flatnonzero(~done))
    return [_trim(seqs[row], int(lengths[row]), special.eos) for row in range(batch)]


def _top(values: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k largest per row, largest first (ties: lower index first)."""
    picked = np.argpartition(-values, k - 1, axis=1)[:, :k]
    keys = np.lexsort((picked, -np.take_along_axis(values, picked, axis=1)), axis=1)
    return np.take_along_axis(picked, keys, axis=1)


def _log_softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise log-softmax in float32."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def beam(model: Stepper, batch: int, options: DecodeOptions, special: Special) -> list[list[int]]:
    """transformers' vectorised beam search with early_stopping=True, one end token."""
    k, lp = options.num_beams, options.length_penalty
    width, keep = options.max_new_tokens + 1, 2 * options.num_beams
    running = np.full((batch, k, width), special.pad, dtype=np.int64)
    running[:, :, 0] = special.start
    run_scores = np.zeros((batch, k), dtype=np.float32)
    run_scores[:, 1:] = _NEG
    fin = running.copy()
    fin_scores = np.full((batch, k), _NEG, dtype=np.float32)
    fin_len = np.full((batch, k), width)
    fin_done = np.zeros((batch, k), dtype=bool)
    improvable = np.ones((batch, 1), dtype=bool)
    top_k = np.arange(keep) < k
    rows = np.arange(batch)[:, None]
    for cur in range(1, width):
        flat = running.reshape(batch * k, width)
        logits = model.step(flat[:, cur - 1])
        logp = process(_log_softmax(logits), flat[:, :cur], cur - 1, options, special)
        vocab = logp.shape[1]
        acc = (logp.reshape(batch, k, vocab) + run_scores[:, :, None]).reshape(batch, k * vocab)
        idx = _top(acc, keep)
        top_lp = np.take_along_axis(acc, idx, axis=1)
        parent, token = idx // vocab, idx % vocab
        top_seqs = running[rows, parent]
        top_seqs[:, :, cur] = token
        hits = (token == special.eos) | (cur + 1 >= width)
        run_lp = top_lp + hits.astype(np.float32) * _NEG
        chosen = _top(run_lp, k)
        running = top_seqs[rows, chosen]
        run_scores = np.take_along_axis(run_lp, chosen, axis=1)
        just = hits & top_k[None, :]
        scored = top_lp / np.float32(cur ** lp)
        scored = scored + (fin_done.all(axis=1, keepdims=True)).astype(np.float32) * _NEG
        scored = scored + (~improvable).astype(np.float32) * _NEG
        scored = scored + (~just).astype(np.float32) * _NEG
        merged = np.concatenate([fin_scores, scored], axis=1)
        best = _top(merged, k)
        fin = np.concatenate([fin, top_seqs], axis=1)[rows, best]
        fin_scores = np.take_along_axis(merged, best, axis=1)
        fin_len = np.take_along_axis(
            np.concatenate([fin_len, np.full((batch, keep), cur + 1)], axis=1), best, axis=1)
        fin_done = np.take_along_axis(np.concatenate([fin_done, just], axis=1), best, axis=1)
        model.reorder((np.take_along_axis(parent, chosen, axis=1) + rows * k).reshape(-1))
        possible = run_scores[:, :1] / np.float32(cur**lp)
        worst = np.where(fin_done, fin_scores.min(axis=1, keepdims=True), _NEG)
        improvable = improvable & (possible > worst).any(axis=1, keepdims=True)
        if not improvable.any() or fin_done.all() or hits.all():
            break
    return [_trim(fin[b, 0], int(fin_len[b, 0]), special.eos) for b in range(batch)]

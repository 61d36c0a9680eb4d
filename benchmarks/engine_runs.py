"""Datasets and summaries for the summary benchmarks: this checkout's, or a git ref's.

What a reader sees is the digest's title line, then its summary: `reader_view` joins them.
The held-out sample of the training file is the one `scripts/train_scorer.py` never fits on.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from benchmarks.at_ref import digests_at

ROOT = Path(__file__).resolve().parents[1]
# Shared with scripts/train_scorer.py: the scorer is fitted on everything but these rows.
HELDOUT_SEED = 13
HELDOUT_SIZE = 300
# A development sample of the training pool (never the held-out rows): tune decisions here, and
# the scorer is not fitted on it either, so its figures are not flattered by memorisation.
DEVSAMPLE_SEED = 29
DEVSAMPLE_SIZE = 400

Row = dict[str, str]


@dataclass(frozen=True)
class Shown:
    """The title line and the summary of one digest."""

    title: str
    summary: str

    def reader_view(self) -> str:
        """The title line, then the summary, as the digest shows them."""
        return f"{self.title}\n{self.summary}".strip()


def load_rows(path: Path) -> list[Row]:
    """JSONL rows that have both a text and a reference."""
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [r for r in rows if r.get("text") and r.get("reference")]


def split_heldout(rows: list[Row], size: int = HELDOUT_SIZE) -> tuple[list[Row], list[Row]]:
    """(held-out, training pool): a fixed shuffle, the first `size` rows held out."""
    shuffled = list(rows)
    random.Random(HELDOUT_SEED).shuffle(shuffled)
    return shuffled[:size], shuffled[size:]


def split_devsample(
    rows: list[Row], size: int = DEVSAMPLE_SIZE
) -> tuple[list[Row], list[Row]]:
    """(development sample, fitting pool) of the rows left after the held-out split."""
    pool = split_heldout(rows)[1]
    shuffled = list(pool)
    random.Random(DEVSAMPLE_SEED).shuffle(shuffled)
    return shuffled[:size], shuffled[size:]


def fitting_pool(rows: list[Row]) -> list[Row]:
    """The rows a scorer may be fitted on: neither held out nor in the development sample."""
    heldout, pool = split_heldout(rows)
    devsample = {r["text"] for r in split_devsample(rows)[0]}
    fit = [r for r in pool if r["text"] not in devsample]
    # The file has no duplicate articles; a held-out text must never reach a trainer anyway.
    if {r["text"] for r in heldout} & {r["text"] for r in fit}:
        raise ValueError("a held-out article is also in the fitting pool")
    return fit


def dataset(path: Path, heldout: bool, limit: int, devsample: bool = False) -> list[Row]:
    """The rows a benchmark reads: all, the held-out or the development sample; at most `limit`."""
    rows = load_rows(path)
    if heldout:
        rows = split_heldout(rows)[0]
    elif devsample:
        rows = split_devsample(rows)[0]
    return rows[:limit] if limit else rows


def which_sample(heldout: bool, devsample: bool) -> str:
    """How a benchmark names the rows it read."""
    return " (held-out sample)" if heldout else " (development sample)" if devsample else ""


def shown_now(rows: list[Row], length: str) -> list[Shown]:
    """This checkout's extractive digests (the whole pipeline, as the bot runs it)."""
    from summarizer.engines.extractive import ExtractiveEngine
    from summarizer.pipeline import summarize

    engine = ExtractiveEngine()
    out = []
    for row in rows:
        digest = summarize(row["text"], length, engine)
        out.append(Shown(digest.title, digest.summary))
    return out


def shown_at(ref: str, rows: list[Row], lengths: list[str]) -> dict[str, list[Shown]]:
    """The extractive digests of the product at git `ref`, per length (a temporary worktree)."""
    texts = [(str(i), r["text"]) for i, r in enumerate(rows)]
    return {
        length: [Shown(d.get("title", ""), d.get("summary", "")) for d in digests]
        for length, digests in digests_at(ref, texts, lengths).items()
    }

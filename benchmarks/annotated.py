"""The annotated set and its scoring, as ../shared/ANNOTATION.md defines them.

Shared by `officials_eval.py` and `decisions_eval.py`. A baseline is the product at a git ref
(`--baseline-ref`), run in a throwaway worktree through `summarize --jsonl`, so the old rules
and the new models are scored in the same run on the same rows.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.at_ref import digests_at
from benchmarks.rouge import overlap_f1
from summarizer.textnorm import fold_tones, syllables

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATASET = ROOT.parent / "shared" / "data" / "annotated-train.jsonl"
SPLITS = ("tune", "check")
# The last commit whose officials and decisions came from hand rules alone (issue #11's baseline).
RULES_REF = "04d01824335c6ec73ebf5a5653f44c7490fa4f5f"
_HONORIFIC = re.compile(r"^(?:ông|bà|đồng chí)\s+", re.IGNORECASE)

Row = dict[str, Any]
Prediction = dict[str, Any]


def load(path: Path) -> list[Row]:
    """Every annotated article (one JSON object per line)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def name_key(name: str) -> str:
    """NFC, lower case, old/new tone placement folded, `ông/bà/đồng chí` dropped."""
    return " ".join(_HONORIFIC.sub("", fold_tones(name).strip()).split())


def decision_text(item: str | dict[str, Any]) -> str:
    """A decision's clause, whether written as a string (old files) or `{text, actor}`."""
    return item if isinstance(item, str) else str(item.get("text", ""))


def decision_actor(item: str | dict[str, Any]) -> str | None:
    """A decision's actor, or None (old files and old predictions carry none)."""
    return None if isinstance(item, str) else item.get("actor")


@dataclass
class Counts:
    """True positives, false positives, false negatives; precision, recall and F1 from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, predicted: int, gold: int) -> None:
        """Count one article's matches against its predicted and gold totals."""
        self.tp += tp
        self.fp += predicted - tp
        self.fn += gold - tp

    @property
    def precision(self) -> float:
        """Share of predictions that match."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """Share of gold items found."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def officials_match(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> tuple[int, int]:
    """(names found, names found with a right position) for one article."""
    predicted = {name_key(o["name"]): o.get("titles", []) for o in pred}
    found = with_position = 0
    for g in gold:
        titles = predicted.get(name_key(g["name"]))
        if titles is None:
            continue
        found += 1
        if any(overlap_f1(p, t) >= 0.5 for p in titles for t in g.get("titles", [])):
            with_position += 1
    return found, with_position


def longest_common_run(a: list[str], b: list[str]) -> int:
    """Length of the longest common contiguous run of syllables."""
    best = 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def _syl(text: str) -> list[str]:
    return syllables(fold_tones(text))


def decisions_match(pred: list[Any], gold: list[Any]) -> list[tuple[int, int]]:
    """One-to-one matches (pred index, gold index): the common run covers half the shorter."""
    ps, gs = [_syl(decision_text(p)) for p in pred], [_syl(decision_text(g)) for g in gold]
    pairs = []
    for i, p in enumerate(ps):
        for j, g in enumerate(gs):
            shorter = min(len(p), len(g))
            run = longest_common_run(p, g) if shorter else 0
            if shorter and run * 2 >= shorter:
                pairs.append((run / max(len(p), len(g)), i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    matches = []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matches.append((i, j))
    return matches


def actor_right(pred: str | None, gold: str | None) -> bool:
    """Actors agree when both are absent, or their names/bodies overlap (syllable F1 ≥ 0.5)."""
    if not pred or not gold:
        return not pred and not gold
    return name_key(pred) == name_key(gold) or overlap_f1(pred, gold) >= 0.5


def predict_now(rows: Iterable[Row], length: str = "short") -> list[Prediction]:
    """Digests of this checkout's product, offline engine, as the CLI's JSON."""
    from summarizer.engines.extractive import ExtractiveEngine
    from summarizer.pipeline import summarize

    engine = ExtractiveEngine()
    return [summarize(row["text"], length, engine).to_json() for row in rows]


def predict_at(ref: str, rows: list[Row]) -> list[Prediction]:
    """Digests of the product as it was at git `ref`, run in a temporary worktree."""
    return digests_at(ref, [(r["id"], r["text"]) for r in rows], ["short"])["short"]


def by_split(rows: list[Row]) -> dict[str, list[int]]:
    """Row indices of each split, in SPLITS order."""
    return {s: [i for i, r in enumerate(rows) if r.get("split") == s] for s in SPLITS}


def table(title: str, columns: list[str], lines: list[tuple[str, list[str]]]) -> str:
    """A plain fixed-width table: one row per system, one column per split/figure."""
    width = max(len(label) for label, _ in lines) + 2
    head = title.ljust(width) + "".join(c.rjust(12) for c in columns)
    body = [label.ljust(width) + "".join(v.rjust(12) for v in values) for label, values in lines]
    return "\n".join([head, *body])


"""The word lists behind decisions, read once from `summarizer/data/decision_words.txt`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from summarizer.gazetteers import Phrases, fold

_FILE = Path(__file__).resolve().parent.parent / "data" / "decision_words.txt"


@cache
def _lists() -> tuple[dict[str, Phrases], dict[tuple[str, ...], str]]:
    """Every `[name]` list of the file as phrases of folded syllables, and each cue's class."""
    entries: dict[str, list[tuple[str, ...]]] = {}
    classes: dict[tuple[str, ...], str] = {}
    current: list[tuple[str, ...]] = []
    for line in _FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = entries.setdefault(line[1:-1], [])
        elif ":" in line:
            name, _, members = line.partition(":")  # a `class: cue, cue, …` line
            for member in members.split(","):
                classes[tuple(fold(w) for w in member.split())] = name.strip()
        else:
            current.append(tuple(fold(w) for w in line.split()))
    return {name: Phrases(items) for name, items in entries.items()}, classes


def phrases(name: str) -> Phrases:
    """One list (`cues`, `modals`, `bodies`, `first_person`, `opinion`, …)."""
    return _lists()[0][name]


def find(name: str, tokens: list[str], start: int = 0, end: int | None = None) -> list[int]:
    """Token indices where a phrase of the list starts (longest match, no overlaps)."""
    table = phrases(name)
    stop = len(tokens) if end is None else min(end, len(tokens))
    found, at = [], start
    while at < stop:
        size = table.match_at(tokens, at, stop) if tokens[at] else 0
        if size:
            found.append(at)
            at += size
        else:
            at += 1
    return found


def match_at(name: str, tokens: list[str], at: int) -> int:
    """Length of the phrase of the list that starts at token `at` (0 when none)."""
    return phrases(name).match_at(tokens, at) if at < len(tokens) else 0


def cue_classes() -> dict[tuple[str, ...], str]:
    """Each cue's class (`agree`, `direct`, `sanction`, …) from the `[cue_classes]` list."""
    return _lists()[1]

"""Word lists behind officials extraction, read once from `summarizer/data/`."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

from summarizer.textnorm import fold_tones

_DATA = Path(__file__).parent / "data"


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Matching form of one token (lower case, tone placement folded)."""
    return fold_tones(word)


def _entries(name: str) -> list[tuple[str, ...]]:
    """Non-comment lines of a data file, each as a tuple of folded tokens."""
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [
        tuple(fold(w) for w in line.replace("-", " - ").split())
        for line in lines
        if line.strip() and not line.startswith("#")
    ]


class Phrases:
    """A set of multi-token phrases with longest-match lookup from either end."""

    def __init__(self, entries: list[tuple[str, ...]]) -> None:
        self._set = frozenset(entries)
        self._first = frozenset(e[0] for e in entries)
        self._last = frozenset(e[-1] for e in entries)
        self.longest = max((len(e) for e in entries), default=0)

    def __contains__(self, phrase: tuple[str, ...]) -> bool:
        return phrase in self._set

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return iter(self._set)

    def openings(self, folded: list[str]) -> list[int]:
        """Indices where a phrase may start (its first word is there)."""
        return [i for i, word in enumerate(folded) if word in self._first]

    def match_at(self, folded: list[str], start: int, end: int | None = None) -> int:
        """Length of the longest phrase starting at `start` and ending before `end`."""
        if folded[start] not in self._first:
            return 0
        stop = len(folded) if end is None else end
        for n in range(min(self.longest, stop - start), 0, -1):
            if tuple(folded[start : start + n]) in self._set:
                return n
        return 0

    def match_ending(self, folded: list[str], end: int) -> int:
        """Length of the longest phrase ending at index `end` inclusive (0 when none)."""
        if folded[end] not in self._last:
            return 0
        for n in range(min(self.longest, end + 1), 0, -1):
            if tuple(folded[end - n + 1 : end + 1]) in self._set:
                return n
        return 0


@cache
def surnames() -> frozenset[str]:
    """Folded Vietnamese surnames."""
    return frozenset(e[0] for e in _entries("surnames.txt") if len(e) == 1)


@cache
def places() -> Phrases:
    """Countries, provinces and seats of power."""
    return Phrases(_entries("places.txt"))


@cache
def ranks() -> Phrases:
    """Military ranks and academic titles (never positions on their own)."""
    return Phrases(_entries("ranks.txt"))


@cache
def heads() -> Phrases:
    """Words that head a position ("Bí thư", "Chủ tịch", "Thủ tướng"...)."""
    return Phrases(_entries("positions.txt"))


@cache
def lexicon(name: str) -> Phrases:
    """Phrases of any word list in `summarizer/data/` (honorifics, title links...)."""
    return Phrases(_entries(name))

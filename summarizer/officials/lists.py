"""Positions shared by a list of names: "các Phó Thủ tướng A, B và C", "ông A và ông B, hai Phó
Chủ tịch UBND tỉnh". The tagger gives a plural position to the list's first or last name only;
here it goes to every name of the list."""

from __future__ import annotations

from summarizer.gazetteers import lexicon
from summarizer.officials.features import honorifics
from summarizer.officials.reconcile import Titles
from summarizer.officials.tagger import Span
from summarizer.officials.tokens import Token

# What may stand between two names of one list ("A, B và bà C").
_SEPARATORS = frozenset({",", "và", "cùng"})
# What a capitalised plural word may follow and still be one ("Các Phó Thủ tướng …").
_OPENERS = frozenset({".", "!", "?", ":", ";", '"', "“", "(", "-", "–"})


def _plain(tokens: list[Token], i: int) -> bool:
    """Token i is a plain word, lower case or opening a sentence ("Các"), not part of a name."""
    return tokens[i].is_lower or i == 0 or tokens[i - 1].text in _OPENERS


def _plural(tokens: list[Token], start: int, end: int) -> bool:
    """A lower-case plural marker right before [start, end) or inside it ("Ngoại giao hai
    nước"); "Trần Văn Hai" is a name."""
    folded = [t.fold for t in tokens]
    markers = lexicon("plural_markers.txt")
    if start > 0 and _plain(tokens, start - 1) and markers.match_ending(folded, start - 1):
        return True
    return any(
        _plain(tokens, i) and markers.match_at(folded, i, end) for i in range(start + 1, end)
    )


def _joined(tokens: list[Token], start: int, end: int) -> bool:
    """Only commas, "và" and honorifics between two names."""
    words = honorifics()
    folded = [t.fold for t in tokens[start:end]]
    i = 0
    while i < len(folded):
        if folded[i] in _SEPARATORS:
            i += 1
            continue
        n = words.match_at(folded, i)
        if not n:
            return False
        i += n
    return True


def _runs(tokens: list[Token], names: Titles) -> list[list[Span]]:
    """Names in runs of at least two, each next to the last with only separators between."""
    runs: list[list[Span]] = []
    for name in sorted(names, key=lambda n: n.start):
        if runs and _joined(tokens, runs[-1][-1].end, name.start):
            runs[-1].append(name)
        else:
            runs.append([name])
    return [run for run in runs if len(run) > 1]


def _shared(tokens: list[Token], names: Titles, run: list[Span]) -> list[tuple[int, int]]:
    """The plural positions of a run: before its first name, or after its last past a comma."""
    first, last = run[0], run[-1]
    out = [
        (s, e)
        for s, e in names[first]
        if e <= first.start and _joined(tokens, e, first.start) and _plural(tokens, s, e)
    ]
    for s, e in names[last]:
        gap = tokens[last.end : s]
        attached = s == last.end and len(run) > 2
        after_comma = s > last.end and gap[0].text == "," and len(gap) <= 3
        if attached or (after_comma and _plural(tokens, s, e)):
            out.append((s, e))
    return out


def share_plural(tokens: list[Token], names: Titles) -> None:
    """Give every name of a list the plural position its first or last name holds (in place)."""
    for run in _runs(tokens, names):
        shared = _shared(tokens, names, run)
        for name in run:
            names[name].extend(t for t in shared if t not in names[name])

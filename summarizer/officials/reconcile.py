"""Names in a paragraph: the tagger's, widened by the hand rules' reading of the same name,
and the rules' names the tagger does not rule out, each with the rules' positions for it."""

from __future__ import annotations

from itertools import pairwise

from summarizer.gazetteers import surnames
from summarizer.officials.rules import Read
from summarizer.officials.tagger import Span, Tagged
from summarizer.officials.tokens import Token

# Below this chance of being a name (the tagger's marginal), a name the rules read is dropped.
VETO = 0.01
# A lone word only the rules read is as often a company or a place ("Phó Chủ tịch Huawei").
VETO_ONE = 0.1
# Words of a rules' name that the tagger left out stay in it above this chance.
KEEP = 0.3

Titles = dict[Span, list[tuple[int, int]]]


def _widen(name: Span, read: Read, tagged: Tagged, places: set[int]) -> Span:
    """The tagger's name stretched over the rules' words it does not rule out.

    A place never opens a name: when the tagger's name starts with one and the rules' starts
    after it ("Tổng thống Đức Frank - Walter Steinmeier"), the rules' start wins.
    """
    if name.start < read.start and all(i in places for i in range(name.start, read.start)):
        name = Span("PER", read.start, name.end)
    start, end = min(name.start, read.start), max(name.end, read.end)
    if (start, end) == (name.start, name.end):
        return name
    odds = tagged.odds()
    while start < name.start and odds[start] < KEEP:
        start += 1
    # The rules join foreign names over hyphens and particles the tagger doubts ("Jae - in").
    while end > name.end and odds[end - 1] < KEEP and not read.foreign:
        end -= 1
    return Span("PER", start, end)


def _split(name: Span, reads: list[Read], tokens: list[Token]) -> list[Span]:
    """A tagger's name made of one-word names of the rules with only a dash between them is
    several people ("cuộc gặp Trump - Putin"; "François - Philippe Champagne" is one)."""
    inside = [r for r in reads if name.start <= r.start and r.end <= name.end]
    between = [i for a, b in pairwise(inside) for i in range(a.end, b.start)]
    single = all(r.end - r.start == 1 for r in inside)
    if len(inside) < 2 or not single or any(tokens[i].is_word for i in between):
        return [name]
    return [Span("PER", r.start, r.end) for r in inside]


def reconciled_names(
    tokens: list[Token], tagged: Tagged, reads: list[Read], places: set[int]
) -> Titles:
    """Names from the tagger, widened by the rules', with the rules' positions for them."""
    names: Titles = {}
    claimed: set[int] = set()
    tagged_names = (
        s for span in tagged.spans if span.kind == "PER" for s in _split(span, reads, tokens)
    )
    for name in tagged_names:
        titles: list[tuple[int, int]] = []
        for k, read in enumerate(reads):
            if name.start < read.end and read.start < name.end:
                name = _widen(name, read, tagged, places)
                titles.extend(read.titles)
                claimed.add(k)
        names[name] = titles
    # A name only the rules read, inside what the tagger reads as a position, is part of it,
    # unless it is a Vietnamese full name closing the position ("Chủ nhiệm Uỷ ban … Phan Xuân X").
    in_position = {i for s in tagged.spans if s.kind != "PER" for i in range(s.start, s.end)}
    for k, read in enumerate(reads):
        if k in claimed:
            continue
        if read.start in in_position:
            if _closes_position(tokens, tagged, read, places):
                names[Span("PER", read.start, read.end)] = list(read.titles)
            continue
        veto = VETO_ONE if read.end - read.start == 1 else VETO
        if max(tagged.odds()[read.start : read.end]) >= veto:
            names[Span("PER", read.start, read.end)] = list(read.titles)
    return names


def _closes_position(tokens: list[Token], tagged: Tagged, read: Read, places: set[int]) -> bool:
    """The rules' name is a full Vietnamese name, no place, that ends a tagged position."""
    ends = {s.end for s in tagged.spans if s.kind != "PER"}
    full = read.end - read.start >= 2 and tokens[read.start].fold in surnames()
    return full and read.end in ends and not places.intersection(range(read.start, read.end))

"""Where the article's officials are named in a unit (full name, `ông Hùng`, `Thủ tướng Phúc`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from summarizer.decisions import words
from summarizer.decisions.units import Unit, tokenize
from summarizer.digest import Official
from summarizer.gazetteers import fold, surnames

_HONORIFICS = frozenset(fold(w) for w in ("ông", "bà", "ngài", "chí"))


@dataclass(frozen=True)
class Mention:
    """An official named at tokens [start, end) of a unit."""

    start: int
    end: int
    name: str


@lru_cache(maxsize=1024)
def _name_tokens(name: str) -> tuple[str, ...]:
    return tuple(tokenize(name)[0])


def _short_form(unit: Unit, at: int, name: tuple[str, ...]) -> bool:
    """Whether the given name alone at `at` stands for the official (`ông Hùng`, `Trump`)."""
    a, _ = unit.spans[at]
    if not unit.text[a : a + 1].isupper() or _capital_next(unit, at):
        return False
    foreign = name[0] not in surnames()
    if at == 0 or foreign:
        return foreign
    if unit.tokens[at - 1] in _HONORIFICS:
        return True
    return words.phrases("bodies").match_ending(unit.tokens, at - 1) > 0


def _capital_next(unit: Unit, at: int) -> bool:
    """Whether a capitalised word follows: the given name is part of a longer one (`Hà Nội`)."""
    if at + 1 >= len(unit.spans):
        return False
    gap = unit.text[unit.spans[at][1] : unit.spans[at + 1][0]]
    return not gap.strip() and unit.text[unit.spans[at + 1][0]].isupper()


def mentions(unit: Unit, officials: tuple[Official, ...]) -> list[Mention]:
    """Every mention of an official in the unit, in order."""
    found: list[Mention] = []
    tokens = unit.tokens
    for official in officials:
        name = _name_tokens(official.name)
        if not name or name[-1] not in tokens:
            continue
        size = len(name)
        for at, token in enumerate(tokens):
            if token != name[-1]:
                continue
            start = at - size + 1
            if start >= 0 and tuple(tokens[start : at + 1]) == name:
                found.append(Mention(start, at + 1, official.name))
            elif size > 1 and _short_form(unit, at, name):
                found.append(Mention(at, at + 1, official.name))
    return sorted(found, key=lambda m: m.start)

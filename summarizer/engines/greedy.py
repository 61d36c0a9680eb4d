"""Greedy choice of scored units by expected F1 of the title line plus the summary."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from summarizer.engines.clauses import cut_to
from summarizer.engines.coherence import anaphoric
from summarizer.engines.faithful import refers_back
from summarizer.engines.features import ArticleContext, Unit

# A unit whose words are mostly in the summary already adds nothing.
_REDUNDANT = 0.7
# Expected worth of a word the summary already has (the reference seldom repeats one).
_REPEAT_CREDIT = 0.0


class Scored(NamedTuple):
    """A unit with its predicted precision (share of its syllables a reference would use)."""

    unit: Unit
    precision: float


class Goal(NamedTuple):
    """What a choice is measured against: the title line, the budget and the target length."""

    ctx: ArticleContext
    budget: int
    target: int
    title_words: int
    title_precision: float


def _f1(expected: float, used: int, target: int) -> float:
    """F1 from the expected shared words, the words used and the reference's length."""
    return 2 * expected / (used + target)


def _gain(precision: float, size: int, fresh: int) -> float:
    """Expected shared words a unit adds: its new words, and repeats at their credit."""
    return precision * (fresh + _REPEAT_CREDIT * (size - fresh))


def expected_f1(picked: Sequence[Scored], goal: Goal) -> float:
    """Expected F1 of the title line plus these units, as `select` counts it."""
    used = goal.title_words
    expected = goal.title_precision * goal.title_words
    covered: set[str] = set(goal.ctx.title_set)
    for s in sorted(picked, key=lambda s: s.unit.index):
        fresh = sum(1 for t in s.unit.tokens if t not in covered)
        used += len(s.unit.tokens)
        expected += _gain(s.precision, len(s.unit.tokens), fresh)
        covered.update(s.unit.tokens)
    return _f1(expected, used, goal.target)


def select(
    units: Sequence[Scored], goal: Goal, seed: Sequence[Scored] = (), more: bool = True
) -> list[Scored]:
    """Greedily add the unit that most improves expected F1 (title included) to a target.

    The `seed` units are kept and counted first (a shorter summary a longer one extends);
    with `more`, one unit past them is taken even when it does not improve the F1.
    """
    # What the reader gets is the title line and the summary: the F1 counts both, the
    # budget only the summary.
    used = goal.title_words
    budget = goal.budget + goal.title_words
    target = goal.target
    expected = goal.title_precision * goal.title_words
    covered: set[str] = set(goal.ctx.title_set)
    picked: list[Scored] = []
    taken: set[int] = set()
    for kept in sorted(seed, key=lambda s: s.unit.index):
        fresh = sum(1 for t in kept.unit.tokens if t not in covered)
        expected += _gain(kept.precision, len(kept.unit.tokens), fresh)
        used += len(kept.unit.tokens)
        covered.update(kept.unit.tokens)
        picked.append(kept)
        taken.add(kept.unit.index)
    current = _f1(expected, used, target)
    while True:
        best: tuple[float, Scored, float] | None = None
        for candidate in units:
            unit, precision = candidate
            size = len(unit.tokens)
            if unit.index in taken or used + size > budget:
                continue
            fresh = sum(1 for t in unit.tokens if t not in covered)
            if 1.0 - fresh / size > _REDUNDANT:
                continue
            # Words the summary already has rarely earn their place twice.
            gain = _gain(precision, size, fresh)
            score = _f1(expected + gain, used + size, target)
            if best is None or score > best[0]:
                best = (score, candidate, gain)
        # The first unit (past the seed, with `more`) is always taken: a longer length says more.
        if best is None or (len(picked) > (len(seed) if more else 0) and best[0] <= current):
            break
        _, chosen, gain = best
        picked.append(chosen)
        taken.add(chosen.unit.index)
        used += len(chosen.unit.tokens)
        expected += gain
        covered.update(chosen.unit.tokens)
        current = _f1(expected, used, target)
    return picked


def orphans(picked: Sequence[Scored]) -> set[str]:
    """Picked units opening on a pronoun whose antecedent sentence the summary lacks."""
    # "Ông cho biết …" needs the sentence naming him right before it (or the title, for
    # "Người này …" as the summary's first sentence): otherwise it points at nobody.
    chosen = {s.unit.index for s in picked}
    first = min(chosen, default=-1)
    return {
        s.unit.text
        for s in picked
        if (anaphoric(s.unit.text, after_title=s.unit.index == first) or refers_back(s.unit.text))
        and s.unit.index - 1 not in chosen
    }


def forced(units: Sequence[Scored], room: int) -> Unit:
    """Nothing fits: cut the best sentence's shortest variant down to the room left."""
    best_index = max(units, key=lambda s: s.precision).unit.index
    shortest = min(
        (s.unit for s in units if s.unit.index == best_index), key=lambda u: len(u.tokens)
    )
    return replace(shortest, text=cut_to(shortest.text, room))

"""Lengths that nest: Long keeps what Medium showed, in article order, and says more.

The digest's Short / Medium / Long buttons re-summarise one article in place: a reader who
presses Long expects Medium's summary (the default, the one read first) with more detail, not
another summary that drops the news. So Long is chosen on top of Medium (Medium's units seed the
greedy choice and the lead's option alike), the lead decision is taken per step, Long adds at
least one unit when one fits, and Long keeps the article's lead (its first usable sentence, when
among Long's lead sentences and it fits beside Medium's summary). Short is the gist on its own:
seeding Medium with it made Medium drop the news whenever Short picked a background sentence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from summarizer.digest import Length
from summarizer.engines.confidence import GainModel, gain_features
from summarizer.engines.greedy import Goal, Scored, expected_f1, forced, orphans, select


@dataclass(frozen=True)
class Step:
    """One length's two options (the lead's is None when unusable) and the decision's features."""

    mine: tuple[Scored, ...]
    lead: tuple[Scored, ...] | None
    features: tuple[float, ...]

    def decided(self, length: Length, gain: GainModel) -> tuple[Scored, ...]:
        """The units the reader gets: the lead's unless the gain model expects mine to beat it."""
        if self.lead is not None and gain.gain(length.value, self.features) <= 0:
            return self.lead
        return self.mine


def nested_step(
    units: Sequence[Scored],
    goals: Mapping[Length, Goal],
    leads: Mapping[Length, int],
    length: Length,
    gain: GainModel,
    sentences: int,
) -> Step:
    """The options at `length`; Long's extend the summary Medium decided on."""
    if length is not Length.LONG:
        return choose_step(units, goals[length], leads[length], (), sentences, more=True)
    medium = choose_step(units, goals[Length.MEDIUM], leads[Length.MEDIUM], (), sentences, True)
    decided = medium.decided(Length.MEDIUM, gain)
    goal = goals[Length.LONG]
    seed = with_lead(uncut(decided, units, goal), units, goal, leads[Length.LONG])
    # Long with the lead Medium lacked already says more: it adds only what pays.
    more = len(seed) == len(decided)
    return choose_step(units, goal, leads[Length.LONG], seed, sentences, more)


def choose_step(
    units: Sequence[Scored],
    goal: Goal,
    lead_sentences: int,
    seed: Sequence[Scored],
    sentences: int,
    more: bool,
) -> Step:
    """The engine's choice and the lead's option at one length, both on top of `seed`."""
    kept = {s.unit.text for s in seed}
    picked = select(units, goal, seed, more)
    for attempt in range(4):
        # A seed unit stays: the reader saw it at the shorter length.
        lost = orphans(picked) - kept
        if not lost:
            break
        if attempt == 3:
            picked = [s for s in picked if s.unit.text not in lost]
            break
        # Only the pronoun-led variants go: "Ông cho biết X" may still give "X".
        units = [s for s in units if s.unit.text not in lost]
        picked = select(units, goal, seed, more)
    lead = [s for s in units if s.unit.index < lead_sentences]
    option = select(lead, goal, seed, more) if lead else list(seed)
    features = gain_features(picked, option, goal, sentences)
    if not picked:
        # Nothing fits whole: cut the best sentence down to the budget.
        picked = [Scored(forced(units, goal.budget), 0.0)]
    # The lead's option must say more than the shorter length did, as the engine's does.
    usable = bool(option) and (len(option) > len(seed) or not more) and not orphans(option) - kept
    return Step(tuple(picked), tuple(option) if usable else None, features)


def with_lead(
    seed: Sequence[Scored], units: Sequence[Scored], goal: Goal, lead_sentences: int
) -> tuple[Scored, ...]:
    """`seed` plus the lead's best-fitting variant (the first usable of the lead sentences)."""
    first = min((s.unit.index for s in units), default=lead_sentences)
    if first >= lead_sentences or any(s.unit.index == first for s in seed):
        return tuple(seed)
    room = goal.budget - sum(len(s.unit.tokens) for s in seed)
    fitting = [s for s in units if s.unit.index == first and len(s.unit.tokens) <= room]
    if not fitting:
        return tuple(seed)
    best = max(fitting, key=lambda s: expected_f1([*seed, s], goal))
    return (*seed, best)


def uncut(seed: Sequence[Scored], units: Sequence[Scored], goal: Goal) -> tuple[Scored, ...]:
    """`seed` with a sentence cut to fit a shorter length in a whole form that now fits."""
    whole = {s.unit.text for s in units}
    cut = [s for s in seed if s.unit.text not in whole]
    if not cut:
        return tuple(seed)
    rest = [s for s in seed if s.unit.text in whole]
    room = goal.budget - sum(len(s.unit.tokens) for s in seed)
    for piece in cut:
        size = len(piece.unit.tokens)
        forms = [
            s
            for s in units
            if s.unit.index == piece.unit.index and len(s.unit.tokens) - size <= room
        ]
        best = max(forms, key=lambda s: expected_f1([*rest, s], goal), default=piece)
        room -= len(best.unit.tokens) - size
        rest.append(best)
    return tuple(rest)

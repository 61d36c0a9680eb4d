"""Decisions an article reports, each with its actor: a learned model picks the clauses."""

from __future__ import annotations

from summarizer.decisions import actors, model, text
from summarizer.decisions.features import features, first_cue
from summarizer.decisions.mentions import mentions
from summarizer.decisions.units import Unit, units
from summarizer.digest import Article, Decision, Official

__all__ = ["extract_decisions"]


def _decision(
    unit: Unit, officials: tuple[Official, ...], previous: str | None, context: str
) -> Decision:
    """The unit as a decision: its clause and its actor."""
    found = mentions(unit, officials)
    cue = first_cue(unit)
    start = text.start_token(unit, cue)
    quoted = actors.attribution(unit, found)
    speaker = quoted.speaker if quoted else previous
    end = (
        quoted.said_end
        if quoted and cue is not None and unit.spans[cue][0] < quoted.said_end
        else None
    )
    who = actors.actor(unit, (start, cue), found, officials, speaker)
    return Decision(text.clause(unit, cue, start, end), actors.expand(who, context))


def extract_decisions(article: Article, officials: tuple[Official, ...]) -> tuple[Decision, ...]:
    """Decisions in article order, each attributed to its official or body (None if unsaid)."""
    weights = model.load()
    found: list[Decision] = []
    previous: str | None = officials[0].name if officials else None
    for unit in units(article):
        if weights.probability(features(unit, mentions(unit, officials))) < weights.threshold:
            continue
        decision = _decision(unit, officials, previous, article.body)
        if decision.text and all(d.text != decision.text for d in found):
            found.append(decision)
            previous = decision.actor or previous
    return tuple(found)

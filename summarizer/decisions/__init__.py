"""Decisions an article reports, each with its actor: a learned model picks the clauses."""

from __future__ import annotations

from difflib import SequenceMatcher

from summarizer.decisions import actors, model, naming, quotes, text, words
from summarizer.decisions.context import article_features
from summarizer.decisions.features import agreement, difficulty, tally
from summarizer.decisions.mentions import Mention, mentions
from summarizer.decisions.units import Unit, cue_positions, units
from summarizer.digest import Article, Decision, Official

__all__ = ["extract_decisions"]


def _opening(unit: Unit) -> tuple[int | None, int]:
    """The first cue and where the clause starts; a cue inside a lead phrase is not the verb."""
    cues = cue_positions(unit.text, unit.tokens, unit.spans, verbs_only=True)
    cue = cues[0] if cues else None
    start = text.start_token(unit, cue)
    # `Theo thoả thuận mới, Mexico đồng ý …`: the lead phrase's `thoả thuận` is no verb.
    lead = text.start_token(unit, None)
    later = [at for at in cues if at >= lead]
    opener = not words.match_at("connectives", unit.tokens, 0)  # `đồng thời yêu cầu …, …`
    if opener and cue is not None and cue < lead and later and later[0] > lead:
        return later[0], lead
    return cue, start


def _decision(
    unit: Unit,
    found: list[Mention],
    officials: tuple[Official, ...],
    context: tuple[str | None, str],
) -> Decision:
    """The unit as a decision: its clause and its actor (`context`: last official, article)."""
    cue, start = _opening(unit)
    quoted = actors.attribution(unit, found, officials, closing=True)
    speaker = quoted.speaker if quoted else context[0]
    # `“Tôi giao …”, ông A nói`: the decision is the quotation, the speaker its actor.
    inside = quoted is not None and cue is not None and unit.spans[cue][0] < quoted.said_end
    end = quoted.said_end if quoted is not None and inside else None
    who = actors.actor(unit, (start, cue), found, officials, speaker)
    if who is not None and naming.pointer(who):
        who = speaker  # `cơ quan này đã quy định …`: the one speaking or just named
    at = context[1].find(unit.text)  # a body named after the actor in its clause is another
    return Decision(
        text.clause(unit, cue, start, end),
        naming.expand(who, context[1], officials, None if at < 0 else at),
    )


def _subject(unit: Unit, found: list[Mention], officials: tuple[Official, ...]) -> str | None:
    """Who acts in a unit by its own words (None when it names no one before a verb)."""
    cue, start = _opening(unit)
    return None if cue is None else actors.actor(unit, (start, cue), found, officials, None)


def _previous(
    unit: Unit, prior: Unit, named: list[Mention], officials: tuple[Official, ...]
) -> str | None:
    """Who a unit with no subject of its own continues: the prior unit's subject, or the
    official it names last (`Tôi đề nghị …` is a person's: that official)."""
    person = named[-1].name if named else None
    if words.find("first_person", unit.tokens):
        return person
    return _subject(prior, named, officials) or person


def _restates(new: Decision, old: Decision) -> bool:
    """Whether a decision repeats an earlier one (a long common run): one item, the first."""
    a, b = new.text.lower().split(), old.text.lower().split()
    run = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return run.size * 2 >= min(len(a), len(b))


def extract_decisions(article: Article, officials: tuple[Official, ...]) -> tuple[Decision, ...]:
    """Decisions in article order, each attributed to its official or body (None if unsaid)."""
    weights = model.load()
    decisions: list[Decision] = []
    # Who decided last: a clause with no subject of its own is theirs (`Chúng tôi sẽ …`),
    # unless the previous unit has a subject of its own or names an official.
    last: str | None = officials[0].name if officials else None
    found_units = units(article)
    named_in = [mentions(unit, officials) for unit in found_units]
    quoted = quotes.speakers(found_units, named_in, officials)
    feats = article_features(found_units, named_in, quoted)
    # `“… phải …. …” - Bí thư A nhấn mạnh`: every sentence of the quotation is A's.
    quoted = quotes.speakers(found_units, named_in, officials, closing=True)
    for at, (unit, found) in enumerate(zip(found_units, named_in, strict=True)):
        # The guideline's own cases: an agreement between parties always counts, statistics of
        # past enforcement and assessments of difficulty never do, however the model reads them.
        chosen = agreement(unit) or weights.probability(feats[at]) >= weights.threshold
        if chosen and not tally(unit) and not difficulty(unit):
            prior = (found_units[at - 1], named_in[at - 1]) if at else None
            before = _previous(unit, *prior, officials) if prior else None
            context = (quoted[at] or before or last, article.body)
            decision = _decision(unit, found, officials, context)
            if decision.text and not any(_restates(decision, d) for d in decisions):
                decisions.append(decision)
                last = decision.actor or last
    return tuple(decisions)

"""How a decision reads: its clause from the actor or the verb to the end of what was decided."""

from __future__ import annotations

import re

from summarizer.decisions import words
from summarizer.decisions.units import Unit

# A decision longer than this is cut, at a clause boundary after its object only.
MAX_SYLLABLES = 60
# The object of the verb: syllables kept after the cue before any cut.
_OBJECT = 12
# Lead phrases longer than this are no opening (`Theo …, X yêu cầu`): the clause keeps them.
_MAX_LEAD = 25
_BOUNDARY = re.compile(
    r";\s|\s[-–]\s|[.!?…]\s|,\s+(?=(?:nhưng|trong khi|vì|do|bởi|khi|sau khi|nhằm|để|song)\s)"
)
_QUOTES = "“”\"' "


def lead_end(unit: Unit, at: int, limit: int) -> int | None:
    """Where an opening phrase starting at token `at` ends (after its comma), if it is one."""
    connective = words.match_at("connectives", unit.tokens, at)
    if not connective and not words.match_at("openers", unit.tokens, at):
        return None
    comma = unit.text.find(",", unit.spans[at][0], limit)
    if comma < 0:
        return None
    after = next((i for i, (a, _) in enumerate(unit.spans) if a > comma), None)
    if after is None or after - at > _MAX_LEAD:
        return None
    return after


def start_token(unit: Unit, cue: int | None) -> int:
    """The first token of the decision: leading connectives and lead phrases dropped."""
    limit = unit.spans[cue][0] if cue is not None else len(unit.text)
    at = 0
    for _ in range(3):
        after = lead_end(unit, at, limit)
        if after is None or (cue is not None and after > cue) or len(unit.tokens) - after < 6:
            break
        at = after
    return at


def _end(unit: Unit, cue: int | None) -> int:
    """Where the decision's text ends: the unit's end, or a boundary well after the object."""
    if len(unit.tokens) <= MAX_SYLLABLES:
        return len(unit.text)
    after = (cue or 0) + _OBJECT
    if after >= len(unit.tokens):
        return len(unit.text)
    for boundary in _BOUNDARY.finditer(unit.text, unit.spans[after][0]):
        if not _joins_words(unit.text, boundary):
            return boundary.start()
    return len(unit.text)


def _joins_words(text: str, boundary: re.Match[str]) -> bool:
    """Whether a spaced dash joins two halves of one term (`kinh tế - xã hội`), not two clauses."""
    if boundary.group().strip() not in "-–":
        return False
    following = text[boundary.end() : boundary.end() + 1]
    return following.islower() or following.isdigit()


def clause(unit: Unit, cue: int | None, start: int, end: int | None = None) -> str:
    """The decision's text as the reader sees it (first letter upper-cased)."""
    stop = _end(unit, cue) if end is None else end
    text = unit.text[unit.spans[start][0] : stop]
    text = " ".join(text.split()).strip(" ,;:.")
    if text.count("“") + text.count("”") == 1 or text.count('"') == 1:
        text = text.strip(_QUOTES)
    if text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip()
    return text[:1].upper() + text[1:]

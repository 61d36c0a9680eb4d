"""Quotations that run over several sentences: who speaks in each, found where the quote ends."""

from __future__ import annotations

from summarizer.decisions.actors import attribution
from summarizer.decisions.mentions import Mention
from summarizer.decisions.units import Unit
from summarizer.digest import Official

# The end of a quotation is looked for this many units ahead.
_AHEAD = 4


def _opens(unit: Unit) -> bool:
    """Whether the unit opens a quotation it does not close (`“Chúng tôi … .`)."""
    text = unit.text.strip()
    if text[:1] == "“":
        return "”" not in text
    return text[:1] == '"' and text.count('"') == 1


def _closes(unit: Unit) -> bool:
    """Whether the unit closes a quotation."""
    return "”" in unit.text or '"' in unit.text


def speakers(
    found: list[Unit],
    named: list[list[Mention]],
    officials: tuple[Official, ...],
    closing: bool = False,
) -> list[str | None]:
    """For each unit, the speaker of the quotation it is part of (None when unquoted or unsaid;
    `closing`: a directing verb after the quotation names its speaker too)."""
    out: list[str | None] = [None] * len(found)
    for at, unit in enumerate(found):
        if not _opens(unit):
            continue
        for later in range(at + 1, min(len(found), at + _AHEAD)):
            said = attribution(found[later], named[later], officials, closing)
            if said is not None or _closes(found[later]):
                speaker = said.speaker if said else None
                out[at:later] = [speaker] * (later - at)
                break
    return out

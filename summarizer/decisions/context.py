"""A unit's features in its article: its own, and a few of its neighbours' (a story's flow)."""

from __future__ import annotations

from summarizer.decisions.features import features
from summarizer.decisions.mentions import Mention
from summarizer.decisions.units import Unit

# The neighbour's signals that tell what the unit continues or introduces.
_SHARED = ("quote", "attributed_quote")


def _shared(own: list[str], side: str) -> list[str]:
    """A neighbour's shared signals, named by the side it stands on."""
    return [f"{side}:{f}" for f in own if f.startswith(_SHARED)]


def article_features(
    found: list[Unit], named: list[list[Mention]], quoted: list[str | None]
) -> list[list[str]]:
    """Every unit's features, each with its neighbours' signals (`quoted`: each unit's speaker
    when it is a sentence of a longer quotation, from `quotes.speakers`)."""
    own = [features(u, m) for u, m in zip(found, named, strict=True)]
    out = []
    for at, unit in enumerate(found):
        extra = _shared(own[at - 1], "prev") if at else ["prev:none"]
        extra += _shared(own[at + 1], "next") if at + 1 < len(found) else ["next:none"]
        if quoted[at]:
            extra.append("in_quote")  # a sentence of a quotation whose speaker is named
        if at and found[at - 1].sentence == unit.sentence:
            extra.append("same_sentence")  # the second part of a split sentence
        out.append(own[at] + extra)
    return out

"""Mentions found by the hand rules: a name and the positions written beside it (precise)."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.officials.appositives import titles_after
from summarizer.officials.before import titles_before
from summarizer.officials.names import find_names
from summarizer.officials.position_words import phrases
from summarizer.officials.positions import Paragraph, head_spans
from summarizer.officials.tokens import Token

# Head words that say nothing about a position without the body they head.
_BARE = phrases("bare_heads")


def after_theo(tokens: list[Token], start: int) -> bool:
    """The mention is the source of a clause ("Theo ông X, …"): nothing but a honorific between."""
    for k in range(start - 1, max(start - 4, -1), -1):
        if tokens[k].fold == "theo":
            return True
        if not tokens[k].is_word:
            return False
    return False


@dataclass(frozen=True)
class Read:
    """A name the rules found at tokens [start, end) and the token ranges of its positions."""

    start: int
    end: int
    foreign: bool
    titles: tuple[tuple[int, int], ...]


def paragraph_reads(tokens: list[Token], known: set[str]) -> list[Read]:
    """Every name in one paragraph with the positions attached to it.

    `known` holds the last words of full names met so far ("trump" once "Donald Trump" has
    been named): a lone word among them is a person, not a company inside a position.
    """
    if not tokens:
        return []
    heads = head_spans([t.fold for t in tokens])
    blocked = {i for start, end in heads for i in range(start, end)}
    spans = find_names(tokens, blocked)
    para = Paragraph(tokens, heads)
    known.update(tokens[span.end - 1].fold for span in spans if span.size >= 2)
    for span in spans:
        # A lone foreign word may be a company inside someone's position ("… Jetstar").
        para.add_name(
            span.start, span.end, strong=span.size >= 2 or tokens[span.start].fold in known
        )
    reads = []
    for span in spans:
        if span.start in para.consumed:
            continue
        before = titles_before(para, span.start)
        opening = before[0][0] if before else span.start
        after = titles_after(
            para, span.end, need_close=after_theo(tokens, opening), absorb=span.size >= 2
        )
        # A bare "trưởng" says nothing ("kế toán trưởng …", "là người đứng đầu, ông …").
        titles = tuple(
            (s, e) for s, e in before + after if tuple(t.fold for t in tokens[s:e]) not in _BARE
        )
        reads.append(Read(span.start, span.end, span.foreign, titles))
    return reads

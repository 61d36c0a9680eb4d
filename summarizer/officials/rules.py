"""Mentions found by the hand rules: a name and the positions written beside it (precise)."""

from __future__ import annotations

from summarizer.gazetteers import fold
from summarizer.officials.mentions import Mention
from summarizer.officials.names import find_names
from summarizer.officials.positions import Paragraph, head_spans
from summarizer.officials.tokens import Token, clean, tokenize

# Head words that say nothing about a position without the body they head.
_BARE = frozenset(
    tuple(fold(w) for w in t.split())
    for t in ("trưởng", "phó", "người đứng đầu", "quan chức", "nhà lãnh đạo", "chỉ huy", "cố vấn")
)


def _after_theo(tokens: list[Token], start: int) -> bool:
    """The mention is the source of a clause ("Theo ông X, …"): nothing but a honorific between."""
    for k in range(start - 1, max(start - 4, -1), -1):
        if tokens[k].fold == "theo":
            return True
        if not tokens[k].is_word:
            return False
    return False


def paragraph_mentions(
    text: str, order: int, in_title: bool = False, known: set[str] | None = None
) -> list[Mention]:
    """Every name in one paragraph with the positions attached to it.

    `known` holds the last words of full names met so far ("trump" once "Donald Trump" has
    been named): a lone word among them is a person, not a company inside a position.
    """
    known = set() if known is None else known
    text = clean(text)
    tokens = tokenize(text)
    if not tokens:
        return []
    heads = head_spans([t.fold for t in tokens])
    blocked = {i for start, end in heads for i in range(start, end)}
    spans = find_names(tokens, blocked)
    para = Paragraph(text, tokens, heads)
    known.update(tokens[span.end - 1].fold for span in spans if span.size >= 2)
    for span in spans:
        # A lone foreign word may be a company inside someone's position ("… Jetstar").
        para.add_name(
            span.start, span.end, strong=span.size >= 2 or tokens[span.start].fold in known
        )
    mentions = []
    for span in spans:
        if span.start in para.consumed:
            continue
        before = para.titles_before(span.start)
        opening = before[0][0] if before else span.start
        after = para.titles_after(
            span.end, need_close=_after_theo(tokens, opening), absorb=span.size >= 2
        )
        ranges = before + after
        # A bare "trưởng" says nothing ("kế toán trưởng …", "là người đứng đầu, ông …").
        titles = tuple(
            para.span_text(s, e)
            for s, e in ranges
            if tuple(t.fold for t in tokens[s:e]) not in _BARE
        )
        words = [t for t in tokens[span.start : span.end] if t.is_word]
        mentions.append(
            Mention(
                name=para.span_text(span.start, span.end),
                key=tuple(t.fold for t in words),
                titles=titles,
                given_only=not span.foreign and span.size == 1,
                order=order * 1_000_000 + span.start,
                in_title=in_title,
            )
        )
    return mentions


def article_mentions(title: str, paragraphs: tuple[str, ...]) -> list[Mention]:
    """Mentions in the title, then in each paragraph, in reading order."""
    known: set[str] = set()
    found = paragraph_mentions(title, 0, in_title=True, known=known) if title else []
    for number, paragraph in enumerate(paragraphs, start=1):
        found.extend(paragraph_mentions(paragraph, number, known=known))
    return found

"""Mentions of people: each tagged name with the positions the tagger linked to it."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.officials.tagger import Span, tag
from summarizer.officials.tokens import Token, clean, is_foreign, tokenize

# How far a position may sit from its name, in tokens (POSR before it, POSL after it).
MAX_BEFORE = 6
MAX_AFTER = 40
_TRAILING = frozenset(",;:-–—(")


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name; `given_only` for "ông Hải"-style references."""

    name: str
    key: tuple[str, ...]
    titles: tuple[str, ...]
    given_only: bool
    order: int
    in_title: bool


def _text(text: str, tokens: list[Token], start: int, end: int) -> str:
    while end > start + 1 and tokens[end - 1].text in _TRAILING:
        end -= 1
    return text[tokens[start].start : tokens[end - 1].end]


def _owner(names: list[Span], position: Span) -> Span | None:
    """The name a position belongs to: the next one for POSR, the previous one for POSL."""
    if position.kind == "POSR":
        after = [n for n in names if n.start >= position.end]
        if after and after[0].start - position.end <= MAX_BEFORE:
            return after[0]
        return None
    before = [n for n in names if n.end <= position.start]
    if before and position.start - before[-1].end <= MAX_AFTER:
        return before[-1]
    return None


def paragraph_mentions(text: str, order: int, in_title: bool = False) -> list[Mention]:
    """Every tagged name in one paragraph with its positions."""
    text = clean(text)
    tokens = tokenize(text)
    tagged = tag(tokens)
    names = [s for s in tagged if s.kind == "PER"]
    titles: dict[Span, list[str]] = {n: [] for n in names}
    for position in (s for s in tagged if s.kind != "PER"):
        owner = _owner(names, position)
        if owner is not None:
            titles[owner].append(_text(text, tokens, position.start, position.end))
    mentions = []
    for name in names:
        words = [t for t in tokens[name.start : name.end] if t.is_word]
        if not words:
            continue
        mentions.append(
            Mention(
                name=_text(text, tokens, name.start, name.end),
                key=tuple(t.fold for t in words),
                titles=tuple(titles[name]),
                given_only=len(words) == 1 and not is_foreign(words[0].text),
                order=order * 1_000_000 + name.start,
                in_title=in_title,
            )
        )
    return mentions


def article_mentions(title: str, paragraphs: tuple[str, ...]) -> list[Mention]:
    """Mentions in the title, then in each paragraph, in reading order."""
    found = paragraph_mentions(title, 0, in_title=True) if title else []
    for number, paragraph in enumerate(paragraphs, start=1):
        found.extend(paragraph_mentions(paragraph, number))
    return found

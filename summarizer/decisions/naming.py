"""How an actor is written: a bare body or a given name in the article's full form."""

from __future__ import annotations

import re

from summarizer.decisions import words
from summarizer.decisions.units import tokenize
from summarizer.digest import Official
from summarizer.gazetteers import fold, places, surnames
from summarizer.vnchars import UPPER


def _named_in(actor: str, context: str, officials: tuple[Official, ...]) -> list[str]:
    """Full names of `actor` in the article: capitalised words after it, or an official's post."""
    # A position names the body whole, lower-case syllables included (`Thứ trưởng Bộ Giáo dục
    # và Đào tạo`), where the article's capitals alone would give `Bộ Giáo`.
    name = rf"(?:[ ](?:[{UPPER}][\w-]*|và|-))*[ ][{UPPER}][\w-]*"
    found = [m.group(0) for m in re.finditer(rf"(?<!\w)(?i:{re.escape(actor)}){name}", context)]
    head = re.compile(rf"(?<!\w)(?i:{re.escape(actor)})[ ](?=[{UPPER}])")
    for official in officials:
        for title in official.titles:
            at = head.search(title)
            if at:
                found.append(title[at.start() :].strip())
    return found


def pointer(actor: str) -> bool:
    """Whether an actor only points back (`cơ quan này`, `họ`, `lực lượng này`): no name."""
    tokens = tokenize(actor)[0]
    whole = words.match_at("anaphora", tokens, 0) == len(tokens)
    return bool(tokens) and (whole or words.match_at("deictic", tokens, len(tokens) - 1) > 0)


def expand(
    actor: str | None, context: str, officials: tuple[Official, ...] = (), at: int | None = None
) -> str | None:
    """A bare body (`Bộ`) named in full (`Bộ Công Thương`), as last before `at`; a given name
    (`Hùng`) as the article's fullest form."""
    if actor is None or len(actor.split()) > 1:
        return actor
    if not words.phrases("bodies").match_at(tokenize(actor)[0], 0):
        return _full_name(actor, context)  # `Mexico` stays; `Bé` is written in full
    # `tỉnh Phan Ngọc Thọ` is a title and a person: not the province's name.
    names = [n for n in _named_in(actor, context, officials) if not _person(n[len(actor) :])]
    if not names:
        return _full_name(actor, context)
    if at is not None:
        # The nearest mention before the decision; at one place, the longest name written there.
        placed = [(context.rfind(n, 0, at), len(n), n) for n in names]
        nearest = max(placed)
        if nearest[0] >= 0:
            return nearest[2]
    return names[0]


def _person(words: str) -> bool:
    """Whether capitalised words are a Vietnamese person's name rather than a place."""
    tokens = tokenize(words)[0]
    if len(tokens) < 2 or tokens[0] not in surnames():
        return False
    return places().match_at(tokens, 0) < len(tokens)


def _full_name(given: str, context: str) -> str:
    """`Bé` as `Nguyễn Thị Kim Bé`: the longest name in the article that ends with it."""
    before = rf"(?<![\w])(?:[{UPPER}][\w]* ){{1,3}}{re.escape(given)}(?!\w)"
    names = [m.group(0) for m in re.finditer(before, context)]
    names = [n for n in names if fold(n.split()[0].lower()) in surnames()]
    return max(names, key=len) if names else given

"""Mentions of people: the tagger's names with their positions, and the rules' where it agrees.

The tagger decides where a name starts and ends (it reads `Bí thư Tỉnh uỷ Bình Dương Võ Văn X`
right), stretched over the words of the rules' name that it does not rule out; the hand rules'
positions for the same name are added to the tagger's. A name only the rules found is kept
unless the tagger gives it almost no chance of being a name (`reconcile`). Here each tagged
position goes to its name.
"""

from __future__ import annotations

from itertools import pairwise

from summarizer.gazetteers import lexicon
from summarizer.officials.features import place_tokens
from summarizer.officials.lists import share_plural
from summarizer.officials.mention import Mention
from summarizer.officials.position_words import TAIL_STOP
from summarizer.officials.reconcile import Titles, reconciled_names
from summarizer.officials.rules import paragraph_reads
from summarizer.officials.tagger import Span, Tagged, tag
from summarizer.officials.tokens import Token, clean, is_foreign, tokenize
from summarizer.officials.unsure import unsure_positions

# How far a position may sit from its name, in tokens (POSR before it, POSL after it).
MAX_BEFORE = 6
MAX_AFTER = 40
# A name this close before a position may hold it as an appositive ("X, Phó Chủ tịch …").
NEAR = 3
# "Theo người phát ngôn Bộ Ngoại giao Nga X, …": how far before the name "theo" may stand.
MAX_SOURCE = 12
_TRAILING = frozenset(",;:-–—(")
# Nothing of this stands between a position and the name after it ("…, Trưởng đoàn; Ông X").
_BREAKS = frozenset(";.!?:")
# A capitalised word that makes a "name" a newspaper or a company ("Sky News").
_ORGANISATION = frozenset(w for entry in lexicon("organisation_names.txt") for w in entry)
_COORDINATORS = frozenset({"và", "cùng", "với"})
# Punctuation that closes an appositive position.
_CLOSED = frozenset({")", ",", ";", "."})


def _text(text: str, tokens: list[Token], start: int, end: int) -> str:
    while end > start + 1 and tokens[end - 1].text in _TRAILING:
        end -= 1
    return text[tokens[start].start : tokens[end - 1].end]


def owner(names: list[Span], position: Span, tokens: list[Token]) -> Span | None:
    """The name a position belongs to: the next one for POSR, else the previous one.

    A POSL with no name before it, or none close before it while a name follows it with only
    punctuation between, belongs to that name ("…, Phó chủ tịch UBND TP. HCM Võ Văn X cho
    biết", "Cùng với tổng thống Hàn Quốc, Moon Jae - in"): the tagger's side was wrong. So does
    one right after "và" ("X và Tổng thống Mỹ đắc cử Y").
    """
    end = position.end
    while end > position.start + 1 and not tokens[end - 1].is_word:
        end -= 1
    after = [n for n in names if n.start >= position.end]
    gap = tokens[end : after[0].start] if after else []
    next_name = (
        after[0]
        if after and len(gap) <= MAX_BEFORE and not any(t.text in _BREAKS for t in gap)
        else None
    )
    # "X và Tổng thống Mỹ Y": after "và" a position introduces the next person.
    joined = position.start > 0 and tokens[position.start - 1].fold in _COORDINATORS
    if (position.kind == "POSR" or joined) and next_name is not None:
        return next_name
    # "Cùng với tổng thống Hàn Quốc, Moon Jae - in": no name just before, one right after.
    touching = next_name is not None and all(not t.is_word for t in gap)
    before = [n for n in names if n.end <= position.start]
    if touching and not (before and position.start - before[-1].end <= NEAR):
        return next_name
    if before and position.start - before[-1].end <= MAX_AFTER:
        return before[-1]
    return next_name


def _clause(tokens: list[Token], owner: Span, position: Span) -> bool:
    """After "Theo ông X," a position not closed by punctuation opens the clause, not X's post."""
    if (
        position.start < owner.end
        or position.end >= len(tokens)
        or not tokens[position.end].is_word
    ):
        return False
    k = owner.start - 1
    while k >= 0 and owner.start - k <= MAX_SOURCE and tokens[k].is_word:
        if tokens[k].fold == "theo":
            return True
        k -= 1
    return False


def _trimmed(tokens: list[Token], position: Span, known: list[tuple[int, int]]) -> int:
    """End of a tagged position that the rules read shorter: not past a lower-case verb or
    function word ("Giám đốc công ty TNHH Đầu tư … cũng thông tin" keeps "công ty").

    ("Trưởng Ban Tuyên giáo Tỉnh ủy triển khai …": the tagger ran on into the sentence.) A
    position that punctuation closes keeps its end ("(Giám đốc một công ty vàng ở Quảng Nam)").
    """
    if position.end < len(tokens) and tokens[position.end].text in _CLOSED:
        return position.end
    rules_end = max((e for s, e in known if s == position.start and e < position.end), default=0)
    for k in range(rules_end, position.end if rules_end else 0):
        token = tokens[k]
        if token.is_lower and token.fold in TAIL_STOP and not tokens[k - 1].is_title_case:
            return k
    return position.end


def _link(tokens: list[Token], tagged: list[Span], names: Titles) -> None:
    """Add each tagged position to the name it belongs to (in place), cut before any name."""
    inside = {i for n in names for i in range(n.start, n.end)}
    order = sorted(names, key=lambda n: n.start)
    for position in (s for s in tagged if s.kind != "PER"):
        end = next((i for i in range(position.start, position.end) if i in inside), position.end)
        if end == position.start:
            continue
        # A position that runs into a name is that name's ("…, Phó Chủ tịch nước Trương Thị X").
        cut = Span("POSR" if end < position.end else position.kind, position.start, end)
        holder = owner(order, cut, tokens)
        if holder is not None and not _clause(tokens, holder, cut):
            names[holder].append((cut.start, _trimmed(tokens, cut, names[holder])))


def _one_holder(tokens: list[Token], names: Titles) -> None:
    """A position between two names, read as both's, is one's (in place): the later name's
    ("Sau phát biểu của ông X, Thủ tướng Ba Lan, ông Y lập tức …") unless that name has its own
    position after it, as in a list ("ông X, Phó Chủ tịch UBND tỉnh, ông Y, Giám đốc Sở …")."""
    order = sorted(names, key=lambda n: n.start)
    for first, second in pairwise(order):
        between = [t for t in names[first] if t[0] >= first.end and t[1] <= second.start]
        shared = [t for t in names[second] if any(t[0] < b and a < t[1] for a, b in between)]
        gap = tokens[max(b for _, b in shared) : second.start] if shared else []
        if not any(t.text == "," for t in gap):
            continue
        listed = any(a >= second.end for a, _ in names[second])
        loser, gone = (second, shared) if listed else (first, between)
        names[loser][:] = [
            t for t in names[loser] if not any(t[0] < b and a < t[1] for a, b in gone)
        ]


def _proper(tokens: list[Token], name: Span) -> Span:
    """The name without a lower-case word trailing it ("Trương Tấn Sang cùng"); "Jae - in"
    keeps its end, and particles such as "al" or "van" only ever stand inside a name."""
    start, end = name.start, name.end
    while end > start + 1 and tokens[end - 1].is_lower and tokens[end - 2].is_word:
        end -= 1
    return Span(name.kind, start, end)


def _add_unsure(tokens: list[Token], tagged: Tagged, names: Titles) -> None:
    """Every name gets the positions only the tagger's marginals show beside it."""
    spans = [*tagged.spans, *names, *(Span("POS", s, e) for t in names.values() for s, e in t)]
    taken = {i for span in spans for i in range(span.start, span.end)}
    for name in list(names):
        found = unsure_positions(tokens, tagged.position_odds(), name, taken)
        names[name].extend((s.start, s.end) for s in found)


def paragraph_mentions(
    text: str, order: int, known: set[str], in_title: bool = False, lone: set[str] | None = None
) -> list[Mention]:
    """Every name in one paragraph with its positions (`known`: see `paragraph_reads`);
    `lone` gathers the paragraph's lone capitalised words (see `_lone`)."""
    text = clean(text)
    tokens = tokenize(text)
    if lone is not None:
        lone.update(_lone(tokens))
    tagged = tag(tokens)
    names = reconciled_names(tokens, tagged, paragraph_reads(tokens, known), place_tokens(tokens))
    _link(tokens, tagged.spans, names)
    _one_holder(tokens, names)
    share_plural(tokens, names)
    _add_unsure(tokens, tagged, names)
    mentions = []
    for tagged_name, titles in sorted(names.items(), key=lambda item: item[0].start):
        name = _proper(tokens, tagged_name)
        words = [t for t in tokens[name.start : name.end] if t.is_word]
        if not words or any(t.fold in _ORGANISATION for t in words if t.is_title_case):
            continue
        mentions.append(
            Mention(
                name=_text(text, tokens, name.start, name.end),
                key=tuple(t.fold for t in words),
                titles=tuple(_text(text, tokens, s, e) for s, e in sorted(set(titles))),
                given_only=len(words) == 1 and not is_foreign(words[0].text),
                order=order * 1_000_000 + name.start,
                in_title=in_title,
            )
        )
    return mentions


def _lone(tokens: list[Token]) -> set[str]:
    """Folded capitalised words of one paragraph with no capitalised word beside them."""
    capital = [t.is_word and t.is_title_case for t in tokens] + [False]
    return {
        t.fold
        for i, t in enumerate(tokens)
        if capital[i] and not capital[i - 1 if i else -1] and not capital[i + 1]
    }


def article_mentions(
    title: str, paragraphs: tuple[str, ...], lone: set[str] | None = None
) -> list[Mention]:
    """Mentions in the title, then in each paragraph, in reading order; `lone` gathers the
    article's capitalised words that stand alone somewhere, from the same tokens."""
    known: set[str] = set()
    found = paragraph_mentions(title, 0, known, in_title=True, lone=lone) if title else []
    for number, paragraph in enumerate(paragraphs, start=1):
        found.extend(paragraph_mentions(paragraph, number, known, lone=lone))
    return found

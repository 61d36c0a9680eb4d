"""Training labels from article-level annotations (distant supervision).

The annotations give each official's fullest name and titles, not where they are written. Every
occurrence of a name (or of its short form after `ông`/`bà`, or the surname of a foreign name) is
a PER span; a title (or a prefix of it: `Bí thư Tỉnh uỷ` for `Bí thư Tỉnh uỷ Cà Mau`) written
just before such a span is POSR (it belongs to the name on its right), one written just after it
(through `,`, `là`, `được bổ nhiệm giữ chức` …) is POSL (it belongs to the name on its left).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, partial

from summarizer.gazetteers import lexicon, ranks
from summarizer.officials.features import honorifics
from summarizer.officials.tokens import Token, clean, is_foreign, tokenize

Gold = Sequence[tuple[str, Sequence[str]]]
Title = tuple[str, ...]
MAX_GAP = 12
# A title after a name is looked for up to the end of the clause.
_STOPS = frozenset({".", "!", "?", ";", ":"})
_JOINERS = frozenset({",", ";", "kiêm", "và", "&", "đồng", "thời", "là"})


def _words(text: str) -> tuple[str, ...]:
    return tuple(t.fold for t in tokenize(clean(text)))


@cache
def _link_words() -> frozenset[str]:
    return frozenset(w for entry in lexicon("title_links.txt") for w in entry)


def _name_forms(name: tuple[str, ...], raw: str) -> list[tuple[tuple[str, ...], bool]]:
    """(form, needs an honorific before it) for a name: full, then shorter forms."""
    forms = [(name, False)]
    foreign = any(is_foreign(w) for w in raw.split())
    for k in range(len(name) - 1, 0, -1):
        forms.append((name[-k:], not foreign))
    return forms


def _mark(labels: list[str], start: int, end: int, kind: str) -> None:
    labels[start] = f"B-{kind}"
    for k in range(start + 1, end):
        labels[k] = f"I-{kind}"


def _free(labels: list[str], start: int, end: int) -> bool:
    return start >= 0 and end <= len(labels) and all(x == "O" for x in labels[start:end])


def _names(tokens: list[Token], gold: Gold, labels: list[str]) -> list[tuple[int, int, int]]:
    """Mark every name occurrence; return (start, end, official index) of each."""
    folded = [t.fold for t in tokens]
    found = []
    forms = [
        (form, needs, who)
        for who, (raw, _) in enumerate(gold)
        for form, needs in _name_forms(_words(raw), raw)
    ]
    forms.sort(key=lambda f: -len(f[0]))
    for form, needs, who in forms:
        n = len(form)
        for s in range(len(tokens) - n + 1):
            if tuple(folded[s : s + n]) != form or not _free(labels, s, s + n):
                continue
            if not tokens[s].text[0].isupper():
                continue
            if needs and not (s > 0 and honorifics().match_ending(folded, s - 1)):
                continue
            _mark(labels, s, s + n, "PER")
            found.append((s, s + n, who))
    return found


def _prefix_before(folded: list[str], end: int, title: tuple[str, ...]) -> int:
    """Length of the longest prefix of `title` written right before `end` (0 when none)."""
    for n in range(min(len(title), end), 0, -1):
        if tuple(folded[end - n : end]) == title[:n] and (n >= 2 or n == len(title)):
            return n
    return 0


def _prefix_after(folded: list[str], start: int, title: tuple[str, ...]) -> int:
    """Length of the longest prefix of `title` written from `start` on (0 when none)."""
    for n in range(min(len(title), len(folded) - start), 0, -1):
        if tuple(folded[start : start + n]) == title[:n] and (n >= 2 or n == len(title)):
            return n
    return 0


def _gap_steps(folded: list[str], start: int) -> list[int]:
    """Where a title before a name may end: right there, or past honorifics, ranks, `là`."""
    steps, k = [start], start
    for _ in range(4):
        skip = honorifics().match_ending(folded, k - 1) if k > 0 else 0
        skip = skip or (ranks().match_ending(folded, k - 1) if k > 0 else 0)
        if not skip and k > 0 and folded[k - 1] in _link_words() and folded[k - 1] != "(":
            skip = 1
        if not skip:
            break
        k -= skip
        steps.append(k)
    return steps


def _best(titles: list[Title], fit: Callable[[Title], int]) -> tuple[Title | None, int]:
    """The title with the longest written prefix, and that length."""
    scored = [(fit(t), t) for t in titles]
    n, title = max(scored, default=(0, None), key=lambda pair: pair[0])
    return (title, n) if n else (None, 0)


def _titles_before(folded: list[str], labels: list[str], start: int, titles: list[Title]) -> None:
    left = list(titles)
    for end in _gap_steps(folded, start):
        title, n = _best(left, partial(_prefix_before, folded, end))
        if title is not None:
            break
    while title is not None and _free(labels, end - n, end):
        _mark(labels, end - n, end, "POSR")
        left.remove(title)
        end -= n
        while end > 0 and folded[end - 1] in _JOINERS:
            end -= 1
        title, n = _best(left, partial(_prefix_before, folded, end))


def _titles_after(folded: list[str], labels: list[str], end: int, titles: list[Title]) -> None:
    """Mark the titles written after a name: through link words, or a little further on."""
    left, k, gap = list(titles), end, 0
    while left and k < len(folded) and gap <= MAX_GAP:
        title, n = _best(left, partial(_prefix_after, folded, k))
        if title is not None and _free(labels, k, k + n) and (gap <= 1 or n >= 2):
            _mark(labels, k, k + n, "POSL")
            left.remove(title)
            k, gap = k + n, 0
            continue
        if labels[k] != "O" or folded[k] in _STOPS:
            return
        k, gap = k + 1, gap + 1


def label_paragraph(text: str, gold: Gold) -> tuple[list[Token], list[str]]:
    """Tokens of one paragraph and their labels given the article's officials."""
    tokens = tokenize(clean(text))
    labels = ["O"] * len(tokens)
    folded = [t.fold for t in tokens]
    spans = _names(tokens, gold, labels)
    titles = [[_words(t) for t in titles] for _, titles in gold]
    for start, end, who in sorted(spans):
        _titles_before(folded, labels, start, titles[who])
        _titles_after(folded, labels, end, titles[who])
    return tokens, labels

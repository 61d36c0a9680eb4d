"""CRF features of each token: its word, look and lexicon marks, and those of its neighbours.

What used to be hard gates (surname, position, place and rank lists, capitalisation, syllable
shape) are only evidence here; the tagger learns how much each one weighs.
"""

from __future__ import annotations

from functools import cache

from summarizer.gazetteers import Phrases, heads, lexicon, places, ranks, surnames
from summarizer.officials.tokens import Token, is_foreign, shape

_SENTENCE_END = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "…"})
_WINDOW = (-2, -1, 1, 2)
_CAP = 5
_LEFT, _RIGHT = 8, 4
_LINKS = 6
_SOURCE = 20


def honorifics() -> Phrases:
    """Words that introduce a name ("ông", "bà", "đồng chí")."""
    return lexicon("honorifics.txt")


@cache
def link_words() -> frozenset[str]:
    """Words that may stand between a name and its position ("được bổ nhiệm giữ chức")."""
    return frozenset(w for entry in lexicon("title_links.txt") for w in entry if w.isalpha())


def _marks(folded: list[str], lexicon: Phrases, tag: str, out: list[list[str]]) -> None:
    """Append `tag=B` / `tag=I` to the tokens inside a lexicon phrase (longest match)."""
    after = 0
    for i in lexicon.openings(folded):
        n = lexicon.match_at(folded, i) if i >= after else 0
        if n:
            out[i].append(f"{tag}=B")
            for k in range(i + 1, i + n):
                out[k].append(f"{tag}=I")
            after = i + n


def place_tokens(tokens: list[Token]) -> set[int]:
    """Indices of the tokens inside a place name (longest match, left to right)."""
    folded, where, after = [t.fold for t in tokens], places(), 0
    inside: set[int] = set()
    for i in where.openings(folded):
        n = where.match_at(folded, i) if i >= after else 0
        inside.update(range(i, i + n))
        after = max(after, i + n)
    return inside


def _runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """(offset, remaining) of each token in its run of title-case words; (-1, -1) outside one."""
    out = [(-1, -1)] * len(tokens)
    i = 0
    while i < len(tokens):
        if not (tokens[i].is_word and tokens[i].is_title_case):
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].is_word and tokens[j].is_title_case:
            j += 1
        for k in range(i, j):
            out[k] = (min(k - i, _CAP), min(j - k - 1, _CAP))
        i = j
    return out


def _own(tokens: list[Token]) -> list[list[str]]:
    """Features of each token on its own: word, look, lexicon marks."""
    folded = [t.fold for t in tokens]
    own: list[list[str]] = [[f"w={t.fold}", f"s={shape(t.text)}"] for t in tokens]
    for phrases, tag in ((heads(), "hd"), (places(), "pl"), (ranks(), "rk"), (honorifics(), "ho")):
        _marks(folded, phrases, tag, own)
    family, links = surnames(), link_words()
    for token, feats in zip(tokens, own, strict=True):
        if token.fold in links:
            feats.append("lk")
        if token.is_word and token.is_title_case:
            if token.fold in family:
                feats.append("sur")
            if is_foreign(token.text):
                feats.append("fw")
    return own


def _near_surnames(own: list[list[str]]) -> tuple[list[bool], list[bool]]:
    """Whether a capitalised surname is a few tokens before / after each token."""
    n = len(own)
    left, right = [False] * n, [False] * n
    for k in (i for i, feats in enumerate(own) if "sur" in feats):
        left[k + 1 : k + 1 + _LEFT] = [True] * len(left[k + 1 : k + 1 + _LEFT])
        right[max(0, k - _RIGHT) : k] = [True] * (k - max(0, k - _RIGHT))
    return left, right


def _after_link(tokens: list[Token], own: list[list[str]]) -> list[bool]:
    """A capitalised word, then only link words ("được bổ nhiệm giữ chức"), then this token."""
    out = [False] * len(tokens)
    for i in range(1, len(tokens)):
        k = i - 1
        while k >= 0 and i - k <= _LINKS and "lk" in own[k]:
            k -= 1
        out[i] = k < i - 1 and k >= 0 and tokens[k].is_word and tokens[k].is_title_case
    return out


def _after_source(tokens: list[Token]) -> list[bool]:
    """Past the comma that closes "Theo ông X, …": what follows is the clause, not X's post."""
    out = [False] * len(tokens)
    comma = theo = -1
    for i, token in enumerate(tokens):
        out[i] = theo >= 0 and comma > theo and i - theo <= _SOURCE
        if token.text in _SENTENCE_END:
            comma = theo = -1
        elif token.fold == "theo":
            theo, comma = i, -1
        elif token.text == ",":
            comma = i
    return out


def _flags(tokens: list[Token], own: list[list[str]]) -> list[list[str]]:
    """Context flags of each token: surname near, after a name and link words, past "Theo X,"."""
    left, right = _near_surnames(own)
    flags: list[list[str]] = [[] for _ in tokens]
    for name, on in (
        ("nl", left),
        ("nr", right),
        ("al", _after_link(tokens, own)),
        ("as", _after_source(tokens)),
    ):
        for i in (i for i, yes in enumerate(on) if yes):
            flags[i].append(name)
    return flags


def paragraph_features(tokens: list[Token]) -> list[list[str]]:
    """One feature list per token, for the CRF."""
    own = _own(tokens)
    runs = _runs(tokens)
    flags = _flags(tokens, own)
    n = len(tokens)
    out: list[list[str]] = []
    for i, token in enumerate(tokens):
        feats = ["b", *own[i], *flags[i]]
        if runs[i][0] >= 0:
            feats += [f"ro={runs[i][0]}", f"rr={runs[i][1]}"]
        if i == 0 or tokens[i - 1].text in _SENTENCE_END:
            feats.append("bos")
        for d in _WINDOW:
            k = i + d
            if 0 <= k < n:
                feats += [f"{d}:{f}" for f in own[k]]
            else:
                feats.append(f"{d}:pad")
        if i > 0:
            feats.append(f"bg-={tokens[i - 1].fold}|{token.fold}")
        if i + 1 < n:
            feats.append(f"bg+={token.fold}|{tokens[i + 1].fold}")
        for d in (-3, 3):
            if 0 <= i + d < n:
                feats.append(f"{d}:w={tokens[i + d].fold}")
        out.append(feats)
    return out

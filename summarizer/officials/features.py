"""CRF features of each token: its word, look and lexicon marks, and those of its neighbours.

What used to be hard gates (surname, position, place and rank lists, capitalisation, syllable
shape) are only evidence here; the tagger learns how much each one weighs.
"""

from __future__ import annotations

from summarizer.gazetteers import Phrases, heads, lexicon, places, ranks, surnames
from summarizer.officials.tokens import Token, is_foreign, shape

_SENTENCE_END = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "…"})
_WINDOW = (-2, -1, 1, 2)
_CAP = 5


def honorifics() -> Phrases:
    """Words that introduce a name ("ông", "bà", "đồng chí")."""
    return lexicon("honorifics.txt")


def _marks(folded: list[str], lexicon: Phrases, tag: str, out: list[list[str]]) -> None:
    """Append `tag=B` / `tag=I` to the tokens inside a lexicon phrase (longest match)."""
    i = 0
    while i < len(folded):
        n = lexicon.match_at(folded, i)
        if n:
            out[i].append(f"{tag}=B")
            for k in range(i + 1, i + n):
                out[k].append(f"{tag}=I")
        i += max(n, 1)


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
    family = surnames()
    for token, feats in zip(tokens, own, strict=True):
        if token.is_word and token.is_title_case:
            if token.fold in family:
                feats.append("sur")
            if is_foreign(token.text):
                feats.append("fw")
    return own


def paragraph_features(tokens: list[Token]) -> list[list[str]]:
    """One feature list per token, for the CRF."""
    own = _own(tokens)
    runs = _runs(tokens)
    n = len(tokens)
    out: list[list[str]] = []
    for i, token in enumerate(tokens):
        feats = ["b", *own[i]]
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

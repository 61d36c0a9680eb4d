"""The units a decision is looked for in: sentences, split where a second decision begins."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.decisions import words
from summarizer.digest import Article
from summarizer.gazetteers import fold
from summarizer.textnorm import syllable_spans

# A second independent decision starts after `;` or `, đồng thời` with its own cue.
_SPLIT = re.compile(r";\s+|,\s+(?=(?:đồng thời|Đồng thời|đồng thời cũng)\s)")
# Where to look for the second part's cue (its subject comes first).
_CUE_WITHIN = 10
_MIN_PART = 6


@dataclass(frozen=True)
class Unit:
    """A sentence or an independent clause of one, with its folded syllables."""

    text: str
    tokens: list[str]
    spans: list[tuple[int, int]]
    sentence: int
    sentences: int


def tokenize(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Folded syllables of a text and where each one is."""
    spans = syllable_spans(text)
    return [fold(text[a:b]) for a, b in spans], spans


def cue_positions(
    text: str, tokens: list[str], spans: list[tuple[int, int]], verbs_only: bool = False
) -> list[int]:
    """Token indices of cues, except inside a proper name (`Sở Giao thông`) or a noun."""
    lists = ("not_cues", "not_verbs") if verbs_only else ("not_cues",)
    covered = {
        at + k
        for name in lists
        for at in words.find(name, tokens)
        for k in range(words.match_at(name, tokens, at))
    }
    found = words.find("cues", tokens)
    named = [at for at in found if at and text[spans[at][0]].isupper()]  # `Sở Giao thông`
    if verbs_only and found and found[0] == 0 and words.match_at("bodies", tokens, 0):
        # A sentence that opens with a body's head and a capital is a name (`Thanh tra Chính
        # phủ`); `Yêu cầu Ban điều hành …` opens with the verb, its object capitalised.
        after = words.match_at("cues", tokens, 0)
        if after < len(tokens) and text[spans[after][0]].isupper():
            named.append(0)
    return [at for at in found if at not in covered and at not in named]


def _parts(sentence: str) -> list[str]:
    """The sentence cut where a clause with its own cue follows (two decisions, two items)."""
    parts = [sentence]
    for boundary in reversed(list(_SPLIT.finditer(sentence))):
        head, tail = parts[0][: boundary.start()], parts[0][boundary.end() :]
        tokens, spans = tokenize(tail)
        head_size = len(tokenize(head)[0])
        if head_size < _MIN_PART or len(tokens) < _MIN_PART:
            continue
        if any(at < _CUE_WITHIN for at in cue_positions(tail, tokens, spans)):
            parts[0:1] = [head.rstrip(" ,;"), tail]
    return parts


def units(article: Article) -> list[Unit]:
    """Every unit of the article, in order."""
    found: list[Unit] = []
    count = len(article.sentences)
    for number, sentence in enumerate(article.sentences):
        for part in _parts(sentence):
            tokens, spans = tokenize(part)
            if tokens:
                found.append(Unit(part, tokens, spans, number, count))
    return found

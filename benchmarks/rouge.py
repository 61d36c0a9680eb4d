"""Syllable-level ROUGE-1/2/L (F1) for Vietnamese: NFC, lower case, tones folded, `\\w+`."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from summarizer.textnorm import fold_tones, syllables

# \w alone would split a syllable at a tone mark that folding left uncomposed ("hát" folds
# to "hat" + U+0301), silently dropping the tone: combining marks stay in the token.
_TOKEN = re.compile(r"[\w\u0300-\u036f]+", re.UNICODE)


@dataclass(frozen=True)
class RougeScores:
    """ROUGE-1, ROUGE-2 and ROUGE-L F1 for one summary, each in [0, 1]."""

    rouge1: float
    rouge2: float
    rougeL: float


def tokens(text: str) -> list[str]:
    """Syllable tokens: NFC, lower case, old/new tone placement folded, punctuation dropped."""
    return [t for t in _TOKEN.findall(fold_tones(text).replace("_", " ")) if not _only_marks(t)]


def _only_marks(token: str) -> bool:
    return all("\u0300" <= ch <= "\u036f" for ch in token)


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if overlap == 0 or candidate == 0 or reference == 0:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def overlap_f1(a: str, b: str) -> float:
    """Syllable-overlap F1 of two short spans (multiset, tone placement folded)."""
    sa, sb = Counter(syllables(fold_tones(a))), Counter(syllables(fold_tones(b)))
    return _f1(sum((sa & sb).values()), sum(sa.values()), sum(sb.values()))


def ngram_f1(candidate: list[str], reference: list[str], n: int) -> float:
    """Clipped n-gram overlap F1."""
    cand = Counter(zip(*(candidate[i:] for i in range(n)), strict=False))
    ref = Counter(zip(*(reference[i:] for i in range(n)), strict=False))
    overlap = sum((cand & ref).values())
    return _f1(overlap, sum(cand.values()), sum(ref.values()))


def lcs_length(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence."""
    if not a or not b:
        return 0
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def score_tokens(candidate: list[str], reference: list[str]) -> RougeScores:
    """ROUGE F1 figures for already tokenised texts."""
    return RougeScores(
        rouge1=ngram_f1(candidate, reference, 1),
        rouge2=ngram_f1(candidate, reference, 2),
        rougeL=_f1(lcs_length(candidate, reference), len(candidate), len(reference)),
    )


def score(candidate: str, reference: str) -> RougeScores:
    """Syllable ROUGE F1 figures of a candidate summary against one reference."""
    return score_tokens(tokens(candidate), tokens(reference))

"""How a decision reads: the clause a cue governs, cut short at a clause boundary."""

from __future__ import annotations

import re

from summarizer.textnorm import syllable_spans, syllables
from summarizer.vnchars import UPPER

# A decision shown to the reader stays about this many syllables (cut at a clause boundary).
MAX_SYLLABLES = 24
MIN_REST = 6
QUOTES = '“”" '
CLAUSE_END = re.compile(r"[;?]|\s[\"”]\s*[,.-]|[”]\s*[,.-]|\s-\s|[.!?…]\s")
_CUT_POINTS = re.compile(r"\s*[,;:]\s+|\s+(?=(?:để|nhằm|nhưng|trong khi|vì|do)\s)")


# A spaced dash between numbers is a range (`1 - 5 năm`), between capitalised words a name
# (`Bộ TT - TT`, `Bà Rịa - Vũng Tàu`): neither ends the clause.
_JOINED = re.compile(rf"(?:[\d.,]*\d\s-\s\d|[{UPPER}][\w.&]*\s-\s[{UPPER}])")


def _joining_dash(text: str, end: re.Match[str]) -> bool:
    """Whether a clause end found in text is a dash inside a range or a name."""
    if end.group(0) != " - ":
        return False
    before = text[: end.start()].rsplit(None, 1)
    word = before[-1] if before else ""
    return _JOINED.fullmatch(f"{word} - {text[end.end() : end.end() + 1]}") is not None


def rest_of_clause(sentence: str, start: int) -> str:
    """What follows `start`, up to the end of its clause."""
    rest = sentence[start:]
    end = next((m for m in CLAUSE_END.finditer(rest) if not _joining_dash(rest, m)), None)
    if end and len(syllables(rest[: end.start()])) >= MIN_REST:
        rest = rest[: end.start()]
    return rest.strip().lstrip(",: ").rstrip(' .,;:!"”')


def shorten(text: str, keep: int = 0) -> str:
    """Keep the clause short: cut at the last clause boundary within the budget, add `…`."""
    words = syllable_spans(text)
    budget = max(MAX_SYLLABLES, keep + MIN_REST)
    if len(words) <= budget:
        return text
    limit = words[budget - 1][1]
    cut = None
    for match in _CUT_POINTS.finditer(text, 0, limit):
        if len(syllables(text[: match.start()])) >= max(budget // 2, keep + 3):
            cut = match.start()
    return text[: cut if cut is not None else limit].rstrip(" ,;:") + "…"


def sentence_case(text: str) -> str:
    """The text with its first letter upper-cased (a decision reads as a sentence)."""
    text = " ".join(text.split()).strip(" ,;:")
    if text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip()
    return text[:1].upper() + text[1:]

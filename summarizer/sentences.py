"""Vietnamese sentence splitting that survives abbreviations, numbers, quotes and lists."""

from __future__ import annotations

import re
from bisect import bisect_left

from summarizer.vnchars import LOWER, UPPER

# Abbreviations that end in a period but rarely end a sentence (compared lower-cased).
_ABBREVIATIONS = frozenset(
    [
        "tp",
        "tx",
        "tt",
        "q",
        "p",
        "h",
        "x",
        "tr",
        "th",
        "ts",
        "pgs",
        "gs",
        "ths",
        "bs",
        "bsck",
        "kts",
        "ks",
        "cn",
        "ls",
        "ncs",
        "ptgs",
        "nsnd",
        "nsưt",
        "nsut",
        "nghs",
        "ttưt",
        "ttut",
        "gđ",
        "pgđ",
        "st",
        "mr",
        "mrs",
        "ms",
        "dr",
        "jr",
        "co",
        "inc",
        "ltd",
        "corp",
        "vs",
        "no",
        "nr",
        "tel",
        "đ",
        "ng",
        "k.s",
        "t.ư",
        "tw",
    ]
)
# Ends of a sentence: terminal punctuation, then closing quotes/brackets, then white space.
_BOUNDARY = re.compile(r"(?:\.{3}|…|[.!?])+[\"”’'»)\]]*(?=\s)")
# A glued end like "đạt thấp.Người dân" (scraped text lost the space).
_GLUED = re.compile(rf"(?<=[{LOWER}]{{3}}[.!?])(?=[{UPPER}][{LOWER}])")
_OPENING = "\"“‘'«([-–—•"
_BULLET = re.compile(r"^\s*(?:[-–—•●▪◦+*]|\d{1,2}[.)])\s+")
_QUOTE_PAIRS = {"“": "”", "‘": "’", "«": "»"}
# Quotations up to this many characters stay whole with their attribution.
_SHORT_QUOTE = 250


def _starts_sentence(rest: str) -> bool:
    """Whether the text after a candidate boundary can open a new sentence."""
    stripped = rest.lstrip()
    if not stripped:
        return False
    first = stripped[0]
    if first.isupper() or first.isdigit():
        return True
    if first in _OPENING:
        after = stripped[1:].lstrip()
        return bool(after) and (after[0].isupper() or after[0].isdigit() or after[0] in _OPENING)
    return False


def _is_abbreviation(before: str) -> bool:
    """Whether the word before a period is an abbreviation (`TP.`, `PGS.TS.`, `ông Th.`)."""
    match = re.search(r"(\S+)\.$", before)
    if not match:
        return False
    word = match.group(1).lstrip("\"“‘'«([")
    last = word.rsplit(".", 1)[-1] if "." in word else word
    if word.lower() in _ABBREVIATIONS or last.lower() in _ABBREVIATIONS:
        return True
    if word.lower() == "v.v" or word.lower().endswith(".v.v"):
        return False
    # Single capital initials ("J.", "Q.") and dotted acronyms ("U.S.") are not sentence ends.
    return bool(re.fullmatch(rf"(?:[{UPPER}]\.)*[{UPPER}]", word))


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of short quotations, inside which no sentence ends."""
    spans: list[tuple[int, int]] = []
    for opener, closer in _QUOTE_PAIRS.items():
        start = text.find(opener)
        while start != -1:
            end = text.find(closer, start + 1)
            if end == -1:
                break
            spans.append((start, end))
            start = text.find(opener, end + 1)
    # Straight quotes pair up in order (detokenised text writes them spaced: ` " Tôi … . " `).
    straight = [m.start() for m in re.finditer('"', text)]
    spans.extend(zip(straight[::2], straight[1::2], strict=False))
    return [(a, b) for a, b in spans if b - a <= _SHORT_QUOTE]


def _split_line(line: str) -> list[str]:
    """Split one line of running text (linear in its length: pastes can be one huge line)."""
    line = _GLUED.sub(" ", line)
    # inside[i]: position i lies within a short quotation; closes[i]: one ends at i.
    inside = bytearray(len(line) + 1)
    closes = bytearray(len(line) + 1)
    for a, b in _quote_spans(line):
        inside[a + 1 : b] = b"\x01" * (b - a - 1)
        closes[b] = 1
    straight = [m.start() for m in re.finditer('"', line)]
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        end = match.end()
        mark = match.group(0)
        # A spaced straight quote that closes the sentence (`… này. " Ông`) stays with it.
        closing = re.match(r'\s"(?=\s|$)', line[end : end + 3])
        if closing and bisect_left(straight, end) % 2 == 1:
            end += closing.end()
        at = match.start()
        if inside[at] and not any(closes[at + 1 : end]):
            continue
        if not _starts_sentence(line[end : end + 8]):
            continue
        if mark.rstrip("\"”’'»)]") == "." and _is_abbreviation(line[max(0, at - 40) : at + 1]):
            continue
        pieces.append(line[start:end].strip())
        start = end
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences; bullet lines become sentences of their own."""
    sentences: list[str] = []
    for raw in paragraph.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        line = _BULLET.sub("", line) if _BULLET.match(line) and len(line) > 3 else line
        sentences.extend(_split_line(line))
    return sentences

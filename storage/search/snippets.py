"""Snippets: a short excerpt of a found digest with the matched phrases marked « »."""

from __future__ import annotations

from collections.abc import Sequence

from storage.folding import search_form
from storage.search.query import Query, exact_spans, folded_spans
from summarizer.textnorm import lower_unify_tones, nfc, syllable_spans

SNIPPET_WORDS = 24
OPEN, CLOSE = "«", "»"


Spans = list[tuple[int, int]]


def _match_words(text: str, spans: Spans, query: Query) -> tuple[int, list[bool]]:
    """(quality, hit per syllable) of one field: exact-diacritic matches count double."""
    marked: Spans = []
    if query.toned:
        unified = lower_unify_tones(text)
        marked = [s for p in query.phrases if p.toned for s in exact_spans(unified, p)]
    exact = bool(marked)
    if not marked:
        folded = search_form(text)
        marked = [s for p in query.phrases for s in folded_spans(folded, p)]
    hits = [any(a <= start and end <= b for a, b in marked) for start, end in spans]
    return len(marked) * (2 if exact else 1), hits


def snippet(fields: Sequence[str], query: Query) -> str:
    """A short plain-text excerpt of the best-matching field, the matched phrases marked.

    With diacritics typed, the places written with them are marked (when there are any).
    """
    best: tuple[int, str, Spans, list[bool]] | None = None
    for field in fields:
        text = nfc(field)
        spans = syllable_spans(text)
        quality, hits = _match_words(text, spans, query)
        if quality and (best is None or quality > best[0]):
            best = (quality, text, spans, hits)
    if best is not None:
        return _window(best[1], best[2], best[3])
    text = nfc(fields[0]) if fields else ""
    spans = syllable_spans(text)
    return _window(text, spans, [False] * len(spans))


def _best_start(spans: list[tuple[int, int]], hits: list[bool]) -> int:
    """Start word of the window holding the most matches, led in by a few words of context."""
    if not any(hits) or len(spans) <= SNIPPET_WORDS:
        return 0
    best, best_count = 0, -1
    for index, hit in enumerate(hits):
        if not hit:
            continue
        start = max(0, index - 4)
        count = sum(hits[start : start + SNIPPET_WORDS])
        if count > best_count:
            best, best_count = start, count
    return min(best, len(spans) - SNIPPET_WORDS)


def _window(text: str, spans: list[tuple[int, int]], hits: list[bool]) -> str:
    if not spans:
        return " ".join(text.split())[: SNIPPET_WORDS * 8]
    start = _best_start(spans, hits)
    end = min(len(spans), start + SNIPPET_WORDS)
    while end < len(spans) and hits[end] and hits[end - 1]:
        end += 1  # a matched phrase is never cut by the window's end
    parts: list[str] = []
    cursor = spans[start][0]
    open_run = False
    for index in range(start, end):
        word_start, word_end = spans[index]
        gap = text[cursor:word_start]
        if open_run and not (hits[index] and gap.strip() == ""):
            parts.append(CLOSE)
            open_run = False
        parts.append(gap)
        if hits[index] and not open_run:
            parts.append(OPEN)
            open_run = True
        parts.append(text[word_start:word_end])
        cursor = word_end
    if open_run:
        parts.append(CLOSE)
    tail = text[cursor:]
    last = spans[end - 1][1]
    # Keep closing punctuation right after the last word ("… định.").
    trailing = tail[: len(tail) - len(tail.lstrip(".,;:!?)…\"'”"))] if tail else ""
    out = " ".join("".join(parts).split()) + trailing
    if start > 0:
        out = "… " + out
    if end < len(spans) or text[last + len(trailing) :].strip(" \n\t"):
        out = out + " …"
    return out

"""Search text handling: safe FTS5 MATCH expressions and snippets highlighted in the original."""

from __future__ import annotations

from collections.abc import Sequence

from storage.folding import chat_token, search_form
from storage.indexing import TEXT_COLUMNS
from summarizer.textnorm import nfc, strip_diacritics, syllable_spans, syllables

MAX_TERMS = 12
SNIPPET_WORDS = 24
OPEN, CLOSE = "«", "»"


def query_terms(query: str) -> list[str]:
    """The folded search terms of what the user typed (duplicates dropped, order kept)."""
    seen: dict[str, None] = {}
    for term in syllables(strip_diacritics(nfc(query))):
        seen.setdefault(term, None)
    return list(seen)[:MAX_TERMS]


def match_expression(chat_id: int, terms: Sequence[str], *, boost_phrase: bool = True) -> str:
    """FTS5 MATCH text for the chat's bucket: its chat token and every term (a phrase ranks higher).

    Every term is a double-quoted FTS5 string made only of letters and digits, so nothing the
    user types (quotes, `*`, `NEAR`, `-`, `:`, parentheses) can act as query syntax; the chat
    token comes from the chat id and the terms may only match the text columns, so no query
    can reach another chat's rows. The phrase alternative matches no extra rows (a phrase
    implies all its terms), it only adds to bm25; counting leaves it out because checking
    positions costs time.
    """
    body = " AND ".join(f'"{term}"' for term in terms)
    if boost_phrase and len(terms) > 1:
        body = f'({body}) OR "{" ".join(terms)}"'
    return f'chat:"{chat_token(chat_id)}" AND {{{" ".join(TEXT_COLUMNS)}}}: ({body})'


def snippet(fields: Sequence[str], terms: Sequence[str]) -> str:
    """A short plain-text excerpt of the field matching most terms (earlier fields win ties)."""
    wanted = set(terms)
    best: tuple[int, str, list[tuple[int, int]], list[bool]] | None = None
    for field in fields:
        text = nfc(field)
        folded = search_form(text)
        spans = syllable_spans(folded)
        hits = [folded[s:e] in wanted for s, e in spans]
        matched = len({folded[s:e] for (s, e), hit in zip(spans, hits, strict=True) if hit})
        if matched and (best is None or matched > best[0]):
            best = (matched, text, spans, hits)
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

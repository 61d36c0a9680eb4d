"""Clause-level text helpers: comma clauses, sentence endings, and cutting to a length."""

from __future__ import annotations

import re

from summarizer.engines.coherence import clean_cut
from summarizer.textnorm import count_words

_FINAL = re.compile(r"[\s.!?…:;,]+$")


def finish(text: str, ending: str = ".") -> str:
    """Capitalise the first letter and end with sentence punctuation."""
    text = text.strip()
    for i, ch in enumerate(text):
        if ch.isalnum():
            text = text[:i] + ch.upper() + text[i + 1 :]
            break
    inner = text.rstrip("\"”'’ ")
    if text and (not inner or inner[-1] not in ".!?…"):
        text = text + ending if text[-1] in "\"”'’" else _FINAL.sub("", text) + ending
    return text


def body_and_end(sentence: str) -> tuple[str, str]:
    """The sentence without its final punctuation, and the mark it ended with (`.` if none)."""
    stripped = sentence.rstrip()
    end = stripped[-1] if stripped and stripped[-1] in ".!?…" else "."
    return _FINAL.sub("", stripped), end


def split_clauses(body: str) -> list[str]:
    """Comma/semicolon clauses, never splitting inside brackets or quotations."""
    out: list[str] = []
    depth, quoted, start = 0, False, 0
    for i, ch in enumerate(body):
        if ch in "([“":
            depth += 1
        elif ch in ")]”":
            depth = max(0, depth - 1)
        elif ch == '"':
            quoted = not quoted
        elif ch in ",;" and depth == 0 and not quoted and body[i + 1 : i + 2] == " ":
            out.append(body[start:i])
            start = i + 1
    out.append(body[start:])
    return [s.strip() for s in out if s.strip()]


def join_clauses(segments: list[str]) -> str:
    """Clauses back into one comma-separated body."""
    return ", ".join(s.strip() for s in segments)


def cut_to(sentence: str, limit: int) -> str:
    """Shorten a sentence to at most `limit` syllables: whole clauses first, then words."""
    if count_words(sentence) <= limit:
        return sentence
    body, end = body_and_end(sentence)
    segments = split_clauses(body)
    while len(segments) > 1 and count_words(join_clauses(segments)) > limit:
        segments.pop()
    # Back off a cut that would leave a verb without its object.
    while len(segments) > 1 and not clean_cut(segments[-1], ""):
        segments.pop()
    body = join_clauses(segments)
    if count_words(body) <= limit:
        return finish(body, end)
    words: list[str] = []
    for word in body.split():
        if count_words(" ".join([*words, word])) > limit:
            break
        words.append(word)
    return finish(" ".join(words).rstrip(",;:-"), "…")

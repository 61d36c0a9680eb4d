"""Page clutter removal and main-article detection (placeholder: first line is the title)."""

from __future__ import annotations

from summarizer.digest import Article
from summarizer.sentences import split_sentences
from summarizer.textnorm import nfc


def clean_page(text: str) -> Article:
    """Turn a pasted page into its main article."""
    lines = [line.strip() for line in nfc(text).splitlines()]
    paragraphs = [line for line in lines if line]
    if not paragraphs:
        return Article(title="", paragraphs=())
    title, body = paragraphs[0], tuple(paragraphs[1:])
    sentences = tuple(s for p in body for s in split_sentences(p))
    return Article(title=title, paragraphs=body, sentences=sentences)

"""Decisions and directives the article reports (placeholder: none found yet)."""

from __future__ import annotations

from summarizer.digest import Article, Decision, Official


def extract_decisions(article: Article, officials: tuple[Official, ...]) -> tuple[Decision, ...]:
    """Decisions in article order, attributed where the article says who."""
    return ()

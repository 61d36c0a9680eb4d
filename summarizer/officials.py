"""Key officials: named people with a position (placeholder: none found yet)."""

from __future__ import annotations

from summarizer.digest import Article, Official


def extract_officials(article: Article) -> tuple[Official, ...]:
    """Officials named in the article, most important first."""
    return ()

"""Embedded extractive engine (placeholder: leading sentences within the budget)."""

from __future__ import annotations

from summarizer.digest import Article, Length
from summarizer.engines.base import ProgressCallback
from summarizer.textnorm import count_words


class ExtractiveEngine:
    """Picks whole sentences of the article; needs no model."""

    name = "extractive"
    model_id: str | None = None

    def summarize(
        self, article: Article, length: Length, progress: ProgressCallback | None = None
    ) -> str:
        """Return the leading sentences that fit the word budget."""
        picked: list[str] = []
        used = 0
        for sentence in article.sentences:
            words = count_words(sentence)
            if picked and used + words > length.word_budget:
                break
            picked.append(sentence)
            used += words
        return " ".join(picked)

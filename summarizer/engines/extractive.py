"""Embedded extractive engine: the title plus the best-covering trimmed sentences."""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from summarizer.digest import Article, Length
from summarizer.engines.base import ProgressCallback
from summarizer.engines.compress import cut_to, finish, variants
from summarizer.engines.features import ArticleContext, Unit, tokens, unit_features
from summarizer.engines.scorer import Scorer, default_scorer
from summarizer.textnorm import count_words

# Length of the summary a reader would expect, per budget: the F1-style objective trades
# precision against coverage of a summary this long (a news lead is about 35 syllables).
_TARGET = {Length.SHORT: 35, Length.MEDIUM: 62, Length.LONG: 105}
# Sentences past this point are rarely summary material and would only cost time.
_MAX_SENTENCES = 60
# A unit whose words are mostly in the summary already adds nothing.
_REDUNDANT = 0.7
_TITLE_SHARE = 0.75
_MIN_FORCED = 12


class Scored(NamedTuple):
    """A unit with its predicted precision (share of its syllables a reference would use)."""

    unit: Unit
    precision: float


class ExtractiveEngine:
    """Picks and trims sentences of the article with a small learned scorer; needs no model."""

    name = "extractive"
    model_id: str | None = None

    def __init__(self, scorer: Scorer | None = None) -> None:
        self._scorer = scorer

    @property
    def scorer(self) -> Scorer:
        """The learned scorer (the packaged one unless another was given)."""
        if self._scorer is None:
            self._scorer = default_scorer()
        return self._scorer

    def summarize(
        self, article: Article, length: Length, progress: ProgressCallback | None = None
    ) -> str:
        """Return a short paragraph within the word budget, sentences in article order."""
        length = Length(length)
        budget = length.word_budget
        sentences = [s for s in article.sentences[:_MAX_SENTENCES] if count_words(s)]
        title = article.title.strip()
        title_words = count_words(title)
        if not sentences:
            return finish(title) if title else ""
        scorer = self.scorer
        ctx = ArticleContext(
            title,
            [tokens(s) for s in sentences],
            scorer.idf,
            scorer.default_idf,
            scorer.token_weights,
        )
        units: list[Scored] = []
        for index, sentence in enumerate(sentences):
            full = count_words(sentence)
            for variant in variants(sentence):
                unit = Unit(index, variant.text, tuple(tokens(variant.text)), variant.ops, full)
                if unit.tokens:
                    features = unit_features(unit, ctx)
                    units.append(Scored(unit, scorer.predict(features)))
        use_title = 3 <= title_words <= budget * _TITLE_SHARE
        picked = self._select(units, ctx, budget, _TARGET[length], use_title, title_words)
        if progress is not None:
            progress(1, 1)
        parts = [finish(title)] if use_title else []
        parts.extend(unit.text for unit in sorted(picked, key=lambda u: u.index))
        return " ".join(parts)

    def _select(
        self,
        units: list[Scored],
        ctx: ArticleContext,
        budget: int,
        target: int,
        use_title: bool,
        title_words: int,
    ) -> list[Unit]:
        """Greedily add the unit that most improves expected F1 against a target length."""
        used = title_words if use_title else 0
        expected = self.scorer.title_precision * title_words if use_title else 0.0
        covered: set[str] = set(ctx.title_set) if use_title else set()
        picked: list[Unit] = []
        taken: set[int] = set()
        current = 2 * expected / (used + target)
        while True:
            best: tuple[float, float, Unit] | None = None
            for unit, precision in units:
                size = len(unit.tokens)
                if unit.index in taken or used + size > budget:
                    continue
                fresh = sum(1 for t in unit.tokens if t not in covered) / size
                if 1.0 - fresh > _REDUNDANT:
                    continue
                score = 2 * (expected + precision * size) / (used + size + target)
                if best is None or score > best[0]:
                    best = (score, precision, unit)
            if best is None or (picked and best[0] <= current):
                break
            _, precision, unit = best
            picked.append(unit)
            taken.add(unit.index)
            used += len(unit.tokens)
            expected += precision * len(unit.tokens)
            covered.update(unit.tokens)
            current = 2 * expected / (used + target)
        if not picked:
            picked.append(_forced(units, max(budget - used, _MIN_FORCED)))
        return picked


def _forced(units: list[Scored], room: int) -> Unit:
    """Nothing fits: cut the best sentence's shortest variant down to the room left."""
    best_index = max(units, key=lambda s: s.precision).unit.index
    shortest = min(
        (s.unit for s in units if s.unit.index == best_index), key=lambda u: len(u.tokens)
    )
    return replace(shortest, text=cut_to(shortest.text, room))

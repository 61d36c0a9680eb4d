"""Embedded extractive engine: the title plus the best-covering trimmed sentences."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.digest import Article, Length
from summarizer.engines.base import ProgressCallback
from summarizer.engines.clauses import finish
from summarizer.engines.coherence import standalone, subjectless
from summarizer.engines.confidence import GainModel, default_gain_model
from summarizer.engines.faithful import trusted_variants, without_captions
from summarizer.engines.features import (
    ArticleContext,
    Unit,
    paragraph_index,
    tokens,
    unit_features,
)
from summarizer.engines.greedy import Goal, Scored
from summarizer.engines.nesting import nested_step
from summarizer.engines.repair import name_pronouns, unglue, with_speakers
from summarizer.engines.scorer import Scorer, default_scorer
from summarizer.textnorm import count_words

# Length of the summary a reader would expect, per budget: the F1-style objective trades
# precision against coverage of a summary this long (a news lead is about 35 syllables).
_TARGET = {Length.SHORT: 35, Length.MEDIUM: 62, Length.LONG: 105}
# Sentences past this point are rarely summary material and would only cost time.
_MAX_SENTENCES = 60
# Weight of the (IDF-weighted) share of the title a unit repeats, added to its score.
_TITLE_BONUS = 0.06
# The lead baseline of each length (Title+Lead-N): the summary a choice must beat. Whether it
# does is not the scorer's own estimate (on vietnews-dev a margin on it cost ROUGE at short and
# gained at medium/long only by forcing the lead) but the gain model's (engines/confidence.py).
_LEAD_SENTENCES = {Length.SHORT: 1, Length.MEDIUM: 2, Length.LONG: 3}


@dataclass(frozen=True)
class Choice:
    """The engine's summary and the lead's (None: no usable lead), and what decides between them."""

    mine: str
    lead: str | None
    features: tuple[float, ...]


class ExtractiveEngine:
    """Picks and trims sentences of the article with a small learned scorer; needs no model."""

    name = "extractive"
    model_id: str | None = None

    def __init__(self, scorer: Scorer | None = None, gain: GainModel | None = None) -> None:
        self._scorer = scorer
        self._gain = gain

    @property
    def scorer(self) -> Scorer:
        """The learned scorer (the packaged one unless another was given)."""
        if self._scorer is None:
            self._scorer = default_scorer()
        return self._scorer

    @property
    def gain(self) -> GainModel:
        """The lead decision's model (the packaged one unless another was given)."""
        if self._gain is None:
            self._gain = default_gain_model()
        return self._gain

    def summarize(
        self, article: Article, length: Length, progress: ProgressCallback | None = None
    ) -> str:
        """Return a short paragraph within the word budget, sentences in article order."""
        length = Length(length)
        choice = self.choose(article, length)
        if progress is not None:
            progress(1, 1)
        # A summary is never expected to read worse than the title and the lead: unless the
        # gain model expects the choice to beat the lead, the lead it is.
        if choice.lead is not None and self.gain.gain(length.value, choice.features) <= 0:
            return choice.lead
        return choice.mine

    def choose(self, article: Article, length: Length) -> Choice:
        """The engine's own choice and the lead's option, with the gain model's features."""
        # A photo caption or credit glued to a sentence is never summary material.
        sentences = without_captions(
            [unglue(s) for s in article.sentences[:_MAX_SENTENCES] if count_words(s)]
        )
        # "Ông giải thích …" → "Ông Vương Nghị giải thích …": the summary may lack the sentence
        # that named him.
        sentences = name_pronouns(sentences)
        title = article.title.strip()
        title_words = count_words(title)
        if not sentences:
            return _title_only(title)
        scorer = self.scorer
        paragraphs = paragraph_index(article.paragraphs, sentences)
        # Quotation pieces, list lines and subjectless directives never stand alone; a
        # quotation's closing piece may, led by its speaker.
        sentences, alone = with_speakers(sentences, standalone(sentences, paragraphs))
        ctx = ArticleContext(
            title,
            [tokens(s) for s in sentences],
            scorer.idf,
            scorer.default_idf,
            scorer.token_weights,
            paragraphs,
        )
        candidates = [
            Unit(index, variant.text, tuple(tokens(variant.text)), variant.ops, count_words(s))
            for index, s in enumerate(sentences)
            if alone[index]
            for variant in trusted_variants(s, lead=index == 0)
            if not subjectless(variant.text)
        ]
        candidates = [u for u in candidates if u.tokens]
        if not candidates:
            return _title_only(title)
        predicted = scorer.predict([unit_features(u, ctx) for u in candidates])
        # Sharing the title's words is what a reader expects of a summary sentence, even
        # when the title already carries them: a small bonus keeps such sentences first.
        units = [
            Scored(u, p + _TITLE_BONUS * ctx.title_recall(u.tokens))
            for u, p in zip(candidates, predicted, strict=True)
        ]
        # The digest shows the title above the summary: the summary never repeats it, but
        # its words count as already said when choosing what to add.
        goals = {
            n: Goal(ctx, n.word_budget, _TARGET[n], title_words, scorer.title_precision)
            for n in Length
        }
        # Short, Medium and Long nest: each extends the summary the shorter length decided on.
        step = nested_step(units, goals, _LEAD_SENTENCES, length, self.gain, len(sentences))
        lead = _text(list(step.lead)) if step.lead is not None else None
        return Choice(_text(list(step.mine)), lead, step.features)


def _title_only(title: str) -> Choice:
    """Nothing in the body can be summarised: the title alone, as a sentence."""
    return Choice(finish(title) if title else "", None, ())


def _text(picked: list[Scored]) -> str:
    """The units' texts in article order."""
    return " ".join(s.unit.text for s in sorted(picked, key=lambda s: s.unit.index))

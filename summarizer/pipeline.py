"""The one entry point: pasted page text in, `Digest` out."""

from __future__ import annotations

import time

from summarizer.cleaning import clean_page
from summarizer.decisions import extract_decisions
from summarizer.digest import Article, Digest, Length
from summarizer.engines.base import Engine, EngineResult, ProgressCallback, ReportingEngine
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.input_rule import InputError, check_input
from summarizer.notes import PartlyExtractive, encode
from summarizer.officials import extract_officials
from summarizer.quality import is_degenerate
from summarizer.textnorm import count_words


def summarize(
    text: str,
    length: Length | str = Length.MEDIUM,
    engine: Engine | None = None,
    progress: ProgressCallback | None = None,
) -> Digest:
    """Clean the page, summarise its main article and extract officials and decisions."""
    return summarize_page(text, length, engine, progress)[0]


def summarize_page(
    text: str,
    length: Length | str = Length.MEDIUM,
    engine: Engine | None = None,
    progress: ProgressCallback | None = None,
) -> tuple[Digest, Article]:
    """`summarize`, with the cleaned article the digest was made from (what storage keeps)."""
    started = time.perf_counter()
    check_input(text)
    length = Length(length)
    article = clean_page(text)
    if not article.sentences:
        raise InputError("no article text found in the input")
    chosen: Engine = engine or ExtractiveEngine()
    if isinstance(chosen, ReportingEngine):
        result = chosen.summarize_result(article, length, progress)
    else:
        result = EngineResult(chosen.summarize(article, length, progress))
    summary = result.text
    used: Engine = chosen
    fallback = False
    notes: tuple[str, ...] = ()
    # The checks are for model output: an extractive summary is the article's own sentences,
    # whatever it repeats (any extractive engine, not only one made here, is exempt).
    if not isinstance(chosen, ExtractiveEngine) and is_degenerate(summary):
        # A broken model output is never shown: the reader gets the extractive summary.
        extractive = ExtractiveEngine()
        summary = extractive.summarize(article, length, progress)
        used, fallback = extractive, True
    elif result.stand_ins:
        # Some chunk summaries were broken and replaced by the chunk's own sentences: the
        # model wrote the summary, but the reader is told it rests partly on extracts.
        fallback = True
        notes = (encode(PartlyExtractive(result.stand_ins, result.parts)),)
    officials = extract_officials(article)
    decisions = extract_decisions(article, officials)
    digest = Digest(
        title=article.title,
        summary=summary,
        officials=officials,
        decisions=decisions,
        engine=used.name,
        model=used.model_id,
        input_words=count_words(article.title) + sum(count_words(p) for p in article.paragraphs),
        summary_words=count_words(summary),
        elapsed_ms=round((time.perf_counter() - started) * 1000),
        fallback=fallback,
        notes=notes,
    )
    return digest, article

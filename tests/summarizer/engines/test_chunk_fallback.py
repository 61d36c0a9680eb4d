"""A chunk the model botches never reaches the reader, and the digest says part is extractive."""

from __future__ import annotations

from summarizer.cleaning import clean_page
from summarizer.digest import Length
from summarizer.engines.abstractive import AbstractiveEngine
from summarizer.engines.batching import Job
from summarizer.engines.chunking import stand_in
from summarizer.notes import PartlyExtractive
from summarizer.pipeline import summarize
from summarizer.quality import is_degenerate
from tests.summarizer.engines.conftest import TRAINED_SUMMARY, TinyModels
from tests.summarizer.engines.samples import RecordingEngine

# What a model stuck in a decoding loop writes.
LOOP = "của của của của của của của của"
# Opens one chunk of the fixture (the school-greening article's second paragraph).
BOTCHED_OPENING = "Các thầy cô giáo"


class BotchingEngine(RecordingEngine):
    """The real tiny model, except that one chunk's summary comes out as a loop."""

    def generate(self, texts: list[str], length: Length) -> list[str]:
        written = super().generate(texts, length)
        pairs = zip(texts, written, strict=True)
        return [LOOP if text.startswith(BOTCHED_OPENING) else out for text, out in pairs]


def test_a_botched_chunk_is_replaced_and_the_digest_is_marked(tiny_models: TinyModels) -> None:
    engine = BotchingEngine(str(tiny_models.trained))
    digest = summarize(tiny_models.text, Length.SHORT, engine)
    chunks = engine.calls[0]
    botched = [c for c in chunks if c.startswith(BOTCHED_OPENING)]
    assert len(chunks) > 3 and len(botched) == 1
    reduce_input = engine.calls[-1][0]
    assert LOOP not in reduce_input
    assert stand_in(botched[0], Length.SHORT.word_budget) in reduce_input
    assert digest.summary == TRAINED_SUMMARY and not is_degenerate(digest.summary)
    assert (digest.engine, digest.model, digest.fallback) == (
        "abstractive", str(tiny_models.trained), True
    )
    assert digest.typed_notes() == (PartlyExtractive(1, len(chunks)),)
    assert digest.notes == (f"partly_extractive:1/{len(chunks)}",)  # the stored form


def test_a_healthy_long_article_is_not_marked(tiny_models: TinyModels) -> None:
    engine = AbstractiveEngine(str(tiny_models.trained), runtime="transformers")
    digest = summarize(tiny_models.text, Length.SHORT, engine)
    assert (digest.summary, digest.fallback, digest.notes) == (TRAINED_SUMMARY, False, ())


def test_a_wholly_botched_summary_still_falls_back_to_extractive(tiny_models: TinyModels) -> None:
    digest = summarize(tiny_models.text, Length.SHORT, AbstractiveEngine(str(tiny_models.silent)))
    assert (digest.engine, digest.fallback, digest.notes) == ("extractive", True, ())


def test_a_short_article_batched_with_a_long_one_finishes_first(tiny_models: TinyModels) -> None:
    engine = AbstractiveEngine(str(tiny_models.trained), runtime="transformers", max_batch=4)
    seen: list[tuple[str, int, int]] = []
    long_article = clean_page(tiny_models.text)
    short_article = clean_page("Tỉnh Lâm Hà khởi công đường\n" + long_article.sentences[0])
    jobs = [
        Job(article, Length.SHORT, lambda done, total, name=name: seen.append((name, done, total)))
        for name, article in (("long", long_article), ("short", short_article))
    ]
    results = engine.summarize_many(jobs)
    assert [r.text for r in results] == [TRAINED_SUMMARY] * 2
    short = [(done, total) for name, done, total in seen if name == "short"]
    long = [(done, total) for name, done, total in seen if name == "long"]
    assert short == [(0, 1), (1, 1)]
    # The short article's summary came with the first batch of four, before most of the long one.
    assert seen.index(("short", 1, 1)) < seen.index(("long", *long[2]))
    assert long[0][0] == 0 and long[-1][0] == long[-1][1] > 4
    assert [done for done, _ in long] == sorted(done for done, _ in long)

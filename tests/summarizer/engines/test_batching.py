"""Several articles share the model: every reader sees progress early and gets a marked result."""

from __future__ import annotations

from summarizer.digest import Article, Length
from summarizer.engines.batching import Job, run_jobs
from summarizer.engines.chunking import MapReducePlan
from tests.summarizer.engines.samples import SENTENCES

# Each sentence is one chunk at a limit of 15 words (one word is one token here).
LIMIT = 15
LOOP = "của của của của của của của của"


def words(text: str) -> int:
    """One word, one token."""
    return len(text.split())


class Model:
    """A hand-written stand-in for the model: short Vietnamese summaries, and a log of events."""

    def __init__(self, botch: str | None = None, echo: bool = False) -> None:
        self.botch = botch
        self.echo = echo
        self.events: list[tuple[str, int, int]] = []  # ("batch", n, size) or (article, done, total)
        self.batches: list[tuple[Length, int]] = []

    def generate(self, texts: list[str], length: Length) -> list[str]:
        self.batches.append((length, len(texts)))
        self.events.append(("batch", len(self.batches), len(texts)))
        if self.echo:
            return list(texts)
        return [LOOP if t == self.botch else "Có ý chính." for t in texts]

    def job(self, name: str, sentences: list[str], length: Length = Length.SHORT) -> Job:
        article = Article(name, (" ".join(sentences),), tuple(sentences))
        return Job(article, length, lambda done, total: self.events.append((name, done, total)))

    def seen(self, name: str) -> list[tuple[int, int]]:
        """The progress the reader of one article saw, in order."""
        return [(done, total) for who, done, total in self.events if who == name]


def plan_for(job: Job) -> MapReducePlan:
    return MapReducePlan(job.article.sentences, words, LIMIT, job.length.word_budget)


def assert_reader_view(seen: list[tuple[int, int]]) -> None:
    """Starts at 0, never goes back, never passes the total, ends at the total."""
    done = [step for step, _ in seen]
    assert done[0] == 0 and done == sorted(done)
    assert all(step <= total for step, total in seen)
    assert seen[-1][0] == seen[-1][1]


def test_every_article_in_a_batch_moves_with_that_batch() -> None:
    model = Model()
    jobs = [model.job("dài", SENTENCES), model.job("ngắn", SENTENCES[:1]),
            model.job("vừa", SENTENCES[:2])]
    results = run_jobs(jobs, plan_for, model.generate, max_batch=4)
    assert [r.text for r in results] == ["Có ý chính."] * 3
    # The first batch takes a chunk from each article in turn, so each reader sees movement.
    assert model.events[:7] == [
        ("dài", 0, 6), ("ngắn", 0, 1), ("vừa", 0, 3),
        ("batch", 1, 4), ("dài", 2, 6), ("ngắn", 1, 1), ("vừa", 1, 3),
    ]
    assert model.seen("dài") == [(0, 6), (2, 6), (5, 6), (6, 6)]
    assert model.seen("vừa") == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert model.batches == [(Length.SHORT, 4), (Length.SHORT, 4), (Length.SHORT, 2)]
    for name in ("dài", "ngắn", "vừa"):
        assert_reader_view(model.seen(name))


def test_a_short_summary_does_not_wait_for_every_long_one() -> None:
    model = Model()
    jobs = [model.job("dài", SENTENCES, Length.LONG), model.job("ngắn", SENTENCES[:1])]
    run_jobs(jobs, plan_for, model.generate, max_batch=2)
    assert [length for length, _ in model.batches[:2]] == [Length.LONG, Length.SHORT]
    assert model.events.index(("ngắn", 1, 1)) < model.events.index(("batch", 3, 2))
    assert_reader_view(model.seen("dài"))


def test_progress_ends_at_the_total_even_when_the_model_only_echoes() -> None:
    model = Model(echo=True)
    [result] = run_jobs([model.job("dài", SENTENCES)], plan_for, model.generate, max_batch=8)
    assert result.text.split() == " ".join(SENTENCES).split()
    assert model.seen("dài") == [(0, 6), (5, 5)]  # no reduce was worth running


def test_only_the_article_with_a_botched_chunk_is_marked() -> None:
    model = Model(botch=SENTENCES[3])
    jobs = [model.job("hỏng", SENTENCES), model.job("lành", SENTENCES[:2])]
    results = run_jobs(jobs, plan_for, model.generate, max_batch=8)
    # Five chunk summaries, then two of a first reduce (the stand-in is longer than a summary).
    assert [(r.stand_ins, r.parts) for r in results] == [(1, 7), (0, 2)]
    assert all(LOOP not in r.text for r in results)

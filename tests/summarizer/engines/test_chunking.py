"""Chunking on sentence boundaries and the map-reduce plan: nothing is ever dropped."""

from __future__ import annotations

import pytest

from summarizer.digest import Article, Length
from summarizer.engines.batching import Job, run_jobs
from summarizer.engines.chunking import MapReducePlan, chunk_sentences, stand_in
from summarizer.quality import is_degenerate
from summarizer.textnorm import count_words
from tests.summarizer.engines.samples import SENTENCES


def words(text: str) -> int:
    """A token counter where one word is one token, so limits are easy to reason about."""
    return len(text.split())


def test_chunks_end_on_sentence_boundaries_and_respect_the_limit() -> None:
    chunks = chunk_sentences(SENTENCES, words, limit=22)
    assert chunks == [
        " ".join(SENTENCES[0:2]),  # 9 + 11 words
        " ".join(SENTENCES[2:4]),  # 11 + 10 words
        SENTENCES[4],
    ]
    assert all(words(c) <= 22 for c in chunks)


def test_no_word_is_dropped_even_from_a_sentence_longer_than_the_limit() -> None:
    long_sentence = " ".join(f"từ{i}" for i in range(53)) + "."
    sentences = [SENTENCES[0], long_sentence, SENTENCES[1]]
    chunks = chunk_sentences(sentences, words, limit=20)
    assert " ".join(chunks).split() == " ".join(sentences).split()
    assert all(words(c) <= 20 for c in chunks)
    assert chunks[0] == SENTENCES[0]  # the long sentence starts its own chunk


def test_a_limit_below_one_token_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one token"):
        chunk_sentences(SENTENCES, words, limit=0)


def test_short_article_is_one_step_with_no_reduce() -> None:
    plan = MapReducePlan(SENTENCES, words, limit=1000)
    assert plan.pending == [" ".join(SENTENCES)]
    assert plan.total_steps == 1
    plan.feed(["Tóm tắt ngắn."])
    assert plan.finished and plan.result == "Tóm tắt ngắn."


def test_long_article_is_mapped_then_reduced_with_progress() -> None:
    seen_inputs: list[str] = []
    progress: list[tuple[int, int]] = []

    def generate(texts: list[str], length: Length) -> list[str]:
        seen_inputs.extend(texts)
        return [f"Ý chính số {len(seen_inputs)} của bài." for _ in texts]

    article = Article("Đường ven sông", (" ".join(SENTENCES),), tuple(SENTENCES))
    job = Job(article, Length.SHORT, lambda i, n: progress.append((i, n)))
    [result] = run_jobs([job], lambda j: MapReducePlan(j.article.sentences, words, 22), generate,
                        max_batch=1)
    assert seen_inputs[:3] == chunk_sentences(SENTENCES, words, 22)
    # The reduce step sees every chunk summary.
    assert seen_inputs[3] == "Ý chính số 1 của bài. Ý chính số 2 của bài. Ý chính số 3 của bài."
    assert result.text == "Ý chính số 4 của bài."
    assert progress == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


def test_summaries_that_do_not_shrink_are_kept_whole_instead_of_looping() -> None:
    plan = MapReducePlan(SENTENCES, words, limit=12)
    chunks = list(plan.pending)
    plan.feed(chunks)  # a model that echoes its input never gets shorter
    assert plan.finished
    assert plan.result is not None
    assert plan.result.split() == " ".join(SENTENCES).split()


# What a model stuck in a decoding loop writes: never fit for a reader.
LOOP = "của của của của của của của của"


def test_a_botched_chunk_summary_is_replaced_by_the_chunks_opening_before_the_reduce() -> None:
    plan = MapReducePlan(SENTENCES, words, limit=22, stand_in_words=12)
    assert len(plan.pending) == 3
    plan.feed(["Đường mới khởi công.", LOOP, "Nông sản đi nhanh."])
    # The second chunk opens with an 11-word sentence; the next one would pass 12 words.
    assert plan.pending == [f"Đường mới khởi công. {SENTENCES[2]} Nông sản đi nhanh."]
    assert (plan.stand_ins, plan.parts) == (1, 3)


def test_healthy_chunk_summaries_are_kept_and_nothing_is_counted() -> None:
    plan = MapReducePlan(SENTENCES, words, limit=22)
    summaries = ["Đường mới khởi công.", "Tỉnh đòi chất lượng.", "Nông sản đi nhanh."]
    plan.feed(summaries)
    assert plan.pending == [" ".join(summaries)]
    assert (plan.stand_ins, plan.parts) == (0, 3)


def test_kept_chunk_summaries_never_show_a_botched_one() -> None:
    plan = MapReducePlan(SENTENCES, words, limit=12)
    chunks = list(plan.pending)
    plan.feed([LOOP if i == 1 else chunk for i, chunk in enumerate(chunks)])  # echoes, one loop
    assert plan.result is not None
    assert LOOP not in plan.result and not is_degenerate(plan.result)
    assert plan.result.split() == " ".join(SENTENCES).split()  # the stand-in is chunk 2 itself
    assert plan.stand_ins == 1


def test_the_final_summary_is_left_to_the_caller_even_when_botched() -> None:
    plan = MapReducePlan(SENTENCES, words, limit=1000)
    plan.feed([LOOP])
    assert plan.result == LOOP and plan.stand_ins == 0  # the pipeline falls back for all of it


def test_a_stand_in_keeps_whole_sentences_within_the_budget() -> None:
    chunk = " ".join(SENTENCES)
    assert stand_in(chunk, 40) == " ".join(SENTENCES[:3])  # 9 + 11 + 11 words; 10 more is 41


def test_a_stand_in_for_one_long_sentence_is_cut_to_the_budget() -> None:
    long_sentence = "Tỉnh Lâm Hà " + " ".join(["xây thêm cầu"] * 20) + "."
    cut = stand_in(long_sentence, 10)
    assert 0 < count_words(cut) <= 10
    assert cut.startswith("Tỉnh Lâm Hà xây") and cut.endswith("…")

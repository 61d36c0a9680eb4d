"""Chunking on sentence boundaries and the map-reduce plan: nothing is ever dropped."""

from __future__ import annotations

import pytest

from summarizer.engines.chunking import MapReducePlan, chunk_sentences, map_reduce

SENTENCES = [
    "Tỉnh Lâm Hà khởi công tuyến đường ven sông.",
    "Tổng vốn đầu tư là một nghìn hai trăm tỷ đồng.",
    "Chủ tịch tỉnh yêu cầu nhà thầu bảo đảm chất lượng.",
    "Tuyến đường có bốn làn xe và hai cầu lớn.",
    "Người dân kỳ vọng nông sản được vận chuyển nhanh hơn.",
]


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

    def summarize_batch(texts: list[str]) -> list[str]:
        seen_inputs.extend(texts)
        return [f"Ý {len(seen_inputs)}." for _ in texts]

    result = map_reduce(SENTENCES, words, 22, summarize_batch, lambda i, n: progress.append((i, n)))
    assert seen_inputs[:3] == chunk_sentences(SENTENCES, words, 22)
    assert seen_inputs[3] == "Ý 1. Ý 2. Ý 3."  # the reduce step sees every chunk summary
    assert result == "Ý 4."
    assert progress == [(1, 4), (2, 4), (3, 4), (4, 4)]


def test_summaries_that_do_not_shrink_are_kept_whole_instead_of_looping() -> None:
    plan = MapReducePlan(SENTENCES, words, limit=12)
    chunks = list(plan.pending)
    plan.feed(chunks)  # a model that echoes its input never gets shorter
    assert plan.finished
    assert plan.result is not None
    assert plan.result.split() == " ".join(SENTENCES).split()

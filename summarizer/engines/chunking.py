"""Token-aware chunking on sentence boundaries, and the map-reduce plan over chunks."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from summarizer.engines.clauses import cut_to
from summarizer.quality import is_degenerate
from summarizer.sentences import split_sentences
from summarizer.textnorm import count_words

TokenCounter = Callable[[str], int]
# Enough for any accepted input: each round shrinks the text several times over.
MAX_ROUNDS = 6
# A map summary is decoded to the reader's word budget; the medium one when none is given.
DEFAULT_STAND_IN_WORDS = 70


def _pack(
    items: Sequence[tuple[str, int]], count: TokenCounter, limit: int, *, by_sum: bool
) -> list[tuple[str, int]]:
    """Join items greedily, in order, into pieces of at most `limit` tokens; with their counts.

    A piece ends where the join of its items would count over the limit (with `by_sum`, also
    where the items' own counts add up over it). Each piece is guessed from the items' counts
    and its join counted once; the join is re-counted item by item only when a tokenizer counts
    it differently from its parts, so the result is what re-counting every join would give.
    """
    pieces: list[tuple[str, int]] = []
    start = 0
    while start < len(items):
        end, used = start + 1, items[start][1]
        while end < len(items) and used + items[end][1] <= limit:
            used += items[end][1]
            end += 1
        text = " ".join(t for t, _ in items[start:end])
        tokens = count(text) if end > start + 1 else items[start][1]
        if tokens > limit and end > start + 1:
            # The join counts more than its parts: grow the piece one item at a time.
            text, tokens, end = _grow(items, start, start + 1, end, count, limit)
        elif not by_sum:
            # The join may count less than its parts: it can take more items.
            text, tokens, end = _grow(items, start, end, len(items), count, limit, text, tokens)
        pieces.append((text, tokens))
        start = end
    return pieces


def _grow(
    items: Sequence[tuple[str, int]], start: int, end: int, stop: int, count: TokenCounter,
    limit: int, text: str | None = None, tokens: int | None = None,
) -> tuple[str, int, int]:
    """Extend items[start:end] while the join, re-counted, stays within the limit (before stop)."""
    if text is None or tokens is None:
        text = " ".join(t for t, _ in items[start:end])
        tokens = count(text) if end > start + 1 else items[start][1]
    while end < stop:
        candidate = f"{text} {items[end][0]}"
        counted = count(candidate)
        if counted > limit:
            break
        text, tokens, end = candidate, counted, end + 1
    return text, tokens, end


def _split_long_sentence(sentence: str, count: TokenCounter, limit: int) -> list[tuple[str, int]]:
    """Cut a sentence longer than the limit on word boundaries, keeping every word; with counts."""
    return _pack([(w, count(w)) for w in sentence.split()], count, limit, by_sum=False)


def chunk_sentences(sentences: Sequence[str], count: TokenCounter, limit: int) -> list[str]:
    """Pack whole sentences, in order, into chunks of at most `limit` tokens each.

    A single sentence longer than the limit is cut on word boundaries; no word is dropped.
    """
    if limit < 1:
        raise ValueError("chunk limit must be at least one token")
    units: list[tuple[str, int]] = []
    for sentence in sentences:
        tokens = count(sentence)
        if tokens > limit:
            units += _split_long_sentence(sentence, count, limit)
        elif sentence.strip():
            units.append((sentence.strip(), tokens))
    # Joining sentences can merge a boundary token, so _pack counts each join it keeps.
    return [text for text, _ in _pack(units, count, limit, by_sum=True)]


def stand_in(chunk: str, words: int) -> str:
    """The chunk's opening sentences within `words` words, in place of a botched summary."""
    taken: list[str] = []
    used = 0
    for sentence in split_sentences(chunk):
        size = count_words(sentence)
        if used + size > words:
            if not taken:  # one sentence over the budget: its opening clauses or words
                taken.append(cut_to(sentence, words))
            break
        taken.append(sentence)
        used += size
    return " ".join(taken)


class MapReducePlan:
    """One article's way through map (chunk summaries) and reduce (summary of summaries).

    A part summary that `is_degenerate` is replaced by `stand_in` before anything is built on
    it; the final summary is left to the caller, who can fall back for the whole article.
    """

    def __init__(
        self,
        sentences: Sequence[str],
        count: TokenCounter,
        limit: int,
        stand_in_words: int = DEFAULT_STAND_IN_WORDS,
    ) -> None:
        self._count = count
        self._limit = limit
        self._stand_in_words = stand_in_words
        self.stand_ins = 0
        self.parts = 0
        self.pending: list[str] = chunk_sentences(sentences, count, limit) or [""]
        self.result: str | None = None
        self.done_steps = 0
        self.rounds = 0
        # One step per chunk, plus one reduce step when there is more than one chunk.
        self.total_steps = len(self.pending) + (1 if len(self.pending) > 1 else 0)

    @property
    def finished(self) -> bool:
        """True once the final summary is known."""
        return self.result is not None

    def feed(self, summaries: list[str]) -> None:
        """Take the summaries of `pending`; finish, or plan the next (reduce) round."""
        if len(summaries) != len(self.pending):
            raise ValueError("one summary per pending chunk is required")
        self.done_steps += len(summaries)
        if len(summaries) == 1:
            self._finish(summaries[0].strip())
            return
        summaries = [self._checked(c, s) for c, s in zip(self.pending, summaries, strict=True)]
        sentences = [s for summary in summaries for s in split_sentences(summary.strip())]
        pending = chunk_sentences(sentences, self._count, self._limit) or [""]
        self.rounds += 1
        if len(pending) >= len(summaries) or self.rounds >= MAX_ROUNDS:
            # The summaries are not shrinking (a model that echoes its input): keep them all
            # rather than loop for ever or drop any.
            self._finish(" ".join(s.strip() for s in summaries if s.strip()))
            return
        self.pending = pending
        # Another round of reduce is needed only when the combined summaries still overflow.
        extra = 1 if len(self.pending) > 1 else 0
        self.total_steps = self.done_steps + len(self.pending) + extra

    def _finish(self, result: str) -> None:
        """Keep the final summary; no step is left."""
        self.result = result
        self.pending = []
        self.total_steps = self.done_steps

    def _checked(self, chunk: str, summary: str) -> str:
        """The summary, or the chunk's stand-in when the model's output is unusable."""
        self.parts += 1
        if not is_degenerate(summary):
            return summary
        self.stand_ins += 1
        return stand_in(chunk, self._stand_in_words)

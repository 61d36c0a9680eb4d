"""Token-aware chunking on sentence boundaries, and the map-reduce plan over chunks."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from summarizer.engines.compress import cut_to
from summarizer.quality import is_degenerate
from summarizer.sentences import split_sentences
from summarizer.textnorm import count_words

TokenCounter = Callable[[str], int]
# Enough for any accepted input: each round shrinks the text several times over.
MAX_ROUNDS = 6
# A map summary is decoded to the reader's word budget; the medium one when none is given.
DEFAULT_STAND_IN_WORDS = 70


def _split_long_sentence(sentence: str, count: TokenCounter, limit: int) -> list[str]:
    """Cut a sentence longer than the limit on word boundaries, keeping every word."""
    pieces: list[str] = []
    current: list[str] = []
    for word in sentence.split():
        candidate = " ".join([*current, word])
        if current and count(candidate) > limit:
            pieces.append(" ".join(current))
            current = [word]
        else:
            current.append(word)
    if current:
        pieces.append(" ".join(current))
    return pieces


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
            units += [(p, count(p)) for p in _split_long_sentence(sentence, count, limit)]
        elif sentence.strip():
            units.append((sentence.strip(), tokens))
    chunks: list[str] = []
    current: list[str] = []
    used = 0
    for text, tokens in units:
        # Joining sentences can merge a boundary token, so re-count the join near the limit.
        if current and (used + tokens > limit or count(" ".join([*current, text])) > limit):
            chunks.append(" ".join(current))
            current, used = [], 0
        current.append(text)
        used += tokens
    if current:
        chunks.append(" ".join(current))
    return chunks


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
            self.result = summaries[0].strip()
            self.pending = []
            self.total_steps = self.done_steps
            return
        summaries = [self._checked(c, s) for c, s in zip(self.pending, summaries, strict=True)]
        sentences = [s for summary in summaries for s in split_sentences(summary.strip())]
        pending = chunk_sentences(sentences, self._count, self._limit) or [""]
        self.rounds += 1
        if len(pending) >= len(summaries) or self.rounds >= MAX_ROUNDS:
            # The summaries are not shrinking (a model that echoes its input): keep them all
            # rather than loop for ever or drop any.
            self.result = " ".join(s.strip() for s in summaries if s.strip())
            self.pending = []
            self.total_steps = self.done_steps
            return
        self.pending = pending
        # Another round of reduce is needed only when the combined summaries still overflow.
        extra = 1 if len(self.pending) > 1 else 0
        self.total_steps = self.done_steps + len(self.pending) + extra

    def _checked(self, chunk: str, summary: str) -> str:
        """The summary, or the chunk's stand-in when the model's output is unusable."""
        self.parts += 1
        if not is_degenerate(summary):
            return summary
        self.stand_ins += 1
        return stand_in(chunk, self._stand_in_words)

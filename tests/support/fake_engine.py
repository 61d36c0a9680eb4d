"""A scripted engine for tests of the bot (the engine protocol seam), outside the product."""

from __future__ import annotations

import threading

from summarizer.digest import Article, Length
from summarizer.engines.base import EngineUnavailable, ProgressCallback


class FakeEngine:
    """Returns the article's first sentence (or a fixed text), optionally slowly or failing."""

    name = "fake"
    model_id: str | None = None

    def __init__(
        self,
        summary: str | None = None,
        *,
        delay_s: float = 0.0,
        failures: int = 0,
        chunks: int = 1,
    ) -> None:
        self.summary = summary
        self.delay_s = delay_s
        self.failures = failures
        self.chunks = chunks
        self.calls = 0
        self.release = threading.Event()  # set it to end a delay early
        self._lock = threading.Lock()

    def summarize(
        self, article: Article, length: Length, progress: ProgressCallback | None = None
    ) -> str:
        """The scripted summary; raises EngineUnavailable while `failures` remain."""
        with self._lock:
            self.calls += 1
            if self.failures > 0:
                self.failures -= 1
                raise EngineUnavailable("scripted failure")
        for done in range(1, self.chunks + 1):
            if self.delay_s:
                self.release.wait(self.delay_s / self.chunks)
            if progress is not None:
                progress(done, self.chunks)
        if self.summary is not None:
            return self.summary
        first = article.sentences[0] if article.sentences else article.body[:200]
        return first

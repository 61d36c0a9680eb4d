"""The one protocol every summary engine implements."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from summarizer.digest import Article, Length

# Called as progress(done, total) while a long article is summarised chunk by chunk.
ProgressCallback = Callable[[int, int], None]


class EngineUnavailable(RuntimeError):
    """The engine cannot run here (model missing, optional dependency absent)."""


@runtime_checkable
class Engine(Protocol):
    """Turns a cleaned article into summary text."""

    name: str
    model_id: str | None

    def summarize(
        self, article: Article, length: Length, progress: ProgressCallback | None = None
    ) -> str:
        """Return the summary text; raise EngineUnavailable when it cannot run."""
        ...

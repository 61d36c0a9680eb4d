"""The one protocol every summary engine implements."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Protocol, runtime_checkable

from summarizer.digest import Article, Length

# Called as progress(done, total) while a long article is summarised chunk by chunk.
ProgressCallback = Callable[[int, int], None]


class EngineUnavailable(RuntimeError):
    """The engine cannot run here (model missing, optional dependency absent)."""


FAST_HINT = "install the fast path with: pip install 'tomtat[fast]'"


def import_runtime(module: str, label: str) -> ModuleType:
    """An optional runtime's module, or EngineUnavailable saying how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise EngineUnavailable(f"{label} is not installed; {FAST_HINT}") from exc


def runtime_available(module: str) -> bool:
    """True when the optional runtime can be imported."""
    try:
        import_runtime(module, module)
    except EngineUnavailable:
        return False
    return True


@dataclass(frozen=True)
class EngineResult:
    """Summary text, and how many of the part summaries behind it are extractive stand-ins."""

    text: str
    stand_ins: int = 0  # part summaries the model botched, replaced by the part's own sentences
    parts: int = 0  # part summaries written on the way to the final one (0: one chunk)


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


@runtime_checkable
class ReportingEngine(Protocol):
    """An engine that also says which parts of its summary it could not write itself."""

    def summarize_result(
        self, article: Article, length: Length, progress: ProgressCallback | None = None
    ) -> EngineResult:
        """The summary with its stand-in count; raise EngineUnavailable when it cannot run."""
        ...

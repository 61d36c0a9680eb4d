"""Engine selection: auto | extractive | abstractive."""

from __future__ import annotations

from summarizer.engines.base import Engine, EngineUnavailable
from summarizer.engines.extractive import ExtractiveEngine


def load_engine(kind: str = "auto", model: str | None = None) -> Engine:
    """Return the engine to use; `auto` falls back to the embedded extractive engine."""
    if kind == "extractive":
        return ExtractiveEngine()
    if kind == "abstractive":
        raise EngineUnavailable("the abstractive engine is not built yet")
    return ExtractiveEngine()

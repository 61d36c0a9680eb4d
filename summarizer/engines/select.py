"""Engine selection: auto | extractive | abstractive."""

from __future__ import annotations

import logging

from summarizer.engines.abstractive import AbstractiveEngine, unavailable_message
from summarizer.engines.base import Engine, EngineUnavailable
from summarizer.engines.choices import KINDS
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.generation import DEFAULT_MODEL
from summarizer.engines.locate import locate_model
from summarizer.engines.runtimes import no_runtime_message, pick_runtime, runtime_dir

log = logging.getLogger(__name__)


def load_engine(kind: str = "auto", model: str | None = None, threads: int | None = None) -> Engine:
    """Return the engine to use; `auto` falls back to the embedded extractive engine.

    The model itself is loaded lazily, on the first summary, by whichever thread runs it.
    """
    if kind not in KINDS:
        raise EngineUnavailable(f"unknown engine {kind!r}; choose one of {', '.join(KINDS)}")
    if kind == "extractive":
        log.info("engine: extractive")
        return ExtractiveEngine()
    model_id = model or DEFAULT_MODEL
    files = locate_model(model_id)
    if files is None:
        if kind == "abstractive":
            raise EngineUnavailable(unavailable_message(model_id))
        log.info("engine: extractive (model %s is not available locally)", model_id)
        return ExtractiveEngine()
    chosen = pick_runtime(files)
    if chosen is None:
        if kind == "abstractive":
            raise EngineUnavailable(no_runtime_message(files))
        log.info("engine: extractive (no runtime installed for the copy of %s)", model_id)
        return ExtractiveEngine()
    log.info("engine: abstractive (%s from %s)", model_id, runtime_dir(files, chosen))
    return AbstractiveEngine(model_id, files=files, threads=threads)

"""Which engine kinds can run here, checked without importing an engine: a process that takes
updates but summarises nothing (`tomtat run --role ingress`) still shows them in /settings."""

from __future__ import annotations

from summarizer.engines.generation import DEFAULT_MODEL
from summarizer.engines.locate import locate_model

KINDS = ("auto", "extractive", "abstractive")


def available_engines(model: str | None = None) -> tuple[str, ...]:
    """The kinds that can run here: files and runtimes are checked, no model is loaded."""
    files = locate_model(model or DEFAULT_MODEL)
    if files is None:
        return ("auto", "extractive")
    # The runtime adapters (and numpy) only where a model's files are.
    from summarizer.engines.runtimes import pick_runtime

    if pick_runtime(files) is None:
        return ("auto", "extractive")
    return KINDS

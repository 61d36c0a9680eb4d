"""Pure-Python Vietnamese news digests: clean page → sentences → summary → officials, decisions.

The domain values and the input rule import at once; `summarize` loads the pipeline (and numpy)
on first use, so `storage` and other readers of digests never pay for the pipeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.digest import Article, Decision, Digest, Length, Official
from summarizer.input_rule import InputError

if TYPE_CHECKING:
    from summarizer.pipeline import summarize

__all__ = ["Article", "Decision", "Digest", "InputError", "Length", "Official", "summarize"]

_LAZY = {"summarize"}


def __getattr__(name: str) -> object:
    """Load the pipeline only when `summarize` is first asked for."""
    if name in _LAZY:
        from summarizer import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")

"""Pure-Python Vietnamese news digests: clean page → sentences → summary → officials, decisions."""

from summarizer.digest import Article, Decision, Digest, Length, Official
from summarizer.pipeline import InputError, summarize

__all__ = ["Article", "Decision", "Digest", "InputError", "Length", "Official", "summarize"]

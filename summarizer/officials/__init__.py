"""Key officials: named people with a position, merged across mentions, most important first."""

from summarizer.officials.merge import extract_officials

__all__ = ["extract_officials"]

"""Vietnamese sentence splitting (placeholder: naive punctuation split)."""

from __future__ import annotations

import re

_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])")


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences."""
    return [s.strip() for s in _END.split(paragraph) if s.strip()]

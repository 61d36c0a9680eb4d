"""Checks that keep a broken model output from reaching a reader."""

from __future__ import annotations

from summarizer.textnorm import syllables

_VIETNAMESE_MARKS = set("ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def is_degenerate(summary: str) -> bool:
    """True for empty output, runaway repetition or text with no Vietnamese in it."""
    words = [w.lower() for w in syllables(summary)]
    if len(words) < 3:
        return True
    if len(set(words)) / len(words) < 0.3:
        return True
    return not any(ch in _VIETNAMESE_MARKS for ch in summary.lower())

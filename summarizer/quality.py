"""Checks that keep a broken model output from reaching a reader."""

from __future__ import annotations

import re
from collections import Counter

from summarizer.textnorm import strip_diacritics, syllables

_VIETNAMESE_MARKS = set("ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")
# Every Vietnamese syllable has a vowel; numbers are fine words in a summary too.
_WORDLIKE = re.compile(r"[aeiouy]|^\d+$")
MIN_WORDS = 3
MIN_DISTINCT_SHARE = 0.3
MIN_WORDLIKE_SHARE = 0.6
# A trigram said this often is a decoding loop, not style.
MAX_TRIGRAM_REPEATS = 3


def is_degenerate(summary: str) -> bool:
    """True for empty output, runaway repetition or text with no Vietnamese in it."""
    words = [w.lower() for w in syllables(summary)]
    if len(words) < MIN_WORDS:
        return True
    if len(set(words)) / len(words) < MIN_DISTINCT_SHARE:
        return True
    wordlike = sum(1 for w in words if _WORDLIKE.search(strip_diacritics(w)))
    if wordlike / len(words) < MIN_WORDLIKE_SHARE:
        return True
    trigrams = Counter(zip(words, words[1:], words[2:], strict=False))
    if trigrams and max(trigrams.values()) > MAX_TRIGRAM_REPEATS:
        return True
    return not any(ch in _VIETNAMESE_MARKS for ch in summary.lower())

"""Positions written before a name ("Bí thư Tỉnh uỷ Nguyễn Hồ Hải"), read walking left."""

from __future__ import annotations

from summarizer.gazetteers import ranks
from summarizer.officials.names import HONORIFICS
from summarizer.officials.position_words import MAX_BODY, WHEN
from summarizer.officials.positions import Paragraph


def _position_ending(para: Paragraph, k: int, limit: int) -> int | None:
    """Start of a position whose last token is k (walking left), else None."""
    steps = 0
    while k >= limit and steps < MAX_BODY:
        if k in para.head_ending:
            start = para.head_ending[k]
            while start - 1 in para.head_ending and start - 1 not in para.name_tokens:
                start = para.head_ending[start - 1]
            if para.prefix_at(start - 1):
                start -= 1
            return start
        if not para.body(k):
            return None
        k -= 1
        steps += 1
    return None


def _skip_between(para: Paragraph, k: int) -> int:
    """Last token of a position before a name ending at k: past honorific, rank, "lúc đó là"."""
    folded, tokens = para.folded, para.tokens
    for _ in range(6):
        if k < 0:
            break
        two = f"{folded[k - 1]} {folded[k]}" if k > 0 else ""
        rank = 0 if k in para.head_ending else ranks().match_ending(folded, k)
        if two in HONORIFICS or folded[k] in HONORIFICS:
            k -= 2 if two in HONORIFICS else 1
            # "Phó Chủ tịch UBND tỉnh, ông Lê Văn Tâm", "… kiêm Phó Tổng giám đốc - bà X"
            if k > 0 and tokens[k].text in {",", "-", "–"} and k - 1 not in para.name_tokens:
                k -= 1
        elif folded[k] == "là":
            k -= 1
            while k >= 0 and folded[k] in WHEN:
                k -= 1
            # "bộ trưởng Bộ GTVT (lúc ấy là ông Đinh La Thăng)"
            if k > 0 and tokens[k].text == "(":
                k -= 1
        elif rank:
            k -= rank
            if k >= 0 and tokens[k].text == ",":
                k -= 1
        else:
            break
    return k


def titles_before(para: Paragraph, name_start: int) -> list[tuple[int, int]]:
    """Positions written before the name ("Bí thư Tỉnh uỷ Nguyễn Hồ Hải")."""
    k = _skip_between(para, name_start - 1)
    titles: list[tuple[int, int]] = []
    start = _position_ending(para, k, 0) if k >= 0 else None
    if start is not None and k != name_start - 1 and para.weak(start):
        return titles  # "hai nhà lãnh đạo tại …, ông Duterte": a loose role, not his
    while start is not None:
        titles.append((start, k + 1))
        # "Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng": more positions joined by commas.
        joiner = start - 1
        if joiner < 1 or not (para.tokens[joiner].text == "," or para.folded[joiner] == "kiêm"):
            break
        if joiner - 1 in para.name_ends:
            break
        k = joiner - 1
        start = _position_ending(para, k, 0)
        if start is not None and para.weak(start):
            break
    return titles[::-1]

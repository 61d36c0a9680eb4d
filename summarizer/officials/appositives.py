"""Positions written after a name ("Lữ Văn Hùng, Uỷ viên BCH Trung ương Đảng, Trưởng đoàn …")."""

from __future__ import annotations

from summarizer.officials.position_words import (
    CLOSERS,
    HOLDING,
    JOINERS,
    LEAD_INS,
    MAX_TAIL,
    RELATIVES,
    SEPARATORS,
    TAIL_STOP,
)
from summarizer.officials.positions import Paragraph


def _extent(para: Paragraph, i: int, absorb: bool = False) -> tuple[int, bool]:
    """End of the position body starting at i; True when it runs into another name.

    With `absorb`, a lone foreign word is read as an organisation inside the position.
    """
    n = len(para.tokens)
    while i < n:
        if i in para.name_starts or (i in para.name_span and not absorb):
            return i, True
        if i in para.name_span:
            para.consumed.add(i)
            i = para.name_span[i]
            continue
        if i in para.head_at:
            i = para.head_at[i]
            continue
        if not para.body(i):
            break
        i += 1
    return i, False


def _closed_tail(para: Paragraph, end: int) -> int:
    """Stretch an appositive over plain words when a comma closes it soon after.

    ("Fletcher Barkdull, giám đốc khu vực của Boeing, đã có mặt …")
    """
    n, k = len(para.tokens), end
    while k < n and k - end < MAX_TAIL:
        tok = para.tokens[k]
        if tok.text in CLOSERS:
            return k
        if not tok.is_word or para.folded[k] in TAIL_STOP or k in para.name_tokens:
            return end
        k += 1
    return end


def _trim(para: Paragraph, start: int, end: int) -> int:
    """The end of a position without the joiners and dashes trailing it."""
    while end > start + 1 and (
        para.folded[end - 1] in JOINERS or para.tokens[end - 1].text in {"-", "&"}
    ):
        end -= 1
    return end


def _head_in_brackets(para: Paragraph, j: int, start: int) -> int | None:
    """A head a little further inside brackets, not past "vợ", "con" and the like.

    ("(thời điểm giữ chức Chủ tịch …)", "(41 tuổi, phó chủ tịch …)")
    """
    n = len(para.tokens)
    while (
        j < n
        and j - start < 8
        and j not in para.head_at
        and para.tokens[j].text != ")"
        and not para.tokens[j].is_title_case
        and para.folded[j] not in RELATIVES
    ):
        j += 1
    return j if j in para.head_at else None


def _appositive_head(para: Paragraph, j: int) -> tuple[int, int, bool] | None:
    """(start, head, in brackets) of an appositive position opening at separator j."""
    n, folded = len(para.tokens), para.folded
    if j + 1 < n and (folded[j], folded[j + 1]) in HOLDING:
        j += 1
    elif not (para.tokens[j].text in SEPARATORS or folded[j] in SEPARATORS):
        return None
    opened = para.tokens[j].text == "("
    j += 1
    skipped = 0
    while j < n and j not in para.head_at and folded[j] in LEAD_INS and skipped < 5:
        j += 1
        skipped += 1
    start = j
    if j < n and para.prefix_at(j):
        j += 1
    if j not in para.head_at:
        found = _head_in_brackets(para, j, start) if opened else None
        if found is None:
            return None
        start = j = found
    return None if para.weak(j) else (start, j, opened)


def titles_after(
    para: Paragraph, name_end: int, need_close: bool = False, absorb: bool = False
) -> list[tuple[int, int]]:
    """Appositive positions ("Lữ Văn Hùng, Uỷ viên BCH Trung ương Đảng, Trưởng đoàn …").

    With `need_close` ("Theo ông X, …") an appositive must end in punctuation, since a
    clause follows the comma.
    """
    titles: list[tuple[int, int]] = []
    j, n = name_end, len(para.tokens)
    while j < n:
        opening = _appositive_head(para, j)
        if opening is None:
            break
        start, j, opened = opening
        end, hit_name = _extent(para, para.head_at[j], absorb)
        if hit_name:
            name_end = para.name_span.get(end, end)
            if not (opened and name_end < n and para.tokens[name_end].text == ")"):
                break
            para.consumed.add(end)
            end = name_end
        end = _closed_tail(para, end)
        if need_close and end < n and para.tokens[end].is_word:
            break
        titles.append((start, _trim(para, start, end)))
        j = end
    return titles

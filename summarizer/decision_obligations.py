"""Obligations laid on someone without a cue word (`các xã phải …`, `cần …`, `không được …`)."""

from __future__ import annotations

import re

from summarizer.decision_text import QUOTES
from summarizer.textnorm import lower_unify_tones, syllables

# An obligation laid on someone (`các xã phải …`, `cần …`, `không được …`).
_MODAL = re.compile(
    lower_unify_tones(r"(?<!\w)(?:cần phải|buộc phải|phải|cần|không được|nghiêm cấm)(?!\w)")
)
_NOT_OBLIGATION_BEFORE = frozenset(
    lower_unify_tones(w)
    for w in ("không", "đã", "đành", "chẳng", "có", "liệu", "chưa", "lại", "nên")
)
_NOT_OBLIGATION_AFTER = re.compile(
    lower_unify_tones(
        r"\s*(?:chăng|không|là|mất|chịu|nhập viện|cấp cứu|thiết|đến|tới|đối mặt|nói|có thời gian"
        r"|thời gian|nhiều thời gian|[,.?!]|$)"
        r"|(?<=được)\s+(?:giao|cấp|nhận|hưởng|công nhận|phê duyệt|chấp thuận|bồi thường|trả|mời)"
        r"(?!\w)"
    )
)
# A condition, a forecast or a hope lays no obligation (`nếu …`, `có thể …`, `liệu …`).
CONDITION = re.compile(
    lower_unify_tones(
        r"(?<!\w)(?:nếu|có thể|khi|liệu|hay không|dự báo|bao nhiêu|kỳ vọng|được cho là|hy vọng)"
        r"(?!\w)"
    )
)
# A pledge in the first person is no directive to others (`Cá nhân tôi xin hứa … phải …`).
FIRST_PERSON = re.compile(
    lower_unify_tones(
        r"(?<!\w)(?:tôi|chúng tôi|cá nhân tôi|tớ|mình|bạn|chúng ta|người ta|ta|muốn|trước đây"
        r"|từng|thường|luôn)(?!\w)"
    )
)


def obligation(folded: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The first modal that lays an obligation on someone (not `không phải`, `phải mất`)."""
    for match in _MODAL.finditer(folded, start, len(folded) if end is None else end):
        before = re.findall(r"\w+", folded[max(0, match.start() - 12) : match.start()])
        if before and before[-1] in _NOT_OBLIGATION_BEFORE:
            continue
        # `khiến đơn vị thu phí phải xả trạm`: forced by events, not ordered.
        if re.search(r"(?<!\w)(?:khiến|buộc|làm cho)(?!\w)", " ".join(before[-5:])):
            continue
        if _NOT_OBLIGATION_AFTER.match(folded, match.end()):
            continue
        return match
    return None


def modal_clause(sentence: str, folded: str, start: int, end: int) -> str | None:
    """The clause between start and end that holds an obligation, cut short."""
    modal = obligation(folded, start, end)
    if modal is None:
        return None
    semis = [m.end() for m in re.finditer(r";\s*", sentence[start : modal.start()])]
    begin = start + (semis[-1] if semis else 0)
    if len(syllables(sentence[begin : modal.start()])) > 12:
        # Start at the latest comma that still leaves the obligation its subject.
        commas = [m.end() for m in re.finditer(r",\s+", sentence[begin : modal.start()])]
        for comma in reversed(commas):
            if len(syllables(sentence[begin + comma : modal.start()])) >= 2:
                begin += comma
                break
    stop = sentence.find(";", modal.end(), end)
    clause = sentence[begin : stop if stop >= 0 else end].strip(QUOTES + ",.;:-–")
    conditional = CONDITION.match(lower_unify_tones(clause))
    if conditional or FIRST_PERSON.search(folded, start, modal.start()):
        return None
    return clause if len(syllables(clause)) >= 5 else None

"""Sentence trimming: shorter variants of a sentence without its low-value clauses."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from summarizer.engines.clauses import body_and_end, finish, join_clauses, split_clauses
from summarizer.engines.coherence import clean_cut, leaves_bare_pronoun, strip_link, subjectless
from summarizer.textnorm import count_words

# Operations, in the order they are tried; their names are scorer features.
OPS = ("paren", "lead", "attrib", "tail1", "tail2", "first")

_PAREN = re.compile(r"\s*\([^()]{0,120}\)")
# "ông A - chủ tịch UBND xã B - cho biết …": an appositive between dashes goes like brackets
# (lower case on both sides: "Hà Nội - Hải Phòng - Quảng Ninh" is a route, not an appositive).
_LOWER = "".join(c for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower())
_DASHED = re.compile(
    rf"(?<=\w)\s[-–]\s(?=[{_LOWER}])[^-–()\d\"“”]{{3,80}}?\s[-–]\s(?=[{_LOWER}])"
)

# A leading comma segment starting like this is a time/place/discourse adverbial.
_LEAD_WORDS = (
    "ngày|sáng|chiều|tối|trưa|đêm|rạng sáng|khuya|khoảng|vào|tại|trong|hôm|hiện|hiện nay|"
    "trước đó|sau đó|đến nay|tới nay|năm|tháng|tuần|cùng ngày|từ|theo đó|ngoài ra|bên cạnh đó|"
    "đồng thời|tuy nhiên|trước tình hình|mới đây|gần đây|thời gian qua|cũng trong|ở|qua|"
    "trên|dưới|sau|trước|nói về|liên quan|về|được biết|thực tế|cụ thể|đặc biệt|như vậy|"
    "do đó|vì vậy|chính vì thế|bởi vậy|trước đây|lúc|đầu|cuối|giữa|dịp|nhân dịp|tiếp đó|"
    "hiện tại|sau khi|trước khi|khi|theo"
)
_LEAD = re.compile(rf"^(?:{_LEAD_WORDS})\b", re.IGNORECASE)

# Verbs of saying: a clause ending in one of them is an attribution ("…, ông A cho biết.").
_SAY = (
    "cho biết|cho hay|nói|khẳng định|chia sẻ|nhấn mạnh|thông tin|trả lời|lý giải|lí giải|"
    "giải thích|tiết lộ|thừa nhận|phát biểu|nhận định|đánh giá|thông báo|bày tỏ|kể|viết|"
    "cho rằng|nhận xét|tuyên bố|xác nhận|đưa tin|dẫn lời|khẳng định thêm|nêu|nói thêm|"
    "trao đổi|phân tích|chia sẻ thêm|cho biết thêm|thông tin thêm|kể lại|nhớ lại|tâm sự"
)
_ATTRIB_TAIL = re.compile(rf"^[^,;]{{0,60}}\b(?:{_SAY})(?:\s+với\s+[^,;]{{1,40}})?$", re.IGNORECASE)
_THEO_TAIL = re.compile(r"^(?:theo|dẫn theo|nguồn)\s+[^,;]{1,50}$", re.IGNORECASE)
# "Hãng tin AFP cho biết 300 con robot…": a short speaker before a verb of saying.
_HEAD_SAY = "cho biết|cho hay|khẳng định|thông báo|tiết lộ|đưa tin|xác nhận"
_ATTRIB_HEAD = re.compile(
    rf"^([^,;\"“()]{{3,50}}?)\s+(?:{_HEAD_SAY})\s*(?:,|:|rằng)?\s+", re.IGNORECASE
)
_BARE_SAY = re.compile(rf"^(?:{_SAY})$", re.IGNORECASE)
_PERSON = re.compile(
    r"^(?:ông|bà|anh|chị|cô|chú|bác|em|TS|ThS|PGS|GS|BS|luật sư|đại diện|lãnh đạo|người|"
    r"giám đốc|chủ tịch|trưởng|phó|thứ trưởng|bộ trưởng|đại tá|thượng tá|trung tá)\b",
)
_ENDS_SAYING = re.compile(rf"\b(?:{_SAY})$", re.IGNORECASE)

# A trailing comma clause starting like this elaborates and can go.
_TAIL_WORDS = (
    "khi|sau khi|trong khi|vì|do|nhằm|để|với|nhưng|trong đó|bởi|nhờ|dù|mặc dù|từ|tại|"
    "theo|cho|và|đồng thời|gồm|bao gồm|như|kể cả|thay vì|trước khi|khiến|làm|gây|song|"
    "tuy nhiên|còn|thậm chí|đặc biệt|nơi|trong|ở|thuộc|tức|hay|hoặc|cùng|mà|sau đó|rồi"
)
_TAIL = re.compile(rf"^(?:{_TAIL_WORDS})\b", re.IGNORECASE)

# A first clause opening like this is subordinate: it never stands as a sentence by itself.
_SUBORDINATE = re.compile(
    r"^(?:nếu|khi|dù|mặc dù|tuy|vì|do|để|nhằm|với|bởi|nhờ|nối tiếp|tiếp nối|trả lời|"
    r"sau khi|trước khi|trong khi|đối với|về việc|thay vì|giống như|như)\b",
    re.IGNORECASE,
)
_LIST_START = re.compile(r"\b(?:các|những|mọi|cả|hai|ba|nhiều)\s+\S+(?:\s+\S+)?$", re.IGNORECASE)
_MIN_KEPT = 6
_MIN_FIRST = 8


@dataclass(frozen=True)
class Variant:
    """One way to say a sentence: its text and the trimming operations applied."""

    text: str
    ops: frozenset[str]


def _drop_paren(body: str) -> str:
    return _DASHED.sub(" ", _PAREN.sub("", body))


def _drop_lead(body: str) -> str:
    segments = split_clauses(body)
    if len(segments) >= 2 and _LEAD.match(segments[0]) and count_words(segments[0]) <= 16:
        rest = join_clauses(segments[1:])
        # "Theo ông A, Giám đốc Sở B, …": a capital after "theo …," starts an appositive.
        appositive = segments[0].lower().startswith("theo") and rest[:1].isupper()
        if (
            count_words(rest) >= _MIN_KEPT
            and not appositive
            and clean_cut(segments[0], "")
            and not leaves_bare_pronoun(rest)
            and not subjectless(rest)
        ):
            return rest
    head = _ATTRIB_HEAD.match(body)
    if head and count_words(head.group(1)) <= 10:
        rest = body[head.end() :]
        if count_words(rest) >= _MIN_KEPT and not leaves_bare_pronoun(rest):
            return rest
    return body


def _drop_attrib(body: str) -> str:
    segments = split_clauses(body)
    if len(segments) >= 3 and _BARE_SAY.match(segments[-1]):
        # "…, ông A, Giám đốc Sở B, cho biết.": the speaker spans the clauses before the verb.
        for k in range(len(segments) - 2, max(0, len(segments) - 5), -1):
            if _PERSON.match(segments[k]):
                rest = join_clauses(segments[:k])
                return rest if count_words(rest) >= _MIN_KEPT else body
    if len(segments) >= 2:
        last = segments[-1].strip()
        if (_ATTRIB_TAIL.match(last) or _THEO_TAIL.match(last)) and count_words(last) <= 14:
            rest = join_clauses(segments[:-1])
            if count_words(rest) >= _MIN_KEPT:
                return rest
    return body


def _drop_tail(body: str) -> str:
    segments = split_clauses(body)
    if len(segments) >= 2:
        last = segments[-1].strip()
        rest = join_clauses(segments[:-1])
        if (
            _TAIL.match(last)
            and not _BARE_SAY.match(last)
            and count_words(rest) >= _MIN_KEPT
            and not _ENDS_SAYING.search(rest)
            and clean_cut(rest, last)
        ):
            return rest
    return body


def _first_clause(body: str) -> str:
    segments = split_clauses(body)
    first = segments[0] if segments else body
    # "yêu cầu các xã, phường tập trung…": a plural noun before the comma starts a list.
    if (
        len(segments) >= 2
        and not _LIST_START.search(first)
        and count_words(first) >= _MIN_FIRST
        and not _LEAD.match(first)
        and not _ENDS_SAYING.search(first)
        and not _SUBORDINATE.match(first)
        and ":" not in first
        and clean_cut(first, segments[1])
    ):
        return first
    return body


def variants(sentence: str) -> list[Variant]:
    """The sentence itself, then each distinct trimmed variant (shortest last)."""
    if sentence.lstrip()[:1] in '"“':
        # Trimming inside a quotation would put words in the speaker's mouth.
        return [Variant(sentence.strip(), frozenset())]
    body, end = body_and_end(sentence)
    # "Tuy nhiên, …" leans on a sentence the summary may not have: the link always goes.
    linked = strip_link(body)
    base_ops = frozenset({"lead"}) if linked != body else frozenset()
    body = linked
    seen: dict[str, frozenset[str]] = {body: base_ops}
    for name, step in (("paren", _drop_paren), ("lead", _drop_lead), ("attrib", _drop_attrib)):
        _apply(seen, name, step)
    _apply_tails(seen)
    _apply(seen, "first", _first_clause)
    out = [Variant(sentence.strip(), frozenset())] if not base_ops else []
    out.extend(Variant(finish(text, end), ops) for text, ops in seen.items() if ops)
    return out


def _apply(seen: dict[str, frozenset[str]], name: str, step: Callable[[str], str]) -> None:
    """Add `step` of every text seen so far, when it trims something new."""
    for text, ops in list(seen.items()):
        trimmed = step(text)
        if trimmed != text and trimmed not in seen:
            seen[trimmed] = ops | {name}


def _apply_tails(seen: dict[str, frozenset[str]]) -> None:
    """Add each text seen so far without its last clause, then without its last two."""
    for text, ops in list(seen.items()):
        once = _drop_tail(text)
        if once != text and once not in seen:
            seen[once] = ops | {"tail1"}
            twice = _drop_tail(once)
            if twice != once and twice not in seen:
                seen[twice] = ops | {"tail1", "tail2"}

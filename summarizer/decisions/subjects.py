"""A clause's subject as the reader names it: a proper name, a short noun phrase, no pronoun."""

from __future__ import annotations

from summarizer.decisions import words
from summarizer.decisions.mentions import Mention
from summarizer.decisions.units import Unit
from summarizer.gazetteers import fold, heads, places

# A proper-name subject is short (`Hạ viện Mỹ`, `Bộ Ngoại giao Indonesia`).
_MAX_PROPER = 5
# A subject a reporting verb introduces is short (`nhà đầu tư`, `tổng thư ký LHQ`).
_MAX_PLAIN = 5
_DEICTIC = frozenset(fold(w) for w in ("này", "đó", "ấy"))
_HONORIFIC_TOKENS = frozenset(fold(w) for w in ("ông", "bà"))
_THAT = frozenset(fold(w) for w in ("rằng", "là"))


def strip(unit: Unit, start: int, end: int) -> str:
    """The words from token start to end, honorifics and auxiliaries dropped."""
    while start < end and words.match_at("honorifics", unit.tokens, start):
        start += words.match_at("honorifics", unit.tokens, start)
    while end > start and auxiliary_ending(unit, end):
        end -= auxiliary_ending(unit, end)
    if end <= start:
        return ""
    return unit.text[unit.spans[start][0] : unit.spans[end - 1][1]].strip(' ,“”"')


def auxiliary_ending(unit: Unit, end: int) -> int:
    """Length of the auxiliary that ends right before token `end` (0 when none)."""
    return words.phrases("auxiliaries").match_ending(unit.tokens, end - 1)


def proper_subject(unit: Unit, start: int, head: int) -> str | None:
    """A name opening the clause right before its verb (`Nga bác bỏ`, `Hạ viện Mỹ phê chuẩn`)."""
    if start >= head or any(
        words.match_at(name, unit.tokens, start) for name in ("connectives", "openers")
    ):
        return None
    end = start
    while end < head and unit.text[unit.spans[end][0]].isupper():
        end += 1
    if end == start or end - start > _MAX_PROPER:
        return None
    # A sentence's first word is capitalised anyway: alone it must be a place or a name with
    # inner capitals (`CIA`, `YouTube`).
    word = unit.text[unit.spans[start][0] : unit.spans[start][1]]
    named = any(ch.isupper() for ch in word[1:]) or places().match_at(unit.tokens, 0, 1)
    gap = unit.text[unit.spans[end - 1][1] : unit.spans[end][0]] if end < len(unit.tokens) else ""
    # `Hamas, tổ chức …, kêu gọi`: a word in apposition is a name, not a capitalised verb.
    if start == 0 and end == 1 and not named and gap.strip() != ",":
        return None
    verb_next = end == head or auxiliary_ending(unit, end + 1) or gap.strip() in (",", "(")
    # `Mỹ gần đây áp đặt …`: a country or city needs no verb right after it.
    place = places().match_at(unit.tokens, start, end) == end - start
    return strip(unit, start, end) if verb_next or place else None


def plain_subject(unit: Unit, lo: int, head: int) -> str | None:
    """A short subject after a reporting verb (`ông A cho biết, nhà đầu tư đã …`)."""
    tokens, at = unit.tokens, lo
    for at in range(head - 1, lo - 1, -1):
        gap = unit.text[unit.spans[at - 1][1] : unit.spans[at][0]] if at else ""
        if "," in gap or at == lo:
            break
    while at < head and (tokens[at] in _THAT or words.match_at("connectives", tokens, at)):
        at += max(1, words.match_at("connectives", tokens, at))
    if not 0 < head - at <= _MAX_PLAIN or _pointer(unit, at, head):
        return None
    return strip(unit, at, head) or None


def _pointer(unit: Unit, at: int, head: int) -> bool:
    """Whether tokens [at, head) are no subject: a pronoun, `đơn vị này`, a date (`ngày 11/11`)."""
    tokens = unit.tokens[at:head]
    if tokens[-1] in _DEICTIC or words.match_at("openers", unit.tokens, at):
        return True
    if words.match_at("anaphora", unit.tokens, at) == len(tokens):
        return True
    # `ông muốn …`: `ông` is a pronoun unless a name follows it.
    pronoun = tokens[0] in _HONORIFIC_TOKENS and not unit.text[unit.spans[at + 1][0]].isupper()
    return pronoun or any(t[:1].isdigit() for t in tokens)


def appositive(unit: Unit, start: int, head: int) -> str | None:
    """`Hamas, lực lượng …, đã kêu gọi`: the name before an appositive is the subject."""
    name = proper_subject(unit, start, head)
    end = start + len(name.split()) if name else 0
    if not name or end >= len(unit.tokens) or words.match_at("honorifics", unit.tokens, start):
        return None
    gap = unit.text[unit.spans[end - 1][1] : unit.spans[end][0]]
    return name if gap.strip() == "," else None


def apposed_person(unit: Unit, start: int, head: int, found: list[Mention]) -> str | None:
    """`Đồng chí A, Uỷ viên …, Trưởng Ban … yêu cầu`: the person opening the clause, titles after
    a comma; a body inside the titles is part of a post, not the actor."""
    named = [m for m in found if start <= m.start < head]
    if not named or named[0].end >= head:
        return None
    first = named[0]
    before = unit.text[unit.spans[start][0] : unit.spans[first.start][0]]
    after = unit.text[unit.spans[first.end - 1][1] : unit.spans[first.end][0]]
    # `Thiếu tướng A - Phó Thủ trưởng …, vừa ký`: a dash sets the titles off like a comma.
    opens = "," not in before and after.strip() in (",", "-", "–")
    return first.name if opens and heads().match_at(unit.tokens, first.end) else None

"""Who made a decision: the official or body named in its clause, or the one who said it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.decisions import words
from summarizer.decisions.mentions import Mention
from summarizer.decisions.units import Unit, tokenize
from summarizer.digest import Official
from summarizer.gazetteers import fold, places
from summarizer.vnchars import UPPER

# A subject longer than this is no subject (the verb's real subject was elided).
_MAX_SUBJECT = 14
_CLOSING = '”"'
_TITLE_OVERLAP = 0.6
# A proper-name subject is short (`Hạ viện Mỹ`, `Bộ Ngoại giao Indonesia`).
_MAX_PROPER = 5
_PASSIVE = frozenset(fold(w) for w in ("bị", "được", "do"))
# The attribution after a quotation (`“…”, ông A nói`) is short.
_MAX_ATTRIBUTION = 20


@dataclass(frozen=True)
class Attribution:
    """A quotation's speaker: where the quotation ends and the official or words naming them."""

    said_end: int
    speaker: str | None


def attribution(
    unit: Unit, found: list[Mention], officials: tuple[Official, ...] = ()
) -> Attribution | None:
    """`“…”, ông A nói`: where the quotation ends and who said it."""
    close = max(unit.text.rfind(q) for q in _CLOSING)
    if close <= 0:
        return None
    tail = next((i for i, (a, _) in enumerate(unit.spans) if a > close), None)
    if tail is None or len(unit.tokens) - tail > _MAX_ATTRIBUTION:
        return None
    said = words.find("reporting", unit.tokens, tail)
    if not said:
        return None
    named = [m.name for m in found if m.start >= tail]
    if named:
        return Attribution(close, named[0])
    who = _strip(unit, tail, said[0])
    return Attribution(close, _by_title(who, officials) or who or None)


def _strip(unit: Unit, start: int, end: int) -> str:
    """The words from token start to end, honorifics and auxiliaries dropped."""
    while start < end and words.match_at("honorifics", unit.tokens, start):
        start += words.match_at("honorifics", unit.tokens, start)
    while end > start and _auxiliary_ending(unit, end):
        end -= _auxiliary_ending(unit, end)
    if end <= start:
        return ""
    return unit.text[unit.spans[start][0] : unit.spans[end - 1][1]].strip(' ,“”"')


def _auxiliary_ending(unit: Unit, end: int) -> int:
    """Length of the auxiliary that ends right before token `end` (0 when none)."""
    return words.phrases("auxiliaries").match_ending(unit.tokens, end - 1)


def _by_title(subject: str, officials: tuple[Official, ...]) -> str | None:
    """The official whose position the subject names (`Bí thư TP. Đà Nẵng` → that secretary)."""
    key = tokenize(subject)[0]
    if not key:
        return None
    for official in officials:
        for title in official.titles:
            words_of_title = tokenize(title)[0]
            shared = len(set(key) & set(words_of_title))
            if key == words_of_title or (
                len(key) > 1 and key[0] == words_of_title[0] and shared / len(key) >= _TITLE_OVERLAP
            ):
                return official.name
    return None


def _first_person(unit: Unit, start: int, head: int) -> bool:
    """Whether the clause's subject is `tôi` / `chúng tôi`."""
    return bool(words.find("first_person", unit.tokens, start, head))


def _subject_end(unit: Unit, begin: int, hi: int) -> int:
    """Where a subject starting at token `begin` ends: an auxiliary, a comma or a bracket."""
    for at in range(begin + 1, hi):
        gap = unit.text[unit.spans[at - 1][1] : unit.spans[at][0]]
        if any(ch in gap for ch in ',;:(“”"') or (
            _auxiliary_ending(unit, at + 1) == 1 and not _capitalised(unit, at + 1)
        ):
            return at
    return hi


def _capitalised(unit: Unit, at: int) -> bool:
    """Whether token `at` starts with a capital (`và Đào tạo`: the name goes on)."""
    return at < len(unit.tokens) and unit.text[unit.spans[at][0]].isupper()


def _passive_agent(unit: Unit, lo: int, hi: int) -> int:
    """`… bị cơ quan điều tra khởi tố`: the subject is the agent after the last `bị/được`."""
    marks = [at for at in range(lo, hi) if unit.tokens[at] in _PASSIVE]
    return marks[-1] + 1 if marks and marks[-1] + 1 < hi else lo


def _named(
    unit: Unit, lo: int, hi: int, found: list[Mention], officials: tuple[Official, ...]
) -> str | None:
    """The last official or body named between tokens lo and hi (a body after a name wins)."""
    lo = _passive_agent(unit, lo, hi)
    named = [m for m in found if lo <= m.start < hi]
    after = named[-1].end if named else lo
    bodies = words.find("bodies", unit.tokens, after, hi)
    # `ông A, Chủ tịch UBND tỉnh, yêu cầu`: the office after a comma is the same person.
    gap = unit.text[unit.spans[after - 1][1] : unit.spans[bodies[0]][0]] if named and bodies else ""
    if bodies and gap.strip() != "," and hi - bodies[0] <= _MAX_SUBJECT:
        subject = _strip(unit, bodies[0], _subject_end(unit, bodies[0], hi))
        return _by_title(subject, officials) or subject or None
    return named[-1].name if named else None


def _addressed(unit: Unit, head: int) -> bool:
    """Whether the subject is told to act (`Các sở phải …`): an addressee, not the actor."""
    return head < len(unit.tokens) and words.match_at("addressed", unit.tokens, head) > 0


def _proper_subject(unit: Unit, start: int, head: int) -> str | None:
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
    if start == 0 and end == 1 and not named:
        return None
    gap = unit.text[unit.spans[end - 1][1] : unit.spans[end][0]] if end < len(unit.tokens) else ""
    verb_next = end == head or _auxiliary_ending(unit, end + 1) or gap.strip() in (",", "(")
    # `Mỹ gần đây áp đặt …`: a country or city needs no verb right after it.
    place = places().match_at(unit.tokens, start, end) == end - start
    return _strip(unit, start, end) if verb_next or place else None


def actor(
    unit: Unit,
    span: tuple[int, int | None],
    found: list[Mention],
    officials: tuple[Official, ...],
    speaker: str | None,
) -> str | None:
    """The decision's actor: a body or official in its subject, else the speaker, else None."""
    start, cue = span
    # The subject ends at the verb or at the first auxiliary before it (`Bộ … sẽ tiếp tục …`).
    ends = words.find(
        "subject_ends", unit.tokens, start + 1, len(unit.tokens) if cue is None else cue
    )
    head = ends[0] if ends else (len(unit.tokens) if cue is None else cue)
    if _first_person(unit, start, head) and speaker:
        return speaker
    if _addressed(unit, head):
        return _before(unit, start, found, speaker)
    reported = words.find("reporting", unit.tokens, start, head)
    if reported:
        # `ông A cho biết, UBND tỉnh đã …`: the clause's own subject first, else who said it.
        lo = reported[-1] + words.match_at("reporting", unit.tokens, reported[-1])
        own = _named(unit, lo, head, found, officials) or _proper_subject(unit, lo, head)
        head = reported[-1]
        if own:
            return own
    return (
        _named(unit, start, head, found, officials)
        or _proper_subject(unit, start, head)
        or _before(unit, start, found, speaker)
    )


def _before(unit: Unit, start: int, found: list[Mention], speaker: str | None) -> str | None:
    """No subject in the clause: the official named before it, or the quotation's speaker."""
    before = [m for m in found if m.start < start]
    return before[-1].name if before else speaker


def _named_in(actor: str, context: str, officials: tuple[Official, ...]) -> list[str]:
    """Full names of `actor` in the article: capitalised words after it, or an official's post."""
    # A position names the body whole, lower-case syllables included (`Thứ trưởng Bộ Giáo dục
    # và Đào tạo`), where the article's capitals alone would give `Bộ Giáo`.
    name = rf"(?:[ ](?:[{UPPER}][\w-]*|và|-))*[ ][{UPPER}][\w-]*"
    found = [m.group(0) for m in re.finditer(rf"(?<!\w)(?i:{re.escape(actor)}){name}", context)]
    head = re.compile(rf"(?<!\w)(?i:{re.escape(actor)})[ ](?=[{UPPER}])")
    for official in officials:
        for title in official.titles:
            at = head.search(title)
            if at:
                found.append(title[at.start():].strip())
    return found


def expand(
    actor: str | None, context: str, officials: tuple[Official, ...] = (), at: int | None = None
) -> str | None:
    """A bare body (`Bộ`, `Trường`) named in full (`Bộ Công Thương`), as last before `at`."""
    if actor is None or len(actor.split()) > 1:
        return actor
    names = _named_in(actor, context, officials)
    if not names:
        return actor
    if at is not None:
        # The nearest mention before the decision; at one place, the longest name written there.
        placed = [(context.rfind(n, 0, at), len(n), n) for n in names]
        nearest = max(placed)
        if nearest[0] >= 0:
            return nearest[2]
    return names[0]

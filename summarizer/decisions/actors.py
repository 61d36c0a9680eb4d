"""Who made a decision: the official or body named in its clause, or the one who said it."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.decisions import subjects, text, words
from summarizer.decisions.mentions import Mention
from summarizer.decisions.units import Unit, tokenize
from summarizer.digest import Official
from summarizer.gazetteers import fold

# A subject longer than this is no subject (the verb's real subject was elided).
_MAX_SUBJECT = 14
_CLOSING = '”"'
_TITLE_OVERLAP = 0.6
_AND = fold("và")
_PASSIVE = frozenset(fold(w) for w in ("bị", "được", "do"))
# The attribution after a quotation (`“…”, ông A nói`) is short.
_MAX_ATTRIBUTION = 20


@dataclass(frozen=True)
class Attribution:
    """A quotation's speaker: where the quotation ends and the official or words naming them."""

    said_end: int
    speaker: str | None


def attribution(
    unit: Unit, found: list[Mention], officials: tuple[Official, ...] = (), closing: bool = False
) -> Attribution | None:
    """`“…”, ông A nói`: where the quotation ends and who said it (`closing`: also after a
    directing verb, `” - Bí thư A nhấn mạnh`, once the unit is known to be a decision)."""
    close = max(unit.text.rfind(q) for q in _CLOSING)
    if close <= 0:
        return None
    tail = next((i for i, (a, _) in enumerate(unit.spans) if a > close), None)
    if tail is None or len(unit.tokens) - tail > _MAX_ATTRIBUTION:
        return None
    said = words.find("reporting", unit.tokens, tail)
    if not said and closing:
        said = words.find("quote_verbs", unit.tokens, tail)
    if not said:
        return None
    named = [m.name for m in found if m.start >= tail]
    if named:
        return Attribution(close, named[0])
    who = subjects.strip(unit, tail, said[0])
    return Attribution(close, _by_title(who, officials) or who or None)


def _by_title(subject: str, officials: tuple[Official, ...]) -> str | None:
    """The official whose position the subject names (`Bí thư TP. Đà Nẵng` → that secretary)."""
    key = tokenize(subject)[0]
    if not key:
        return None
    for official in officials:
        for title in official.titles:
            words_of_title = tokenize(title)[0]
            shared = len(set(key) & set(words_of_title)) / len(key)
            # `Bộ GTVT` is a body, not `Bộ trưởng Bộ GTVT`: the post's first two words match.
            if key[: len(words_of_title)] == words_of_title or (
                len(key) > 1 and key[:2] == words_of_title[:2] and shared >= _TITLE_OVERLAP
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
            subjects.auxiliary_ending(unit, at + 1) == 1 and not _capitalised(unit, at + 1)
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


def _bodies(unit: Unit, lo: int, hi: int) -> list[int]:
    """Where a body's name starts between tokens lo and hi, not inside a word (`trụ sở`)."""
    tokens = unit.tokens
    covered = {
        at + k
        for at in words.find("not_bodies", tokens, max(0, lo - 1), hi)
        for k in range(words.match_at("not_bodies", tokens, at))
    }
    return [at for at in words.find("bodies", tokens, lo, hi) if at not in covered]


def _named(
    unit: Unit, lo: int, hi: int, found: list[Mention], officials: tuple[Official, ...]
) -> str | None:
    """The last official or body named between tokens lo and hi (a body after a name wins)."""
    lo = _passive_agent(unit, lo, hi)
    named = [m for m in found if lo <= m.start < hi]
    if len(named) > 1 and unit.tokens[named[-2].end] == _AND:
        return named[-2].name  # `A và B chỉ đạo …`: both act; the first named leads
    after = named[-1].end if named else lo
    bodies = _bodies(unit, after, hi)
    # `ông A, Chủ tịch UBND tỉnh, yêu cầu`: the office after a comma is the same person.
    gap = unit.text[unit.spans[after - 1][1] : unit.spans[bodies[0]][0]] if named and bodies else ""
    if bodies and gap.strip() != "," and hi - bodies[0] <= _MAX_SUBJECT:
        subject = subjects.strip(unit, bodies[0], _subject_end(unit, bodies[0], hi))
        return _by_title(subject, officials) or subject or None
    return named[-1].name if named else None


def _addressed(unit: Unit, head: int) -> bool:
    """Whether the subject is told to act (`Các sở phải …`): an addressee, not the actor."""
    return head < len(unit.tokens) and words.match_at("addressed", unit.tokens, head) > 0


def _head(unit: Unit, start: int, cue: int | None) -> int:
    """Where the subject ends: the verb, or the first auxiliary before it (`Bộ … sẽ …`)."""
    stop = len(unit.tokens) if cue is None else cue
    for at in words.find("subject_ends", unit.tokens, start + 1, stop):
        # `vừa qua`, `hiện nay` open a time phrase: the subject follows them.
        if words.match_at("connectives", unit.tokens, at) <= words.match_at(
            "subject_ends", unit.tokens, at
        ):
            return at
    return stop


def _passive(unit: Unit, head: int, cue: int | None) -> int | None:
    """Where the agent of a passive verb starts (`bị|được|do` before the cue), if it is one."""
    if cue is None:
        return None
    tokens = unit.tokens
    # `không được` is a prohibition addressed to the subject, not a passive.
    marks = [at for at in range(head, cue) if tokens[at] in _PASSIVE and tokens[at - 1] != "không"]
    return marks[-1] + 1 if marks else None


def _reported_subject(
    unit: Unit,
    said: int,
    span: tuple[int, int | None],
    found: list[Mention],
    officials: tuple[Official, ...],
) -> str | None:
    """The subject of what was said (`ông A cho biết, sau khi …, Bộ sẽ trình …` → Bộ)."""
    head, cue = span
    lo = said + words.match_at("reporting", unit.tokens, said)
    # A subordinate clause (`sau khi đã hoàn chỉnh …,`) opens what was said: its subject follows.
    limit = unit.spans[cue][0] if cue is not None else len(unit.text)
    lead = text.lead_end(unit, lo, limit) if words.match_at("hedges", unit.tokens, lo) else None
    if lead is not None and (cue is None or lead < cue):
        lo, head = lead, _head(unit, lead, cue)
    return (
        _named(unit, lo, head, found, officials)
        or subjects.proper_subject(unit, lo, head)
        or subjects.plain_subject(unit, lo, head)
    )


def actor(
    unit: Unit,
    span: tuple[int, int | None],
    found: list[Mention],
    officials: tuple[Official, ...],
    speaker: str | None,
) -> str | None:
    """The decision's actor: a body or official in its subject, else the speaker, else None."""
    start, cue = span
    head = _head(unit, start, cue)
    if _first_person(unit, start, head) and speaker:
        return speaker
    adjacent = _adjacent(unit, start, cue, found)
    if adjacent:
        return adjacent
    passive = _passive(unit, head, cue)
    if passive is not None:
        # `X vừa bị cơ quan điều tra khởi tố`: the agent acts; X (`được yêu cầu`) does not.
        agent = _named(unit, passive, cue or passive, found, officials)
        return agent or _before(unit, start, found, speaker)
    if _addressed(unit, head):
        return _before(unit, start, found, speaker)
    reported = words.find("reporting", unit.tokens, start, head)
    if reported:
        # `ông A cho biết, UBND tỉnh đã …`: the clause's own subject first, else who said it.
        own = _reported_subject(unit, reported[-1], (head, cue), found, officials)
        head = reported[-1]
        if own:
            return own
    # `ông A, Trưởng Công an huyện, cho biết, đơn vị đã …`: the reported clause is the body's.
    person = None if reported else subjects.apposed_person(unit, start, head, found)
    return (
        person
        or subjects.appositive(unit, start, head)
        or _named(unit, start, head, found, officials)
        or subjects.proper_subject(unit, start, head)
        or _before(unit, start, found, speaker)
    )


def _adjacent(unit: Unit, start: int, cue: int | None, found: list[Mention]) -> str | None:
    """An official named right before the verb, only auxiliaries between (`ông A đã yêu cầu`)."""
    if cue is None:
        return None
    for mention in reversed(found):
        if not start <= mention.start < cue:
            continue
        at = mention.end
        while at < cue and words.match_at("auxiliaries", unit.tokens, at):
            at += words.match_at("auxiliaries", unit.tokens, at)
        gap = unit.text[unit.spans[mention.end - 1][1] : unit.spans[cue][0]]
        return mention.name if at == cue and not any(ch in gap for ch in ',;:(“”"') else None
    return None


def _before(unit: Unit, start: int, found: list[Mention], speaker: str | None) -> str | None:
    """No subject in the clause: the official named before it, or the quotation's speaker."""
    before = [m for m in found if m.start < start]
    return before[-1].name if before else speaker

"""Who a reported decision belongs to: officials and names in the sentence, the clause's subject."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarizer import decision_cues as cues
from summarizer.decision_authority import is_authority
from summarizer.digest import Official
from summarizer.gazetteers import fold, surnames
from summarizer.textnorm import lower_unify_tones, syllables
from summarizer.vnchars import UPPER

# Look-back from a cue: a clause longer than this is no clause (keeps huge pastes linear).
_WINDOW = 400
# A capitalised run after these is a place (`tỉnh Hà Tĩnh`), not a person.
_PLACE_BEFORE = re.compile(
    r"(?:tỉnh|huyện|thành phố|TP\.?|quận|xã|phường|thị xã|thị trấn|sông|núi|đảo|biển|ở|tại)\s*$",
)
_LOCATION = re.compile(
    rf"(?:[Tt]ỉnh|[Tt]hành phố|TP\.?|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Xx]ã|[Pp]hường)"
    rf"(?:\s+[{UPPER}][\w.-]*)+"
)
_AUXILIARY = cues.LINKERS | {"đang"}
_NAME_RUN = re.compile(rf"[{UPPER}][\w]*(?:\s+[{UPPER}][\w]*){{1,3}}")


@dataclass(frozen=True)
class Actor:
    """Who the clause is attributed to and where its text starts in the sentence."""

    name: str | None
    start: int


def fold_same_length(text: str) -> str:
    """Tone-folded lower-case form with the same length as the text (for slicing)."""
    folded = lower_unify_tones(text)
    return folded if len(folded) == len(text) else text.lower()


@lru_cache(maxsize=1024)
def _official_patterns(name: str) -> tuple[re.Pattern[str], re.Pattern[str], str]:
    """The full name, `ông/bà` + given name, and the given name of an official (compiled once)."""
    key = lower_unify_tones(name)
    last = key.split()[-1] if key.split() else ""
    full = re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")
    short = re.compile(rf"(?<!\w)(?:ông|bà)\s+{re.escape(last)}(?!\w)")
    return full, short, last


def person_names(
    sentence: str, folded: str, officials: tuple[Official, ...]
) -> list[tuple[int, int, str]]:
    """(start, end, name) of every official or Vietnamese-looking name (in the folded sentence)."""
    found: list[tuple[int, int, str]] = []
    for official in officials:
        full, short, last = _official_patterns(official.name)
        if not last or last not in folded:
            continue
        for pattern in (full, short):
            for match in pattern.finditer(folded):
                found.append((match.start(), match.end(), official.name))
    if not officials:
        for match in _NAME_RUN.finditer(sentence):
            words = match.group(0).split()
            place = _PLACE_BEFORE.search(sentence[max(0, match.start() - 16) : match.start()])
            if fold(words[0]) in surnames() and len(words) >= 2 and not place:
                found.append((match.start(), match.end(), match.group(0)))
    return sorted(found)


def clause_start(sentence: str, folded: str, cue_at: int) -> int:
    """Where the clause holding the cue begins: after a `;`, a quote's end or a lead phrase."""
    # A clause longer than the window is no clause: the window keeps huge pastes linear.
    base = start = max(0, cue_at - _WINDOW)
    for match in re.finditer(r";\s+|[\"”]\s*,\s+|:\s+[\"“]?", sentence[base:cue_at]):
        start = base + match.end()
    for match in cues.REPORTING.finditer(folded, start, cue_at):
        start = match.end()
    return start


def find_actor(
    sentence: str, cue_at: int, names: list[tuple[int, int, str]], clause_at: int
) -> Actor:
    """The official right before the cue (title dropped), else the clause's own subject."""
    for start, end, name in reversed(names):
        if end > cue_at or start < clause_at:
            continue
        between = fold_same_length(sentence[end:cue_at]).strip()
        words = syllables(between)
        # `Ông A, Phó chủ tịch xã, đã bị kỷ luật`: an appositive, then auxiliaries.
        core = " ".join(between.split()[: len(between.split()) - _trailing_linkers(between)])
        appositive = len(words) > 0 and core.startswith(",") and core.endswith(",")
        if appositive or all(w in cues.LINKERS for w in words):
            return Actor(name, start)
    segments = [m.end() for m in re.finditer(r",\s+", sentence[clause_at:cue_at])]
    # `công an TP Đồng Xoài, tỉnh Bình Phước đã …`: a place after a comma locates the subject.
    if segments and _located(sentence[clause_at + segments[-1] : cue_at]):
        segments.pop()
    if segments and len(syllables(sentence[clause_at + segments[-1] : cue_at])) >= 2:
        return Actor(None, clause_at + segments[-1])
    return Actor(None, clause_at)


def _located(segment: str) -> bool:
    """Whether a comma segment is only a place (`tỉnh Bình Phước đã`), an apposition."""
    place = _LOCATION.match(segment)
    rest = segment[place.end() :].split() if place else []
    return place is not None and all(fold_same_length(w) in _AUXILIARY for w in rest)


def _trailing_linkers(text: str) -> int:
    """How many of the last words are linkers (`đã bị`, `cũng vừa`)."""
    count = 0
    for word in reversed(text.split()):
        if word not in cues.LINKERS:
            break
        count += 1
    return count


def auxiliaries(sentence: str, cue_at: int) -> str:
    """The linker words right before a cue, as written (`đã bị`)."""
    words = sentence[:cue_at].split()
    count = _trailing_linkers(fold_same_length(" ".join(words[-4:])))
    return " ".join(words[len(words) - count :]) if count else ""


def speaker_before(
    sentence: str, folded: str, clause_at: int, names: list[tuple[int, int, str]]
) -> tuple[str, str | None] | None:
    """Who reports a clause that has no subject of its own (`ông A cho biết, đã chỉ đạo …`)."""
    said = [
        m for m in cues.REPORTING.finditer(folded, max(0, clause_at - 40)) if m.end() == clause_at
    ]
    if not said:
        return None
    verb_at = said[-1].start()
    named = [(s, n) for s, e, n in names if verb_at - 80 <= e <= verb_at]
    if named:
        return named[-1][1], named[-1][1]
    segment = sentence[:verb_at].rsplit(",", 1)[-1].strip()
    return (segment, None) if segment and is_authority(segment) else None


def as_written(sentence: str, actor: Actor) -> str | None:
    """The actor's name in the article's own spelling (`Thuỷ` stays `Thuỷ`)."""
    if actor.name is None:
        return None
    written = sentence[actor.start : actor.start + len(actor.name)]
    return written if lower_unify_tones(written) == lower_unify_tones(actor.name) else actor.name


def names_someone(lead: str) -> bool:
    """Whether the subject names a person or a body (`Chủ tịch nước`, `Thành uỷ TP X`)."""
    return len(syllables(lead)) >= 2 and re.search(rf"[{UPPER}]", lead) is not None

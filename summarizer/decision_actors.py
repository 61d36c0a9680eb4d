"""Who a reported decision belongs to: officials and names in the sentence, the clause's subject."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer import decision_cues as cues
from summarizer.digest import Official
from summarizer.textnorm import syllables
from summarizer.vnchars import UPPER

fold_tones = cues.fold_tones
# Look-back from a cue: a clause longer than this is no clause (keeps huge pastes linear).
_WINDOW = 400
_SURNAMES = frozenset(
    fold_tones(s)
    for s in [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Lữ",
        "Đinh",
        "Trương",
        "Đoàn",
        "Lâm",
        "Mai",
        "Tô",
        "Trịnh",
        "Cao",
        "Lương",
        "Tạ",
        "Hà",
        "Quách",
        "Văn",
        "Viên",
        "Thái",
        "Châu",
        "La",
        "Triệu",
        "Kiều",
        "Đào",
        "Chu",
        "Phùng",
        "Nghiêm",
        "Từ",
        "Lưu",
        "Giang",
        "Tống",
        "Vương",
        "Đàm",
        "Thân",
        "Mạc",
        "Ninh",
        "Diệp",
        "Lục",
        "Doãn",
        "Tăng",
        "Hứa",
        "Âu",
        "Khổng",
        "Lại",
        "Mạch",
        "Nông",
        "Kim",
        "Thạch",
        "Lò",
        "Quan",
        "Tôn",
        "Thi",
        "Trịnh",
        "Ông",
        "Bế",
        "Hầu",
        "Lạc",
        "Phí",
        "Khúc",
        "Đồng",
    ]
)
_NAME_RUN = re.compile(rf"[{UPPER}][\w]*(?:\s+[{UPPER}][\w]*){{1,3}}")


@dataclass(frozen=True)
class Actor:
    """Who the clause is attributed to and where its text starts in the sentence."""

    name: str | None
    start: int


def fold_same_length(text: str) -> str:
    """Tone-folded lower-case form with the same length as the text (for slicing)."""
    folded = cues.fold_tones(text)
    return folded if len(folded) == len(text) else text.lower()


def person_names(sentence: str, officials: tuple[Official, ...]) -> list[tuple[int, int, str]]:
    """(start, end, name) of every official or Vietnamese-looking name in the sentence."""
    folded = fold_same_length(sentence)
    found: list[tuple[int, int, str]] = []
    for official in officials:
        key = fold_tones(official.name)
        for match in re.finditer(rf"(?<!\w){re.escape(key)}(?!\w)", folded):
            found.append((match.start(), match.end(), official.name))
        last = key.split()[-1] if key.split() else ""
        for match in re.finditer(rf"(?<!\w)(?:ông|bà)\s+{re.escape(last)}(?!\w)", folded):
            found.append((match.start(), match.end(), official.name))
    if not officials:
        for match in _NAME_RUN.finditer(sentence):
            words = match.group(0).split()
            if fold_tones(words[0]) in _SURNAMES and len(words) >= 2:
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
        appositive = len(words) > 0 and between.startswith(",") and between.endswith(",")
        if appositive or all(w in cues.LINKERS for w in words):
            return Actor(name, start)
    segments = [m.end() for m in re.finditer(r",\s+", sentence[clause_at:cue_at])]
    if segments and len(syllables(sentence[clause_at + segments[-1] : cue_at])) >= 2:
        return Actor(None, clause_at + segments[-1])
    return Actor(None, clause_at)


def as_written(sentence: str, actor: Actor) -> str | None:
    """The actor's name in the article's own spelling (`Thuỷ` stays `Thuỷ`)."""
    if actor.name is None:
        return None
    written = sentence[actor.start : actor.start + len(actor.name)]
    return written if fold_tones(written) == fold_tones(actor.name) else actor.name


def names_someone(lead: str) -> bool:
    """Whether the subject names a person or a body (`Chủ tịch nước`, `Thành uỷ TP X`)."""
    return len(syllables(lead)) >= 2 and re.search(rf"[{UPPER}]", lead) is not None

"""Decisions and directives the article reports, each a short clause attributed where known."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer import decision_cues as cues
from summarizer.digest import Article, Decision, Official
from summarizer.textnorm import syllables
from summarizer.vnchars import UPPER

fold_tones = cues.fold_tones

# A decision shown to the reader stays about this many syllables (cut at a clause boundary).
MAX_SYLLABLES = 24
_MIN_REST = 6
_MAX_SUBJECT = 24
_STATISTIC = re.compile(r"(?:gần|hơn|khoảng|trên|có|tổng cộng)?\s*\d")
_QUOTES = '“”" '
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
_CLAUSE_END = re.compile(r"[;?]|\s[\"”]\s*[,.-]|[”]\s*[,.-]|\s-\s|[.!?…]\s")
# Someone named as a private person (`ông Linh`) when the article's officials are known.
_PRIVATE = re.compile(r"(?<!\w)(?:ông|bà|anh|chị)\s+\w")
# A sentence whose subject is a public body (`Bộ Công thương`, `UBND tỉnh`, `Sở Y tế`).
_BODY_START = re.compile(
    r"(?:Bộ|Sở|UBND|Uỷ ban|Ủy ban|Ban|Cục|Tổng cục|Công an|Viện|Toà|Tòa|Tỉnh|Thành phố"
    r"|Các bộ|Các sở|Các địa phương|Các tỉnh)\s+[^\s,]"
)
_CUT_POINTS = re.compile(r"\s*[,;:]\s+|\s+(?=(?:để|nhằm|nhưng|trong khi|vì|do)\s)")


@dataclass(frozen=True)
class _Actor:
    """Who the clause is attributed to and where its text starts in the sentence."""

    name: str | None
    start: int


def _folded(text: str) -> str:
    """Tone-folded lower-case form with the same length as the text (for slicing)."""
    folded = cues.fold_tones(text)
    return folded if len(folded) == len(text) else text.lower()


def _person_names(sentence: str, officials: tuple[Official, ...]) -> list[tuple[int, int, str]]:
    """(start, end, name) of every official or Vietnamese-looking name in the sentence."""
    folded = _folded(sentence)
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


def _clause_start(sentence: str, cue_at: int) -> int:
    """Where the clause holding the cue begins: after a `;`, a quote's end or a lead phrase."""
    start = 0
    for match in re.finditer(r";\s+|[\"”]\s*,\s+|:\s+[\"“]?", sentence[:cue_at]):
        start = match.end()
    for match in cues.REPORTING.finditer(_folded(sentence[:cue_at]), start):
        start = match.end()
    return start


def _find_actor(
    sentence: str, cue_at: int, names: list[tuple[int, int, str]], clause_at: int
) -> _Actor:
    """The official right before the cue (title dropped), else the clause's own subject."""
    for start, end, name in reversed(names):
        if end > cue_at or start < clause_at:
            continue
        between = _folded(sentence[end:cue_at]).strip()
        words = syllables(between)
        appositive = len(words) > 0 and between.startswith(",") and between.endswith(",")
        if appositive or all(w in cues.LINKERS for w in words):
            return _Actor(name, start)
    segments = [m.end() for m in re.finditer(r",\s+", sentence[clause_at:cue_at])]
    if segments and len(syllables(sentence[clause_at + segments[-1] : cue_at])) >= 2:
        return _Actor(None, clause_at + segments[-1])
    return _Actor(None, clause_at)


def _rest(sentence: str, cue_end: int) -> str:
    """What the cue governs, up to the end of its clause."""
    rest = sentence[cue_end:]
    end = _CLAUSE_END.search(rest)
    if end and len(syllables(rest[: end.start()])) >= _MIN_REST:
        rest = rest[: end.start()]
    return rest.strip().lstrip(",: ").rstrip(' .,;:!"”')


def _shorten(text: str, keep: int = 0) -> str:
    """Keep the clause short: cut at the last clause boundary within the budget, add `…`."""
    words = list(re.finditer(r"[^\W_]+", text))
    budget = max(MAX_SYLLABLES, keep + _MIN_REST)
    if len(words) <= budget:
        return text
    limit = words[budget - 1].end()
    cut = None
    for match in _CUT_POINTS.finditer(text, 0, limit):
        if len(syllables(text[: match.start()])) >= max(budget // 2, keep + 3):
            cut = match.start()
    return text[: cut if cut is not None else limit].rstrip(" ,;:") + "…"


def _quoted_before(sentence: str, actor_at: int) -> str:
    """The quotation that an attribution at the end of the sentence refers to."""
    match = re.match(r"\s*[\"“]?\s*(.+)[\"”]\s*[-–,]", sentence[:actor_at])
    return match.group(1).strip() if match else ""


def _as_written(sentence: str, actor: _Actor) -> str | None:
    """The actor's name in the article's own spelling (`Thuỷ` stays `Thuỷ`)."""
    if actor.name is None:
        return None
    written = sentence[actor.start : actor.start + len(actor.name)]
    return written if fold_tones(written) == fold_tones(actor.name) else actor.name


def _names_someone(lead: str) -> bool:
    """Whether the subject names a person or a body (`Chủ tịch nước`, `Thành uỷ TP X`)."""
    return len(syllables(lead)) >= 2 and re.search(rf"[{UPPER}]", lead) is not None


def _decision(sentence: str, officials: tuple[Official, ...]) -> Decision | None:
    """The first decision the sentence reports, if any."""
    if sentence.rstrip(_QUOTES).endswith("?"):
        return None
    folded = _folded(sentence)
    names = _person_names(sentence, officials)
    for cue in cues.CUE.finditer(folded):
        word = cue.group(1)
        before = folded[: cue.start()].split()
        prev1 = before[-1] if before else ""
        prev2 = " ".join(before[-2:])
        if word not in cues.NOUN_OK and (prev1 in cues.NOUN_BEFORE or prev2 in cues.NOUN_BEFORE):
            continue
        if word in cues.NOUN_OK and (
            prev1 in cues.NOUN_MENTION or folded[cue.end() :].startswith(" này")
        ):
            continue
        if word not in cues.NOUN_OK and re.match(r"\s+của(?!\w)", folded[cue.end() :]):
            continue
        if word == fold_tones("huỷ") and (
            prev1 in cues.NOT_CANCEL_BEFORE or cues.NOT_CANCEL_AFTER.match(folded[cue.end() :])
        ):
            continue
        if word == "chủ trương" and prev1 not in cues.POLICY_BEFORE:
            continue
        if word == "thông qua" and not cues.PASSED.match(sentence[cue.end() :]):
            continue
        if word == "giao" and (
            not re.match(rf"\s+(?:cho\s+|các\s+)?[{UPPER}]", sentence[cue.end() :])
            or cues.NOT_ASSIGN.match(folded[cue.end() :])
        ):
            continue
        clause_at = _clause_start(sentence, cue.start())
        actor = _find_actor(sentence, cue.start(), names, clause_at)
        subject = folded[min(actor.start, clause_at) : cue.start()]
        if word in cues.REQUESTS and cues.NON_AUTHORITIES_FOLDED.search(subject):
            continue
        if word in cues.REQUESTS and officials and actor.name is None and _PRIVATE.search(subject):
            continue
        lead = _as_written(sentence, actor) or sentence[actor.start : cue.start()].strip(" ,")
        if word in cues.NEEDS_ACTOR and not _names_someone(lead):
            continue
        # A long run before the cue is not its subject; a figure there makes it a statistic.
        if len(syllables(lead)) > _MAX_SUBJECT or _STATISTIC.match(_folded(lead)):
            continue
        if cues.MODIFIER_AFTER.match(folded[cue.end() :]):
            continue
        rest = _rest(sentence, cue.end())
        if word in cues.NEEDS_MODAL and not cues.MODAL.search(_folded(rest)):
            continue
        verb = sentence[cue.start() : cue.end()]
        if len(syllables(rest)) < 3:
            quoted = _quoted_before(sentence, actor.start)
            if quoted and actor.name is not None:
                rest = ": “" + quoted.strip(_QUOTES) + "”"
            elif len(syllables(lead)) < 3 or word in cues.SPEECH:
                continue
        lead = lead.strip(_QUOTES)
        separator = "" if rest.startswith(":") else " "
        text = (" ".join(f"{lead} {verb}".split()) + separator + rest).strip()
        if "?" in text:
            continue
        # The cue stays visible however long its subject is.
        keep = len(syllables(f"{lead} {verb}"))
        return Decision(text=_shorten(text[:1].upper() + text[1:], keep), actor=actor.name)
    return None


def extract_decisions(article: Article, officials: tuple[Official, ...]) -> tuple[Decision, ...]:
    """Decisions in article order, attributed where the article says who."""
    found: list[Decision] = []
    assigning = False
    for sentence in article.sentences:
        decision = _decision(sentence, officials)
        if decision is None and assigning and _BODY_START.match(sentence):
            # The items of an assignment: "… giao Bộ A chủ trì …. Bộ B đánh giá …".
            decision = Decision(text=_shorten(sentence.rstrip(" .;")), actor=None)
        elif decision is not None:
            assigning = cues.ASSIGNING.search(_folded(decision.text)) is not None
        if decision is None:
            assigning = False
            continue
        twin = next((i for i, d in enumerate(found) if _same(d.text, decision.text)), None)
        if twin is None:
            found.append(decision)
        elif len(decision.text) > len(found[twin].text):
            found[twin] = decision
    return tuple(found)


def _same(a: str, b: str) -> bool:
    """Whether two decisions say the same thing (most of the shorter one is in the other)."""
    words_a = set(syllables(fold_tones(a)))
    words_b = set(syllables(fold_tones(b)))
    smaller = min(len(words_a), len(words_b)) or 1
    return len(words_a & words_b) / smaller >= 0.7

"""Decisions and directives the article reports, each a short clause attributed where known."""

from __future__ import annotations

import re

from summarizer import decision_actors as actors
from summarizer import decision_cues as cues
from summarizer.digest import Article, Decision, Official
from summarizer.textnorm import syllables
from summarizer.vnchars import UPPER

fold_tones = cues.fold_tones

# A decision shown to the reader stays about this many syllables (cut at a clause boundary).
MAX_SYLLABLES = 24
_MIN_REST = 6
_MAX_SUBJECT = 24
# Cues tried per sentence (bounds the work on a huge one-sentence paste).
_MAX_CUES = 12
_STATISTIC = re.compile(r"(?:gần|hơn|khoảng|trên|có|tổng cộng)?\s*\d")
_QUOTES = '“”" '
_CLAUSE_END = re.compile(r"[;?]|\s[\"”]\s*[,.-]|[”]\s*[,.-]|\s-\s|[.!?…]\s")
# Someone named as a private person (`ông Linh`) when the article's officials are known.
_PRIVATE = re.compile(r"(?<!\w)(?:ông|bà|anh|chị)\s+\w")
# A sentence whose subject is a public body (`Bộ Công thương`, `UBND tỉnh`, `Sở Y tế`).
_BODY_START = re.compile(
    r"(?:Bộ|Sở|UBND|Uỷ ban|Ủy ban|Ban|Cục|Tổng cục|Công an|Viện|Toà|Tòa|Tỉnh|Thành phố"
    r"|Các bộ|Các sở|Các địa phương|Các tỉnh)\s+[^\s,]"
)
_CUT_POINTS = re.compile(r"\s*[,;:]\s+|\s+(?=(?:để|nhằm|nhưng|trong khi|vì|do)\s)")


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


def _decision(sentence: str, officials: tuple[Official, ...]) -> Decision | None:
    """The first decision the sentence reports, if any."""
    if sentence.rstrip(_QUOTES).endswith("?"):
        return None
    folded = actors.fold_same_length(sentence)
    names = actors.person_names(sentence, officials)
    for number, cue in enumerate(cues.CUE.finditer(folded)):
        if number >= _MAX_CUES:
            break
        word = cue.group(1)
        before = folded[max(0, cue.start() - 40) : cue.start()].split()
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
        clause_at = actors.clause_start(sentence, folded, cue.start())
        actor = actors.find_actor(sentence, cue.start(), names, clause_at)
        subject = folded[min(actor.start, clause_at) : cue.start()]
        if word in cues.REQUESTS and cues.NON_AUTHORITIES_FOLDED.search(subject):
            continue
        if word in cues.REQUESTS and officials and actor.name is None and _PRIVATE.search(subject):
            continue
        lead = actors.as_written(sentence, actor) or sentence[actor.start : cue.start()].strip(" ,")
        if word in cues.NEEDS_ACTOR and not actors.names_someone(lead):
            continue
        # A long run before the cue is not its subject; a figure there makes it a statistic.
        if len(syllables(lead)) > _MAX_SUBJECT or _STATISTIC.match(actors.fold_same_length(lead)):
            continue
        if cues.MODIFIER_AFTER.match(folded[cue.end() :]):
            continue
        rest = _rest(sentence, cue.end())
        if word in cues.NEEDS_MODAL and not cues.MODAL.search(actors.fold_same_length(rest)):
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
            assigning = cues.ASSIGNING.search(actors.fold_same_length(decision.text)) is not None
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

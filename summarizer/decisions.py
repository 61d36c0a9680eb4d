"""Decisions and directives the article reports, each a short clause attributed where known."""

from __future__ import annotations

import re

from summarizer import decision_actors as actors
from summarizer import decision_context as context
from summarizer import decision_cues as cues
from summarizer import decision_patterns as patterns
from summarizer.decision_authority import (
    authority_within,
    is_authority,
    names_a_state,
    non_authority,
    strip_opening,
)
from summarizer.decision_filters import is_passive, reject_cue
from summarizer.decision_text import MAX_SYLLABLES, QUOTES, rest_of_clause, sentence_case, shorten
from summarizer.digest import Article, Decision, Official
from summarizer.textnorm import lower_unify_tones, syllables

__all__ = ["MAX_SYLLABLES", "extract_decisions"]

_MAX_SUBJECT = 24
# Cues tried per sentence (bounds the work on a huge one-sentence paste).
_MAX_CUES = 12
_STATISTIC = re.compile(r"(?:gần|hơn|khoảng|trên|có|tổng cộng)?\s*\d|số tiền|số lượng|tổng số")
# Someone named as a private person (`ông Linh`) when the article's officials are known.
_PRIVATE = re.compile(r"(?<!\w)(?:ông|bà|anh|chị)\s+\w")
# Someone's assessment, not a decision (`…”, Rogoway đánh giá`).
_OPINION = re.compile(
    r"[”\"]\s*[,–-]?\s*[^,“”\"]{0,60}?(?<!\w)(?:đánh giá|nhận định|bình luận|phân tích|nhận xét"
    r"|dự đoán|dự báo|cho rằng)(?!\w)[^“”\"]{0,60}$"
)
_SAYS = re.compile(r"(?<!\w)(?:cho biết|cho hay|cho rằng|nói|thông báo)\s*[,:]")
# A subject made of proper names only (`Tokyo`, `Nhật Bản và Hàn Quốc`, `Interpol`).
_PROPER = re.compile(r"(?:[A-ZĐ][\w-]*|và|&)(?:\s+(?:[A-ZĐ][\w-]*|và|&)){0,6}")
# `Uỷ ban đánh giá, đây là …`: a verdict, not a task (`Bộ A đánh giá công nghệ` is one).
_VERDICT = re.compile(
    lower_unify_tones(r"(?<!\w)(?:đánh giá|nhận định|nhận xét)\s*[,:]|cho rằng|cho là")
)
# A sentence whose subject is a public body (`Bộ Công thương`, `UBND tỉnh`, `Sở Y tế`).
_BODY_START = re.compile(
    r"(?:Bộ|Sở|UBND|Uỷ ban|Ủy ban|Ban|Cục|Tổng cục|Công an|Viện|Toà|Tòa|Tỉnh|Thành phố"
    r"|Các bộ|Các sở|Các địa phương|Các tỉnh)\s+[^\s,]"
)


def _quoted_before(sentence: str, actor_at: int) -> str:
    """The quotation that an attribution at the end of the sentence refers to."""
    match = re.match(r"\s*[\"“]?\s*(.+)[\"”]\s*[-–,]", sentence[:actor_at])
    return match.group(1).strip() if match else ""


def _from_cue(
    sentence: str, folded: str, cue: re.Match[str], names: list[tuple[int, int, str]], known: bool
) -> Decision | None:
    """The decision a cue word reports, with its actor, or None when it reports none."""
    word = cue.group(1)
    clause_at = actors.clause_start(sentence, folded, cue.start())
    actor = actors.find_actor(sentence, cue.start(), names, clause_at)
    subject = folded[min(actor.start, clause_at) : cue.start()]
    lead = actors.as_written(sentence, actor) or sentence[actor.start : cue.start()].strip(" ,")
    lead = strip_opening(lead)
    bare = not [w for w in syllables(lower_unify_tones(lead)) if w not in cues.LINKERS]
    if bare and word not in cues.NOUN_OK:
        # `ông A cho biết, đã chỉ đạo …`: the speaker is the one who decided.
        speaker = actors.speaker_before(sentence, folded, clause_at, names)
        if speaker is not None:
            actor = actors.Actor(speaker[1], actor.start)
            lead = f"{speaker[0]} {lead}".strip()
    passive = word not in cues.NO_PASSIVE and is_passive(
        sentence[min(actor.start, clause_at) : cue.start()]
    )
    authority = actor.name is not None or is_authority(lead)
    # Asked for, not given (`đề xuất Bộ GTVT chấp thuận`), or only the topic (`báo cáo về việc`).
    if actor.name is None and context.NOT_GIVEN.search(actors.fold_same_length(lead)):
        return None
    if not passive and not authority and non_authority(subject):
        # What citizens approve of is no decision, but the body they name may have made one.
        inner = authority_within(lead)
        if inner is None or non_authority(lower_unify_tones(lead[inner:])):
            return None
        lead, authority = lead[inner:], True
    given = authority or passive or authority_within(lead) is not None
    if word in cues.AUTHORITY_ONLY and not given:
        return None
    # A request counts from a body, an official or a named state (`Tokyo yêu cầu`), not citizens.
    if word in cues.REQUESTS and not given and not _PROPER.fullmatch(lead.strip()):
        return None
    # `chị A quyết định nghỉ việc`: anyone decides; news tells a state's or an official's decision.
    if word == "quyết định" and syllables(lead) and not (given or names_a_state(lead)):
        return None
    # `Phát biểu chỉ đạo, Chủ tịch …`: the cue names the speech, the decision comes later.
    if not syllables(lead) and folded[cue.end() :].startswith(","):
        return None
    actor_name = actor.name
    if passive and actor.name is not None:
        # The one sanctioned or appointed is not the one who decided.
        lead, actor_name = f"{lead} {actors.auxiliaries(sentence, cue.start())}", None
    if word in cues.REQUESTS and known and actor.name is None and _PRIVATE.search(subject):
        return None
    if word in cues.NEEDS_ACTOR and not (authority or actors.names_someone(lead)):
        return None
    # A long run before the cue is not its subject; a figure there makes it a statistic.
    if len(syllables(lead)) > _MAX_SUBJECT or _STATISTIC.match(actors.fold_same_length(lead)):
        return None
    # An opinion (`X cho rằng … khiến ông huỷ …`), or a cue inside a time clause of another
    # statement (`ông A chỉ thừa nhận … khi đã bị khởi tố`).
    if (
        context.in_opinion(folded, cue.start())
        or context.in_time_clause(lead)
        or context.REACTION.search(lower_unify_tones(lead))
    ):
        return None
    if word == "phân công" and passive and re.search(r"(?<!\w)được\s*$", subject):
        return None  # `A được phân công trực đêm`: no one named who assigned it, a duty.
    # `phải được Bộ cho phép`: a condition still to meet, not a permission given.
    if passive and context.REQUIRED_PASSIVE.search(folded, clause_at, cue.start()):
        return None
    # `danh sách … được Uỷ ban chấp thuận`: a passive inside a noun phrase tells of no decision.
    if passive and context.relative_passive(lead):
        return None
    # `Đây là khu đất được Bộ giao cho …`, `vụ án mà toà đang xét xử`: the cue is not the verb.
    if context.described(lead) or context.not_the_predicate(subject):
        return None
    # A passive clause cut inside a list has lost its subject (`…, nhà khoa học đã được ban hành`).
    if (
        passive
        and actor.name is None
        and actor.start > clause_at
        and context.lost_subject(sentence, lead)
    ):
        return None
    # A subject that starts inside brackets (`Bộ Công an) đề nghị`) is no subject.
    if lead.count(")") > lead.count("("):
        return None
    if lead.count("(") > lead.count(")"):
        lead = lead[lead.rindex("(") + 1 :]
    rest = rest_of_clause(sentence, cue.end())
    # An emphasis is a directive when it obliges or urges (`nhấn mạnh phải …`, `… tập trung …`).
    # `Quyết định huỷ cuộc gặp là một bước lùi`: the noun as a subject, judged, not reported.
    nounish = lower_unify_tones(lead.strip()) in cues.NOUN_OK or not syllables(lead)
    if nounish and context.COPULA.search(rest):
        return None
    # `Việc thu hồi quyết định là đúng luật`: the act judged, the same as the noun above.
    if context.judged_act(lead, rest):
        return None
    # `Đơn vị trực tiếp chỉ đạo tại khu vực này cho biết …`: the cue only names the speaker.
    if _SAYS.search(rest):
        return None
    # Nothing said after the cue (`“…”, ông A nhấn mạnh.`): the quotation before it is what counts.
    short = len(syllables(rest)) < 3
    quoted = _quoted_before(sentence, actor.start) if short else ""
    if word in cues.NEEDS_MODAL and not cues.obliges(quoted if short else rest):
        return None
    verb = sentence[cue.start() : cue.end()]
    if short:
        if quoted and actor.name is not None:
            if word in cues.NEEDS_MODAL:
                quoted = cues.obliging_part(quoted)
            rest = ": “" + quoted.strip(QUOTES) + "”"
        elif len(syllables(lead)) < 3 or word in cues.SPEECH:
            return None
    lead = lead.strip(QUOTES)
    separator = "" if rest.startswith(":") else " "
    text = (" ".join(f"{lead} {verb}".split()) + separator + rest).strip()
    whether = "hay không" in lower_unify_tones(text) and word not in cues.ASSIGNING_WORDS
    if "?" in text or whether:
        return None
    # The cue stays visible however long its subject is.
    keep = len(syllables(f"{lead} {verb}"))
    return Decision(text=shorten(sentence_case(text), keep), actor=actor_name)


def _decision(sentence: str, officials: tuple[Official, ...]) -> tuple[Decision, str] | None:
    """The first decision the sentence reports with its cue word (`""` without one), if any."""
    if sentence.rstrip(QUOTES).endswith("?") or _OPINION.search(sentence):
        return None
    folded = actors.fold_same_length(sentence)
    if context.gives_reason(folded):
        return None
    names = actors.person_names(sentence, folded, officials)
    for number, cue in enumerate(cues.CUE.finditer(folded)):
        if number >= _MAX_CUES:
            break
        if reject_cue(cue.group(1), sentence, folded, cue.start(), cue.end()):
            continue
        decision = _from_cue(sentence, folded, cue, names, bool(officials))
        if decision is not None:
            return decision, cue.group(1)
    found = patterns.without_cue(sentence, folded, names, bool(officials))
    return (found, "") if found is not None else None


def extract_decisions(article: Article, officials: tuple[Official, ...]) -> tuple[Decision, ...]:
    """Decisions in article order, attributed where the article says who."""
    found: list[Decision] = []
    assigning: Decision | None = None
    directing: Decision | None = None
    for sentence in article.sentences:
        result = _decision(sentence, officials)
        if result is None and assigning is not None and _assigned_task(sentence):
            # The items of an assignment: "… giao Bộ A chủ trì …. Bộ B đánh giá …".
            found.append(Decision(text=shorten(sentence.rstrip(" .;")), actor=None))
            continue
        if result is None and directing is not None:
            # A directive goes on in the next sentences: "… yêu cầu …. Các xã phải …".
            directing = patterns.continued_directive(sentence, directing)
            if directing is not None:
                found.append(directing)
            continue
        if result is None:
            assigning = directing = None
            continue
        decision, word = result
        assigning = decision if cues.ASSIGNING.fullmatch(word) else None
        directing = decision if patterns.DIRECTING.fullmatch(word) else None
        twin = next((i for i, d in enumerate(found) if _same(d.text, decision.text)), None)
        if twin is None:
            found.append(decision)
        elif len(decision.text) > len(found[twin].text):
            found[twin] = decision
    return tuple(found)


def _assigned_task(sentence: str) -> bool:
    """Whether a sentence after an assignment is one of its tasks (`Bộ Tài chính bố trí …`)."""
    folded = actors.fold_same_length(sentence)
    head = " ".join(folded.split()[:12])
    return bool(
        _BODY_START.match(sentence)
        and not cues.REPORTING.search(folded)
        and not _VERDICT.search(head)
        and not re.search(r"(?<!\w)(?:không|chưa|từ chối)(?!\w)", head)
    )


def _same(a: str, b: str) -> bool:
    """Whether two decisions say the same thing (most of the shorter one is in the other)."""
    words_a = set(syllables(lower_unify_tones(a)))
    words_b = set(syllables(lower_unify_tones(b)))
    smaller = min(len(words_a), len(words_b)) or 1
    return len(words_a & words_b) / smaller >= 0.7

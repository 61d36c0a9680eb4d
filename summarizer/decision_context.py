"""Where a cue stands: inside an opinion, a time clause, a list or a noun phrase (no decision)."""

from __future__ import annotations

import re

from summarizer.textnorm import lower_unify_tones, syllables

# Auxiliaries closing a subject (`nhà khoa học đã được`).
_AUXILIARIES = re.compile(r"(?:\s+(?:đã|được|bị|sẽ|vừa|cũng|đang|mới))+\s*$")
# What someone thinks (`cho rằng …`): nothing inside it is a decision.
OPINION_BEFORE = re.compile(
    lower_unify_tones(
        r"(?<!\w)(?:cho rằng|nhận định|đánh giá|cho là|dự báo|dự đoán|bình luận|lo ngại"
        r"|e ngại)(?!\w)"
    )
)
# Asked for, not given (`đề xuất Bộ GTVT chấp thuận`), or only the topic (`báo cáo về việc`).
NOT_GIVEN = re.compile(
    lower_unify_tones(
        r"(?<!\w)(?:đề xuất|xin|chờ|trình lên|đệ trình|mong muốn|muốn|về việc|nếu|để|nhằm)(?!\w)"
        r"(?:\s+[^\s]+){0,5}\s*$"
    )
)
# `phải được Bộ cho phép`: a condition still to meet, not a permission given.
REQUIRED_PASSIVE = re.compile(
    lower_unify_tones(r"(?<!\w)(?:phải|cần|muốn|để|nếu|mới)\s+(?:được|bị)(?!\w)")
)
# `hoan nghênh việc Toà ra phán quyết`: a reaction to a decision, or what came before it.
REACTION = re.compile(
    lower_unify_tones(
        r"(?<!\w)(?:hoan nghênh|phản đối|lên án|chỉ trích|phản ứng|ca ngợi)(?!\w)|^trước khi(?!\w)"
    )
)
# `Đây là khu đất được Bộ giao`, `thuộc danh mục … do UBND ban hành`: after a copula the cue
# describes the noun, what the thing is, not a decision reported (`là lần đầu Bộ cấm` still is).
_DESCRIBED = re.compile(
    lower_unify_tones(
        r"(?<!\w)(?:là|thuộc)\s+(?!lần(?!\w))[^,;:]*?(?<!\w)(?:được|bị|do)(?!\w)[^,;:]*$"
    )
)
# `tội danh mà toà đang xét xử`: `mà` plus a subject opens a relative clause on the noun.
_RELATIVE = re.compile(lower_unify_tones(r"\w\s+mà\s+((?:[^\s]+\s+)*?)\s*$"))
_NOT_SUBJECT = frozenset(
    lower_unify_tones(w)
    for w in ("chỉ", "còn", "lại", "vẫn", "phải", "cần", "đã", "sẽ", "cũng", "đang", "vừa", "mới")
)
# `…, như công tác lập, phê duyệt`: examples named after `, như` are nouns, not the verb.
_EXAMPLES = re.compile(lower_unify_tones(r",\s*như(?!\w)(?!\s+(?:vậy|thế|đã|sau|trên|dưới))"))
# `Lý do bị khởi tố là …`: the sentence explains an earlier event; what it tells is background.
_REASON = re.compile(
    lower_unify_tones(r"\s*[“\"]?\s*(?:lý do|nguyên nhân)(?!\w)[^;:]{0,80}?(?<!\w)là(?!\w)")
)
# `Vì vậy, … cũng cần …`: a conclusion drawn from what was said, not the next item of an order.
_INFERENCE = re.compile(
    lower_unify_tones(r"\s*[“\"]?\s*(?:vì vậy|vì thế|do vậy|do đó|bởi vậy|như vậy|vậy nên)(?!\w)")
)
# `X là …`: what follows the copula judges or defines X.
COPULA = re.compile(r"(?<!\w)là(?!\w)")
_ACT = re.compile(r"\s*việc(?!\w)")
_COORDINATORS = frozenset(
    lower_unify_tones(w) for w in ("và", "đã", "cũng", "vừa", "mới", "đều", "đó")
)
# A time or circumstance phrase before a comma (the clause after it keeps its own subject).
_OPENING_PHRASE = re.compile(
    r"(?:Ngày|Sau|Trước|Tại|Hôm|Chiều|Sáng|Tối|Trưa|Theo|Trong|Khi|Đến|Hiện|Tuy nhiên|Do|Vì"
    r"|Đồng thời|Ngoài ra|Mới đây|Vừa qua|Năm|Tháng|Cuối|Đầu)(?!\w)",
    re.IGNORECASE,
)


def lost_subject(sentence: str, lead: str) -> bool:
    """Whether a short passive subject after a comma continues a list rather than a clause."""
    core = _AUXILIARIES.sub("", lead)
    if len(syllables(core)) >= 4 or re.search(r"[A-ZĐ]", core[1:]):
        return False
    before = sentence[: sentence.find(lead)].rstrip(" ,")
    segment = before[before.rfind(",") + 1 :].strip()
    return not (_OPENING_PHRASE.match(segment) and len(syllables(segment)) <= 8)


def in_opinion(folded: str, cue_at: int) -> bool:
    """Whether the cue sits in what someone thinks (`cho rằng … khiến ông huỷ …`)."""
    for opinion in OPINION_BEFORE.finditer(folded, max(0, cue_at - 100), cue_at):
        if "," not in folded[opinion.end() : cue_at].lstrip(" ,:"):
            return True
    return False


def in_time_clause(lead: str) -> bool:
    """Whether the cue sits in a `khi …` clause that follows a main clause of its own."""
    words = lower_unify_tones(lead).split()
    for i in range(max(0, len(words) - 8), len(words)):
        if words[i] == "khi" and len(words[:i]) >= 4:
            return True
    return False


def relative_passive(lead: str) -> bool:
    """Whether a long run precedes `được/bị` with no linker (`danh sách … được X chấp thuận`)."""
    words = lead.split()
    marks = [i for i, w in enumerate(words) if lower_unify_tones(w) in ("được", "bị")]
    if not marks or len(syllables(" ".join(words[: marks[-1]]))) <= 12:
        return False
    return lower_unify_tones(words[marks[-1] - 1]) not in _COORDINATORS


def described(lead: str) -> bool:
    """Whether the cue sits in a passive that describes a noun after `là`/`thuộc`."""
    return _DESCRIBED.search(lower_unify_tones(lead)) is not None


def judged_act(lead: str, rest: str) -> bool:
    """Whether the act is the subject of a judgement (`việc thu hồi đất là đúng`), not news."""
    act = _ACT.match(lower_unify_tones(lead))
    return act is not None and COPULA.search(lower_unify_tones(rest)) is not None


def not_the_predicate(subject_folded: str) -> bool:
    """Whether a (tone-folded) subject puts the cue in a relative clause or a list of examples."""
    folded = subject_folded.strip(" ,") + " "
    if _EXAMPLES.search(folded):
        return True
    relative = _RELATIVE.search(folded)
    # `không cấm mà chỉ yêu cầu` contrasts two acts; a relative clause has its own subject.
    words = relative.group(1).split() if relative else []
    # `mà UBND tỉnh tổ chức đã …`: an auxiliary after subject and verb starts the main clause.
    late_aux = any(w in _NOT_SUBJECT for w in words[4:])
    return 0 < len(words) <= 8 and not late_aux and any(w not in _NOT_SUBJECT for w in words)


def gives_reason(folded: str) -> bool:
    """Whether a (tone-folded) sentence gives the reason for an event told before."""
    return _REASON.match(folded) is not None


def draws_conclusion(folded: str) -> bool:
    """Whether a (tone-folded) sentence opens with a conclusion (`vì vậy`, `do đó`)."""
    return _INFERENCE.match(folded) is not None

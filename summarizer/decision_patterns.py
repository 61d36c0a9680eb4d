"""Decisions stated without a cue word: plans, quoted obligations, rules, orders, designations."""

from __future__ import annotations

import re

from summarizer import decision_actors as actors
from summarizer import decision_context as context
from summarizer import decision_cues as cues
from summarizer.decision_authority import is_authority
from summarizer.decision_obligations import CONDITION, FIRST_PERSON, modal_clause, obligation
from summarizer.decision_text import QUOTES, rest_of_clause, sentence_case, shorten
from summarizer.digest import Decision
from summarizer.textnorm import lower_unify_tones, syllables

Names = list[tuple[int, int, str]]


def _folded(pattern: str) -> re.Pattern[str]:
    """A pattern over tone-folded lower-case text."""
    return re.compile(lower_unify_tones(pattern))


# A decision that directs others; the next sentence may carry on with its obligations.
DIRECTING = _folded(r"(?<!\w)(?:yêu cầu|đề nghị|chỉ đạo|nhấn mạnh|lưu ý|kết luận|quán triệt)(?!\w)")
# Whom an official's `phải/cần` binds: bodies, sectors, officials, a task (`việc …`).
_ADDRESSEE = _folded(
    r"[“\"\s]*(?:(?:trong|từ|đến|trước|sau)\s[^,]{1,25}?,?\s*)?(?:các|việc|ngành|toàn ngành"
    r"|tỉnh|thành phố|huyện|xã|phường|địa phương|doanh nghiệp|cơ quan|bộ|sở|lực lượng|cán bộ"
    r"|đảng viên|chính quyền|mỗi|mọi|cấp uỷ|cấp ủy|người đứng đầu|văn kiện|nhà trường|trường"
    r"|chủ đầu tư|nhà thầu|thí sinh|sẽ không được|không được|nghiêm cấm)(?!\w)"
)
# Who spoke: `…”, Thủ tướng nói.` at the end, or `Thủ tướng nhấn mạnh: …` at the start.
_SPEECH_VERB = r"nói|nhấn mạnh|khẳng định|lưu ý|phát biểu|cho biết|cho hay|kết luận|nêu rõ|chỉ rõ"
_TRAILING = re.compile(
    rf"^(?P<said>.+?)[”\"]?\s*[,–-]+\s*(?P<who>[^“”\"]{{2,120}}?),?\s+(?P<verb>{_SPEECH_VERB})"
    r"(?:\s+[^,“”\"]{0,40})?\s*[.!]?\s*$"
)
_ANY_SPEECH = re.compile(rf"(?<!\w)(?:{_SPEECH_VERB})(?!\w)")
_LEADING = re.compile(rf"(?P<verb>{_SPEECH_VERB})\s*(?:,|:|rằng)\s*[“\"]?")
# Someone else's account, not the directive going on (`theo lời khai của ông A`).
_TESTIMONY = _folded(r"(?<!\w)(?:lời khai|theo lời|theo ông|theo bà|nhận định|cho rằng)(?!\w)")
# A plan announced by an authority (`Bộ sẽ tổ chức thi tập trung`), not an appearance, a fate,
# a consequence forced on the subject (`sẽ phải trả`) nor a meeting (`sẽ tổ chức cuộc họp`).
_FUTURE = re.compile(r"(?<!\w)sẽ(?!\w)")
# Only whether it matches counts: a word here covers its longer forms (`phải`: `phải đối mặt`).
_NOT_PLAN_AFTER = _folded(
    r"\s+(?:là|có mặt|tham dự|dự|phát biểu|gặp|thăm|đến|tới|có chuyến|trả lời|được|bị"
    r"|nhận|còn|không bình luận|mất|chứng kiến|có thể|đón|đi|về|sang|bay"
    r"|lên đường|trở lại|trở về|ở lại|nghỉ|xuất hiện|tiếp|hội đàm|hội kiến|thảo luận|bàn|trao đổi"
    r"|điện đàm|làm việc|chủ trì|đồng chủ trì|cùng|có cuộc|có bài|đề cập|nói|nhắc"
    r"|cân nhắc|xem xét|nghiên cứu|tính đến|tính toán|phải|buộc phải"
    r"|tổ chức (?:cuộc |buổi |phiên )?(?:họp|hội nghị|hội thảo|toạ đàm|gặp))(?!\w)"
)
# A rule's own fate (`Quy định này sẽ được xem xét lại`, `Nghị định có hiệu lực từ …`).
_RULE = _folded(
    r"(?:quy định|qui định|bộ luật|luật|nghị định|thông tư|nghị quyết|quyết định|chỉ thị|chính sách"
    r"|biện pháp|lệnh cấm|lệnh|mức phạt|số tiền phạt|khoản phạt|mức thuế|thuế|quy chế|quy hoạch)"
    r"(?!\w)[^;:]{0,120}?(?<!\w)(?:sẽ được|sẽ do|sẽ có hiệu lực|có hiệu lực|được áp dụng|sẽ áp dụng"
    r"|sẽ bị bãi bỏ|bị bãi bỏ|chính thức có hiệu lực)(?!\w)"
)
_TASK = _folded(r"việc(?!\w)[^;:]{0,100}?(?<!\w)(?:sẽ do|được giao cho|sẽ giao cho)(?!\w)")
# Done on an authority's order (`… theo chỉ đạo của Bộ Chính trị`).
_BY_ORDER = _folded(r"(?<!\w)theo (?:sự )?(?:chỉ đạo|chỉ thị|yêu cầu|quyết định|kết luận) của\s+")
# A place or task given a role (`được xác định là nhiệm vụ trọng tâm`).
_DESIGNATED = _folded(
    r"(?<!\w)được xác định là (?:một trong những )?(?:[^\s,]+\s+){0,3}(?:nhiệm vụ|mục tiêu"
    r"|trọng tâm|ưu tiên|vị trí|khâu|giải pháp|động lực|đột phá|hướng đi|địa bàn|mũi nhọn)(?!\w)"
)


def _speaker(who: str, names: Names, offset: int) -> tuple[str, str | None] | None:
    """The speaker as shown (an official's name without title) when it is an authority."""
    if len(syllables(who)) > 20:
        return None
    for start, _, name in names:
        if offset <= start < offset + len(who):
            return name, name
    parts = [p.strip() for p in who.split(",") if p.strip()]
    if not any(is_authority(p) for p in parts):
        return None
    # `Thongchai …, một quan chức bộ Y tế, nói`: the person first, the office after.
    first = parts[0]
    if len(parts) > 1 and not is_authority(first) and len(syllables(first)) <= 5:
        return first, first
    return next(p for p in parts if is_authority(p)), None


def _quoted_obligation(sentence: str, folded: str, names: Names) -> Decision | None:
    """An obligation an authority states: `“Các xã phải …”, Thủ tướng nói` or `X nhấn mạnh: …`."""
    if obligation(folded) is None or not _ANY_SPEECH.search(sentence):
        return None
    trailing = _TRAILING.match(sentence)
    if trailing:
        speaker = _speaker(trailing.group("who"), names, trailing.start("who"))
        clause = modal_clause(sentence, folded, 0, trailing.end("said"))
        if speaker and clause and _ADDRESSEE.match(lower_unify_tones(clause)):
            text = f"{speaker[0]} {trailing.group('verb')}: “{clause}”"
            return Decision(shorten(sentence_case(text), 4), speaker[1])
    for lead in _LEADING.finditer(sentence):
        opening = sentence[: lead.start()]
        who_at = max([0] + [m.end() for m in re.finditer(r"[,;]\s*", opening)])
        speaker = _speaker(opening[who_at:], names, who_at)
        clause = modal_clause(sentence, folded, lead.end(), len(sentence))
        if speaker and clause and _ADDRESSEE.match(lower_unify_tones(clause)):
            text = f"{speaker[0]} {lead.group('verb')}: {clause}"
            return Decision(shorten(sentence_case(text), 4), speaker[1])
    return None


def _plan(sentence: str, folded: str, names: Names) -> Decision | None:
    """A plan announced by an authority: `Bộ sẽ tổ chức …`, `Điện Kremlin cho biết, X sẽ …`."""
    for number, future in enumerate(_FUTURE.finditer(folded)):
        if number >= 3:
            break
        if _NOT_PLAN_AFTER.match(folded, future.end()):
            continue
        clause_at = actors.clause_start(sentence, folded, future.start())
        commas = [m.end() for m in re.finditer(r",\s+", sentence[clause_at : future.start()])]
        subject_at = clause_at + (commas[-1] if commas else 0)
        subject = sentence[subject_at : future.start()]
        if CONDITION.search(folded, clause_at, future.start()) or len(syllables(subject)) > 10:
            continue
        # `Quan hệ … ở mức thấp sau khi chính quyền thông báo sẽ …`: background, not news.
        if re.search(r"(?<!\w)khi(?!\w)", folded[max(0, clause_at - 40) : future.start()]):
            continue
        # The person must be the subject, not inside it (`Dự án của Hà Anh Tuấn sẽ …`).
        lead_at = subject_at + len(subject) - len(subject.lstrip(QUOTES))
        actor = next((n for s, _, n in names if lead_at <= s <= lead_at + 4), None)
        if subject.count(")") > subject.count("("):
            continue
        if not syllables(subject) or not (actor or is_authority(subject)):
            continue
        rest = rest_of_clause(sentence, future.start())
        if len(syllables(rest)) < 4 or "?" in rest:
            continue
        text = sentence_case(f"{subject.strip(QUOTES)} {rest}")
        return Decision(shorten(text, len(syllables(subject)) + 2), actor)
    return None


def _clause_around(sentence: str, folded: str, match: re.Match[str]) -> str:
    """The clause that holds a match, from its start to its end."""
    clause_at = actors.clause_start(sentence, folded, match.start())
    head = sentence[clause_at : match.start()].strip(QUOTES)
    return sentence_case(f"{head} {rest_of_clause(sentence, match.start())}")


def _ruled(sentence: str, folded: str, names: Names) -> Decision | None:
    """A rule's fate, a task handed over, an act on an order, or a designated role."""
    opening = len(sentence) - len(sentence.lstrip(QUOTES))
    for pattern in (_RULE, _TASK):
        rule = pattern.match(folded, opening)
        if rule:
            return Decision(shorten(sentence_case(rest_of_clause(sentence, opening))), None)
    order = _BY_ORDER.search(folded)
    # `theo kết luận của Thanh tra, nhiều xã đã thu sai`: a finding, unless it obliges someone.
    if order and "kết luận" in order.group(0) and obligation(folded, order.end()) is None:
        order = None
    if order and is_authority(sentence[order.end() :]):
        text = _clause_around(sentence, folded, order)
        lowered = lower_unify_tones(text)
        hedged = CONDITION.search(lowered) or FIRST_PERSON.search(lowered)
        if len(syllables(text)) >= 8 and not hedged:
            return Decision(shorten(text), None)
    designated = _DESIGNATED.search(folded)
    if designated:
        text = _clause_around(sentence, folded, designated)
        if len(syllables(text)) >= 8:
            return Decision(shorten(text), None)
    return None


def without_cue(sentence: str, folded: str, names: Names, known: bool) -> Decision | None:
    """A decision the sentence states without a cue word (names guessed only when `known`)."""
    if "?" in sentence:
        return None
    for find in (_quoted_obligation, _plan, _ruled):
        # A guessed name (a contestant, a victim) announces no plan; only the article's officials.
        decision = find(sentence, folded, names if known or find is not _plan else [])
        if decision is not None:
            return decision
    return None


def continued_directive(sentence: str, directive: Decision) -> Decision | None:
    """The next sentence's obligation, when it carries on a directive (same actor)."""
    folded = actors.fold_same_length(sentence)
    if "?" in sentence or cues.REPORTING.search(folded) or _TESTIMONY.search(folded):
        return None
    if context.draws_conclusion(folded):  # `Vì vậy, … cũng cần …`: a conclusion, not an item.
        return None
    modal = obligation(folded)
    if modal is None or modal.group(0) in ("không được", "buộc phải"):
        return None
    clause = modal_clause(sentence, folded, 0, len(sentence))
    if clause is None:
        return None
    return Decision(shorten(sentence_case(clause)), directive.actor)

"""Uses of a cue word that report no decision (`đáp ứng yêu cầu`, `tự huỷ`, `hội đồng xét xử`)."""

from __future__ import annotations

import re

from summarizer import decision_cues as cues
from summarizer.decision_authority import is_authority
from summarizer.textnorm import lower_unify_tones
from summarizer.vnchars import UPPER

# `quyết định số phận` means "determine", not "decide".
_DETERMINE = re.compile(
    r"\s+(?:(?:đáng kể|rất lớn|lớn|nhiều|phần nào)\s+)?(?:số phận|đến|tới|sự|phần lớn|thành bại"
    r"|việc có|cuộc)(?!\w)"
)
# `công nhận nước là một vấn đề an ninh`: acknowledging, not recognising by decision.
_ACKNOWLEDGE = re.compile(
    r"[^,.;]{0,60}?\s+là\s+(?:một|vấn đề|điều|yếu tố|nguyên nhân|sự thật)(?!\w)"
)
# A claim about facts, not a decision (`tuyên bố đã thực hiện vụ tấn công`, `tuyên bố với báo`).
_CLAIM = re.compile(r"\s+(?:đã|đang|rằng|là|với|trên|không|chủ quyền)(?!\w)")
_DECLARED_ACT = re.compile(
    lower_unify_tones(
        r"\s*[:“\"]?\s*(?:sẽ|rút|hoãn|huỷ|hủy|áp đặt|cấm|ngừng|dừng|chấm dứt|đình chỉ|tình trạng"
        r"|phong toả|phong tỏa|giải tán|từ chức|trục xuất|cắt đứt|trừng phạt|bãi bỏ|đóng cửa"
        r"|thành lập|công nhận|tạm dừng|tạm ngừng|phá sản|không tham gia|không công nhận|tử hình"
        r"|trắng án|kết thúc|chính thức|tiếp tục)(?!\w)"
    )
)
# `bác bỏ thông tin`: a denial of news, not a rejected proposal; `bác bỏ, gọi đó là bịa đặt`:
# with no object named, a claim denied.
_DENIED = re.compile(
    lower_unify_tones(
        r"\s+(?:chuyện|thông tin|cáo buộc|tin|tin đồn|các cáo buộc|khả năng|nguồn tin)(?!\w)"
        r"|\s*[,;:]"
    )
)
# Nouns that `được giao` merely qualifies (`đạt 100% nhiệm vụ được giao`).
_ASSIGNED_NOUN = frozenset(
    lower_unify_tones(w)
    for w in ("vụ", "tiêu", "hoạch", "toán", "vốn", "tích", "lượng", "đất", "việc")
)
_EFFECT = re.compile(
    r"\s+của\s+[^,]{1,40}?\s+(?:tiếp tục|làm|khiến|gây|đã gây|đang|bị|được|là|có thể|trái"
    r"|vi phạm|sai)(?!\w)"
)
# `kết luận chính thức`, `kết luận điều tra`: the noun, a finding still to come or to quote.
_FINDING = re.compile(r"\s+(?:chính thức|cuối cùng|điều tra|giám định|thanh tra|của)(?!\w)")
# A mention of an existing decision (`theo quyết định số 88`, `quyết định 88/2008`).
_DOCUMENT_NUMBER = re.compile(r"\s+(?:số\s+)?\d")
# Speculation is no decision (`có thể quyết định`, `nếu … yêu cầu`).
_SPECULATION = frozenset(
    lower_unify_tones(w)
    for w in ("có thể", "nếu", "có lẽ", "muốn", "đáng bị", "dễ bị", "thể bị", "cơ bị", "năng bị")
)
_NEGATED = frozenset(
    lower_unify_tones(w)
    for w in cues.split_words(
        "chưa có|không có|chưa ra|chưa được|không được|chưa bị|không bị|chẳng được|chưa từng"
    )
)
# Hedged, expected or habitual, not decided (`có thể`, `được kỳ vọng sẽ`, `luôn quán triệt`).
_HEDGED = re.compile(lower_unify_tones(r"(?<!\w)(?:có thể|kỳ vọng|được cho là|luôn)(?!\w)"))
# Still being weighed, not decided (`đang xem xét kỷ luật`, `nghiên cứu phần mềm cho phép …`).
_WEIGHED = re.compile(
    lower_unify_tones(
        r"(?<!\w)(?:xem xét|nghiên cứu|cân nhắc|soạn thảo|lấy ý kiến)(?!\w)(?:\s+\w+){0,3}\s*$"
    )
)
_ISSUED_BEFORE = frozenset(lower_unify_tones(w) for w in ("có", "ra", "gửi", "ban hành"))


def _words_before(folded: str, at: int) -> list[str]:
    """The words right before a position, punctuation dropped."""
    return re.findall(r"\w+", folded[max(0, at - 60) : at])


def reject_cue(word: str, sentence: str, folded: str, start: int, end: int) -> bool:
    """Whether this use of a cue word reports no decision."""
    before = _words_before(folded, start)
    prev1 = before[-1] if before else ""
    prev2 = " ".join(before[-2:])
    after = folded[end:]
    noun_before = prev1 in cues.NOUN_BEFORE or prev2 in cues.NOUN_BEFORE
    # `có văn bản cam kết`: a document that commits or asks is still a decision.
    issued = (
        prev2 == lower_unify_tones("văn bản") and len(before) > 2 and before[-3] in _ISSUED_BEFORE
    )
    if word not in cues.NOUN_OK and noun_before and not issued:
        return True
    recent = " ".join(before[-5:])
    if prev1 in _SPECULATION or prev2 in _SPECULATION or _HEDGED.search(recent):
        return True
    if "từ khi" in " ".join(before[-8:]):
        return True
    if _WEIGHED.search(folded, max(0, start - 50), start):
        return True
    # Part of a proper name (`Hội trường Thống Nhất`, `Ban Chỉ đạo quốc gia`).
    if before and sentence[start : start + 1].isupper():
        return True
    if word in cues.NOUN_OK and prev2 in cues.REACTION_BEFORE:
        return True
    # `chưa có quyết định`, `chưa được bổ nhiệm`: no decision (yet).
    if (
        "chưa" in before[-4:]
        or prev2 in _NEGATED
        or (word in cues.NOUN_OK and " " in prev2 and prev2 in cues.NOUN_BEFORE)
    ):
        return True
    if word in cues.NOUN_OK:
        if (
            prev1 in cues.NOUN_MENTION
            or after.startswith(" này")
            or prev1 in ("theo", "của", "với", "tính")
        ):
            return True
        if _DOCUMENT_NUMBER.match(after) or _DETERMINE.match(after):
            return True
        # `Quyết định của Mỹ tiếp tục làm xấu đi …` talks about a decision's effects.
        if not before and _EFFECT.match(after):
            return True
    elif re.match(r"\s+(?:của|này|đó|trên)(?!\w)", after):
        # `yêu cầu này`, `đề nghị đó`: the noun, pointing back at something already said.
        return True
    if word == lower_unify_tones("huỷ") and (
        prev1 in cues.NOT_CANCEL_BEFORE or cues.NOT_CANCEL_AFTER.match(after)
    ):
        return True
    if word == lower_unify_tones("công nhận") and _ACKNOWLEDGE.match(after):
        return True
    if word == "kết luận" and _FINDING.match(after):
        return True
    if word == "đồng ý" and re.match(r"\s+với(?!\w)", after):
        return True
    if word in ("dừng", "tạm dừng") and re.match(r"\s+(?:lại|chân|xe|bước)(?!\w)", after):
        return True
    # A declaration is a decision only when it declares an act (`tuyên bố hoãn phiên toà`).
    if word == "tuyên bố" and (_CLAIM.match(after) or not _DECLARED_ACT.match(after)):
        return True
    if word == "bác bỏ" and _DENIED.match(after):
        return True
    if word == "chủ trương" and prev1 not in cues.POLICY_BEFORE:
        return True
    if word == "thông qua" and not cues.PASSED.match(sentence[end:]):
        return True
    if word == "được giao" and (prev1 in _ASSIGNED_NOUN or prev1 in ("không", "chưa")):
        return True
    if word in ("được giao", "giao cho") and cues.NOT_ASSIGN.match(after):
        return True
    # `Thông qua chương trình, …` means "through", `kỷ luật kỷ cương` is discipline.
    if word == "thông qua" and not before:
        return True
    discipline = (lower_unify_tones("kỷ luật"), lower_unify_tones("kỉ luật"))
    if word in discipline and re.match(r",?\s+kỷ cương", after):
        return True
    if word == "giao" and (
        not re.match(rf"\s+(?:cho\s+|các\s+)?[{UPPER}]", sentence[end:])
        or cues.NOT_ASSIGN.match(after)
    ):
        return True
    return cues.MODIFIER_AFTER.match(after) is not None


def is_passive(lead: str) -> bool:
    """Whether the clause before the cue is passive (`đã bị khởi tố`, `được Thành uỷ đồng ý`)."""
    words = lead.replace(",", " , ").split()[-7:]
    marks = [i for i, w in enumerate(words) if lower_unify_tones(w) in ("bị", "được")]
    if not marks:
        return False
    agent = words[marks[-1] + 1 :]
    # Only an agent may stand between (`được UBND tỉnh phê duyệt`), no comma and no verb.
    if "," in agent:
        return False
    named = bool(agent) and (agent[0][:1].isupper() or is_authority(" ".join(agent)))
    return named or all(lower_unify_tones(w) in cues.LINKERS for w in agent)

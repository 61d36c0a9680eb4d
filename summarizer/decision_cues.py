"""Cue words that mark a reported decision, directive, request or sanction (tone-folded)."""

from __future__ import annotations

import re

from summarizer.sentences import split_sentences
from summarizer.textnorm import lower_unify_tones


# Verbs and verb phrases, longest first so that `ra quyết định` wins over `quyết định`.
def split_words(words: str) -> list[str]:
    """Words written `a|b|c` (long lists stay compact)."""
    return words.split("|")


_CUES = sorted(
    set(
        split_words(
            "yêu cầu|đề nghị|kiến nghị|chỉ đạo|giao|khẳng định|đảm bảo rằng|giao cho|giao nhiệm vụ"
            "|ra quyết định|quyết định|phê duyệt|phê chuẩn|ban hành|kết luận|xử phạt|phạt tiền"
            "|kỷ luật|kỉ luật|cách chức|cách hết các chức vụ|cắt hết các chức vụ|miễn nhiệm"
            "|bổ nhiệm"
            "|khởi tố|truy tố|truy nã|bắt tạm giam|tạm giữ hình sự|khai trừ|cảnh cáo|khiển trách"
            "|thông qua|chấp thuận|chấp nhận|đồng ý|bác bỏ|đình chỉ|tạm đình chỉ|thu hồi|nhấn mạnh"
            "|quán triệt|huỷ|huỷ bỏ|từ chức|tuyên bố|cam kết|chủ trương|rút khỏi|trừng phạt"
            "|nghiêm cấm|xét xử|tuyên án|được giao|thống nhất giao|lưu ý|chỉ thị|thống nhất"
            "|cho phép|cấm|kêu gọi|công nhận|tạm dừng|ra lệnh|ký lệnh|ký sắc lệnh|áp đặt|ban bố"
            "|bãi bỏ|điều động|trục xuất|tịch thu|cưỡng chế|phân công|tạm ngừng|dừng|bác đề xuất"
            "|bác đề nghị|bác đơn|bác kháng cáo|bác yêu cầu"
        )
    ),
    key=len,
    reverse=True,
)
# Cues that only an authority can use as a decision (`Bộ Y tế cấm …`, not `bố mẹ cấm …`).
AUTHORITY_ONLY = frozenset(
    lower_unify_tones(w)
    for w in split_words(
        "thống nhất|cho phép|cấm|kêu gọi|công nhận|tạm dừng|áp đặt|ban bố|bãi bỏ|điều động"
        "|trục xuất|tịch thu|cưỡng chế|phân công|chỉ thị|tạm ngừng|dừng|ra lệnh|chấp nhận"
        "|giao|giao cho|giao nhiệm vụ|xử phạt|phạt tiền|cảnh cáo|ban hành|cam kết|đồng ý"
        "|tuyên bố|trừng phạt|nghiêm cấm|huỷ|huỷ bỏ"
    )
)
CUE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(lower_unify_tones(c)) for c in _CUES) + r")(?!\w)"
)

# Words right before a cue that make it a noun or a non-decision (`đáp ứng yêu cầu`).
NOUN_BEFORE = frozenset(
    lower_unify_tones(w)
    for w in split_words(
        "đáp ứng|theo|với|các|những|mọi|nhiều|một|có|là|của|nhu|thực hiện|so với|tính"
        "|bản|dự thảo|nội dung|không|chưa|trước|sau|hợp đồng|ngoại|bàn|chuyển|đơn|lời"
        "|các đề nghị|cho|xin|vì|sự|pháp|lệnh|công tác|việc|thông báo|công bố|tình với"
        "|thể|tinh thần|hội đồng|phiên|viết|cách|hình thức|trường hợp|ban|quá trình"
        "|phiên toà|về|khi|chậm|lãnh đạo|thoả thuận|kế hoạch|đề xuất|ý định|khả năng"
        "|nguy cơ|ứng được|đạt|nhận được|lệnh|đem lại|mang lại"
    )
)
# Words before a noun-like cue that make it a mere mention (`là một quyết định`, `các quyết định`).
NOUN_MENTION = frozenset(
    lower_unify_tones(w)
    for w in ["các", "những", "là", "một", "mọi", "không", "nếu", "việc", "kể", "dù", "tự"]
)
# Verbs that take a decision as their object (`hoan nghênh quyết định`): a mention, not news.
REACTION_BEFORE = frozenset(
    lower_unify_tones(w)
    for w in split_words(
        "hoan nghênh|ủng hộ|phản đối|chỉ trích|lên án|phản ứng|bác bỏ|ca ngợi|khen ngợi|tán thành"
    )
)
# Cues whose passive is no decision (`bị áp đặt định kiến`, `được thống nhất`).
NO_PASSIVE = frozenset(
    lower_unify_tones(w)
    for w in split_words(
        "áp đặt|dừng|tạm dừng|thống nhất|kêu gọi|ban bố|tuyên bố|cam kết|chỉ thị|ra lệnh"
        "|tạm ngừng|nhấn mạnh|khẳng định|lưu ý"
    )
)
# `chủ trương` reports a decision only after one of these (`đã có chủ trương`).
POLICY_BEFORE = frozenset(lower_unify_tones(w) for w in ["đã", "có", "quán", "sẽ", "vẫn", "từng"])
# `thông qua` is a decision only when a text is passed (otherwise it means "through").
PASSED = re.compile(
    r"\s+(?:dự thảo|nghị quyết|luật|quyết định|đề án|kế hoạch|báo cáo|phương án|tờ trình|chương"
    r"|[A-ZĐ])"
)
# An assertion is a directive only when it obliges someone (`khẳng định … phải bị trừng trị`).
MODAL = re.compile(r"(?<!\w)(?:phải|cần|kiên quyết|không để|xử lý|nghiêm)(?!\w)")
# Verbs that open an order (`tập trung …`, `khẩn trương …`): the imperative needs no modal.
URGING = re.compile(
    r"\s*[:“\"]?\s*(?:tập trung|tiếp tục|đẩy mạnh|tăng cường|quyết liệt|khẩn trương|sớm|chủ động"
    r"|nghiêm túc|tuyệt đối|không để|phải|cần)(?!\w)"
)


_NOT_ORDER_BEFORE = frozenset(
    lower_unify_tones(w) for w in split_words("đã|không|chưa|đành|có|liệu|từng|nên|lại|chẳng|khi")
)
# `thì phải hơn 30 năm nữa`: a modal before a quantity tells what it takes, no order.
_QUANTITY_AFTER = re.compile(r"\s+(?:hơn|gần|khoảng|mất|tới|đến|\d)")


def obliges(rest: str) -> bool:
    """Whether what a cue governs obliges or urges someone."""
    folded = lower_unify_tones(rest)
    if URGING.match(folded):
        return True
    for modal in MODAL.finditer(folded):
        if _QUANTITY_AFTER.match(folded, modal.end()):
            continue
        before = folded[max(0, modal.start() - 8) : modal.start()].split()
        # `đã phải chi`, `không phải`: what happened or what is not, not an order.
        if not before or before[-1] not in _NOT_ORDER_BEFORE:
            return True
    return False


def obliging_part(quoted: str) -> str:
    """The quotation from its first sentence that obliges someone (the reasoning before dropped)."""
    parts = split_sentences(quoted)  # knows abbreviations: `TP. HCM` is no sentence end
    first = next((i for i, part in enumerate(parts) if obliges(part)), 0)
    return " ".join(parts[first:])


# Cues that name a decision even as a noun (`có quyết định chính thức`, `ra quyết định`).
NOUN_OK = frozenset(lower_unify_tones(w) for w in ("quyết định", "ra quyết định", "chủ trương"))
# Requests that only count when someone with authority makes them.
REQUESTS = frozenset(lower_unify_tones(w) for w in ("đề nghị", "kiến nghị", "yêu cầu"))
# Cues that only count with a named actor (an emphasis is a directive only from an official).
NEEDS_ACTOR = frozenset(
    lower_unify_tones(w)
    for w in ("nhấn mạnh", "tuyên bố", "cam kết", "đồng ý", "khẳng định", "đảm bảo rằng")
)
# `giao` followed by these is not "assign" (`Sở Giao thông`, `giao dịch`).
NOT_ASSIGN = re.compile(
    r"\s+(?:thông|dịch|lưu|tiếp|ban|hàng|nhận|thương|hữu|thoa|thừa|diện|chiến|tranh|lộ|kèo|hoà|hòa)(?!\w)"
)
NEEDS_MODAL = frozenset(lower_unify_tones(w) for w in ("khẳng định", "nhấn mạnh", "lưu ý"))
# Reporting verbs: what follows them is the reported clause, with its own subject.
REPORTING = re.compile(
    r"(?<!\w)(?:cho biết thêm|cho biết|cho rằng|cho hay|nói rằng|thông tin(?=\s*[,:]|\s+rằng)"
    r"|chia sẻ|trả lời|(?<!những )(?<!các )(?<!bài )(?<!lời )phát biểu|khẳng định)(?!\w)"
    r"\s*(?:,|:|rằng)?\s*"
)
# Words that may sit between an actor's name and the cue (`Nguyễn Văn A đã yêu cầu`).
LINKERS = frozenset(
    lower_unify_tones(w)
    for w in split_words(
        "đã|sẽ|cũng|vừa|tiếp|tục|đồng|thời|nói|và|thì|mới|lại|liền|ngay|khi|đó|bị|được"
    )
)
# Cues that need what was said: a bare `Bộ trưởng nhấn mạnh` reports no decision.
SPEECH = (NEEDS_ACTOR - {lower_unify_tones("đồng ý")}) | REQUESTS | {lower_unify_tones("bác bỏ")}
# A cue followed by these qualifies a noun (`số tài sản thu hồi còn rất hạn chế`).
MODIFIER_AFTER = re.compile(r"\s+(?:còn|là|rất|vẫn|cũng rất)(?!\w)")
# Cues that direct someone (`yêu cầu làm rõ … hay không` is still an order).
ASSIGNING_WORDS = frozenset(
    lower_unify_tones(w) for w in split_words("giao|chỉ đạo|yêu cầu|đề nghị|kiến nghị")
)
# Cues that hand out tasks; the sentences right after them may list the tasks one by one.
ASSIGNING = re.compile(
    r"(?<!\w)(?:thống nhất giao|giao nhiệm vụ|giao cho|giao|chỉ đạo|yêu cầu|kết luận)(?!\w)"
)
# `huỷ` in `huỷ diệt`, `phá huỷ`, `huỷ hoại` is destruction, not cancellation.
NOT_CANCEL_AFTER = re.compile(r"\s+(?:diệt|hoại|tự động)(?!\w)")
NOT_CANCEL_BEFORE = frozenset(
    lower_unify_tones(w) for w in ("phá", "sức", "tiêu", "bị phá", "tự", "cấu")
)

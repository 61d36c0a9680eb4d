"""Cue words that mark a reported decision, directive, request or sanction (tone-folded)."""

from __future__ import annotations

import re
import unicodedata

_TONES = "\u0300\u0301\u0309\u0303\u0323"


def _tone_pairs() -> dict[str, str]:
    """Old-style `oà`/`uỷ` at a syllable's end mapped to the new style `òa`/`ủy`."""
    pairs: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            old = first + unicodedata.normalize("NFC", second + tone)
            pairs[old] = unicodedata.normalize("NFC", first + tone) + second
    return pairs


_PAIRS = _tone_pairs()
_OLD_STYLE = re.compile("(" + "|".join(_PAIRS) + r")(?!\w)")


def fold_tones(text: str) -> str:
    """Lower case with old/new tone placement unified; keeps the text's length for slicing."""
    lower = unicodedata.normalize("NFC", text).lower()
    return _OLD_STYLE.sub(lambda m: _PAIRS[m.group(1)], lower)


# Verbs and verb phrases, longest first so that `ra quyết định` wins over `quyết định`.
_CUES = sorted(
    {
        "yêu cầu",
        "đề nghị",
        "kiến nghị",
        "chỉ đạo",
        "giao",
        "khẳng định",
        "đảm bảo rằng",
        "giao cho",
        "giao nhiệm vụ",
        "ra quyết định",
        "quyết định",
        "phê duyệt",
        "phê chuẩn",
        "ban hành",
        "kết luận",
        "xử phạt",
        "phạt tiền",
        "kỷ luật",
        "kỉ luật",
        "cách chức",
        "cách hết các chức vụ",
        "cắt hết các chức vụ",
        "miễn nhiệm",
        "bổ nhiệm",
        "khởi tố",
        "truy tố",
        "truy nã",
        "bắt tạm giam",
        "tạm giữ hình sự",
        "khai trừ",
        "cảnh cáo",
        "khiển trách",
        "thông qua",
        "chấp thuận",
        "chấp nhận",
        "đồng ý",
        "bác bỏ",
        "đình chỉ",
        "tạm đình chỉ",
        "thu hồi",
        "nhấn mạnh",
        "quán triệt",
        "huỷ",
        "huỷ bỏ",
        "từ chức",
        "tuyên bố",
        "cam kết",
        "chủ trương",
        "rút khỏi",
        "trừng phạt",
        "nghiêm cấm",
        "xét xử",
        "tuyên án",
        "được giao",
        "thống nhất giao",
    },
    key=len,
    reverse=True,
)
CUE = re.compile(r"(?<!\w)(" + "|".join(re.escape(fold_tones(c)) for c in _CUES) + r")(?!\w)")

# Words right before a cue that make it a noun or a non-decision (`đáp ứng yêu cầu`).
NOUN_BEFORE = frozenset(
    fold_tones(w)
    for w in (
        "đáp ứng",
        "theo",
        "với",
        "các",
        "những",
        "mọi",
        "nhiều",
        "một",
        "có",
        "là",
        "của",
        "nhu",
        "thực hiện",
        "so với",
        "tính",
        "bản",
        "dự thảo",
        "nội dung",
        "không",
        "chưa",
        "trước",
        "sau",
        "hợp đồng",
        "ngoại",
        "bàn",
        "chuyển",
        "đơn",
        "lời",
        "các đề nghị",
        "cho",
        "xin",
        "vì",
        "sự",
        "pháp",
        "lệnh",
        "công tác",
        "việc",
        "thông báo",
        "công bố",
        "tình với",
        "thể",
        "tinh thần",
    )
)
# Words before a noun-like cue that make it a mere mention (`là một quyết định`, `các quyết định`).
NOUN_MENTION = frozenset(
    fold_tones(w) for w in ["các", "những", "là", "một", "mọi", "không", "nếu", "việc"]
)
# `chủ trương` reports a decision only after one of these (`đã có chủ trương`).
POLICY_BEFORE = frozenset(fold_tones(w) for w in ["đã", "có", "quán", "sẽ", "vẫn", "từng"])
# `thông qua` is a decision only when a text is passed (otherwise it means "through").
PASSED = re.compile(
    r"\s+(?:dự thảo|nghị quyết|luật|quyết định|đề án|kế hoạch|báo cáo|phương án|tờ trình|chương"
    r"|[A-ZĐ])"
)
# An assertion is a directive only when it obliges someone (`khẳng định … phải bị trừng trị`).
MODAL = re.compile(r"(?<!\w)(?:phải|cần|kiên quyết|không để|xử lý|nghiêm)(?!\w)")
# Cues that name a decision even as a noun (`có quyết định chính thức`, `ra quyết định`).
NOUN_OK = frozenset(fold_tones(w) for w in ("quyết định", "ra quyết định", "chủ trương"))
# Who asks for something without the power to decide it: citizens, voters, the press.
NON_AUTHORITIES = re.compile(
    r"(?<!\w)(?:cử tri|người dân|bà con|nhân dân|dư luận|người lao động|hành khách|phụ huynh"
    r"|tôi|chúng tôi|gia đình|nạn nhân|bị cáo|bị can|luật sư|doanh nghiệp|nhà đầu tư"
    r"|chuyên gia|nhiều người|độc giả|bạn đọc)(?!\w)"
)
NON_AUTHORITIES_FOLDED = re.compile(fold_tones(NON_AUTHORITIES.pattern))
# Requests that only count when someone with authority makes them.
REQUESTS = frozenset(fold_tones(w) for w in ("đề nghị", "kiến nghị", "yêu cầu"))
# Cues that only count with a named actor (an emphasis is a directive only from an official).
NEEDS_ACTOR = frozenset(
    fold_tones(w)
    for w in ("nhấn mạnh", "tuyên bố", "cam kết", "đồng ý", "khẳng định", "đảm bảo rằng")
)
# `giao` followed by these is not "assign" (`Sở Giao thông`, `giao dịch`).
NOT_ASSIGN = re.compile(r"\s+(?:thông|dịch|lưu|tiếp|ban|hàng|nhận|thương|hữu|thoa|thừa|diện)(?!\w)")
NEEDS_MODAL = frozenset(fold_tones(w) for w in ("khẳng định",))
# Reporting verbs: what follows them is the reported clause, with its own subject.
REPORTING = re.compile(
    r"(?<!\w)(?:cho biết|cho rằng|cho hay|nói rằng|thông tin|chia sẻ|trả lời|phát biểu|khẳng định)"
    r"(?!\w)\s*(?:,|:|rằng)?\s*"
)
# Words that may sit between an actor's name and the cue (`Nguyễn Văn A đã yêu cầu`).
LINKERS = frozenset(
    fold_tones(w)
    for w in [
        "đã",
        "sẽ",
        "cũng",
        "vừa",
        "tiếp",
        "tục",
        "đồng",
        "thời",
        "nói",
        "và",
        "thì",
        "mới",
        "lại",
        "liền",
        "ngay",
        "khi",
        "đó",
    ]
)
# Cues that need what was said: a bare `Bộ trưởng nhấn mạnh` reports no decision.
SPEECH = (NEEDS_ACTOR - {fold_tones("đồng ý")}) | REQUESTS
# A cue followed by these qualifies a noun (`số tài sản thu hồi còn rất hạn chế`).
MODIFIER_AFTER = re.compile(r"\s+(?:còn|là|rất|vẫn|cũng rất)(?!\w)")
# Cues that hand out tasks; the sentences right after them may list the tasks one by one.
ASSIGNING = re.compile(r"(?<!\w)(?:giao|chỉ đạo|yêu cầu|kết luận)(?!\w)")
# `huỷ` in `huỷ diệt`, `phá huỷ`, `huỷ hoại` is destruction, not cancellation.
NOT_CANCEL_AFTER = re.compile(r"\s+(?:diệt|hoại)(?!\w)")
NOT_CANCEL_BEFORE = frozenset(fold_tones(w) for w in ("phá", "sức", "tiêu", "bị phá"))

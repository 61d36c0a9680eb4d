"""Readability rules: which sentences can stand alone in a summary, and clean trimming cuts."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.textnorm import count_words

# Discourse links that lean on the sentence before: stripped from a summary sentence's start.
# Not links of time or reference ("Trước đó, …", "Khi đó, …"): without them a past event
# reads as today's news; such sentences need the one before (data/back_references.txt).
_LINK_COMMA = (
    "tuy nhiên|tuy vậy|dù vậy|dẫu vậy|thế nhưng|do đó|do vậy|vì vậy|vì thế|bởi vậy|"
    "chính vì thế|chính vì vậy|ngoài ra|bên cạnh đó|đồng thời|mặt khác|theo đó|trong đó|"
    "cùng với đó|trong khi đó|thêm vào đó|hơn nữa|ngược lại|như vậy|trên cơ sở này|"
    "trên cơ sở đó|thậm chí|kết quả là|nói cách khác|vì lẽ đó|"
    "đặc biệt|cụ thể"
)
_LINK_BARE = "tuy nhiên|thế nhưng|nhưng|song|do đó|vì vậy|vì thế|ngoài ra|đồng thời|còn|thêm vào đó"
_ALSO_AT = r"cũng (?:tại|trong|ở) [^,;]{1,40}"
_LINK = re.compile(
    rf"^(?:(?:{_LINK_COMMA}|{_ALSO_AT})\s*,|(?:{_LINK_BARE})\s+(?=\S))\s*", re.IGNORECASE
)
# A sentence that opens with one of these verbs and no subject is an item of a list of
# directives ("Tiếp tục phát huy …"): without its speaker it reads as an order from nowhere.
_DIRECTIVE = (
    "tiếp tục|tập trung|quan tâm|bố trí|rà soát|đẩy mạnh|tăng cường|nâng cao|chỉ đạo|"
    "triển khai|khẩn trương|kiên quyết|chủ động|phát huy|đảm bảo|bảo đảm|sớm|phối hợp|"
    "chấn chỉnh|kiện toàn|hoàn thiện|nghiêm túc|thường xuyên|quán triệt|làm tốt|coi trọng|"
    "chú trọng|tiến hành|xử lý nghiêm|cần|phải|nên|hãy|không được|tránh|khắc phục|"
    "duy trì|rà soát lại|thực hiện tốt|thực hiện nghiêm|giữ vững|nắm chắc|theo dõi"
)
_DIRECTIVE_START = re.compile(rf"^(?:{_DIRECTIVE})\b", re.IGNORECASE)
# "Trong quá trình sắp xếp, bố trí cán bộ …": an adverbial, then a directive with no subject.
_LEAD_THEN_DIRECTIVE = re.compile(
    r"^(?:trong|khi|sau khi|trước khi|để|nếu|với|về|đối với|tại|qua|từ nay|thời gian tới)\b"
    rf"[^,;]{{0,60}},\s+(?:{_DIRECTIVE})\b",
    re.IGNORECASE,
)
# A list line: bullet, dash or "1." / "a)" numbering at the start.
_BULLET = re.compile(r"^\s*(?:[-–—+•*·]|\d{1,2}[.)]\s|[a-zđ]\)\s)")
# A bare pronoun or demonstrative subject points at someone the summary never named.
_ANAPHOR = re.compile(
    r"^(?:(?:ông|bà|anh|chị|cô|người|đối tượng|nghi phạm|nạn nhân|cháu|em)\s+(?:này|ấy|ta|kia)|"
    r"điều này|việc này|vụ việc|sự việc|vụ việc này|thông tin này)\b",
    re.IGNORECASE,
)
# Personal pronouns: not even the title can stand in for the person they mean.
_PERSONAL = re.compile(r"^(?:họ|hắn|nó|chúng|chúng tôi|chúng ta|tôi)\b", re.IGNORECASE)
# A bare kinship pronoun in lower case ("… cho biết ông đã …"): its antecedent was cut away.
_BARE_PRONOUN = re.compile(r"^(?:ông|bà|anh|chị|cô|họ|nó|hắn|em|cháu)\s+(?![A-ZĐ])\S", re.UNICODE)
# A clause must not end on a verb that wants an object or on a word that binds to what follows.
_OPEN_END = re.compile(
    r"\b(?:đề nghị|yêu cầu|chỉ đạo|giao|rà soát|kiểm tra|xem xét|đề xuất|kiến nghị|quyết định|"
    r"chỉ thị|đồng ý|phê duyệt|nâng cao|tăng cường|đẩy mạnh|triển khai|thực hiện|tập trung|"
    r"hoàn thiện|kiện toàn|bố trí|sắp xếp|xử lý|khắc phục|tổ chức|cho biết|cho rằng|nhấn mạnh|"
    r"khẳng định|lưu ý|đánh giá|phân loại|ban hành|sửa đổi|bổ sung|điều chỉnh|nghiên cứu|"
    r"đảm bảo|bảo đảm|cần|phải|sẽ|đã|đang|được|bị|là|của|và|với|cho|các|những|vừa|để|nhằm|"
    r"gồm|như|từ|đến|tới|về|hoặc|hay|rằng|mà|thì|nên|có|theo|tại|ở|trong|trên|dưới)$",
    re.IGNORECASE,
)
# A dropped clause starting like this carried the predicate or the next verb of a series.
_PREDICATE_START = re.compile(
    r"^(?:sẽ|đã|đang|được|bị|là|có|cũng|vẫn|không|chưa|từng|vừa|mới|phải|cần|đều|luôn|"
    rf"{_DIRECTIVE}|tổ chức|thực hiện|kiểm tra|xem xét|sắp xếp|hỗ trợ|giải quyết|xây dựng|"
    r"tạo|giúp|đưa|thống nhất|tháo gỡ|xử lý|bổ sung|sửa đổi|điều chỉnh|ban hành)\b",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"ông", "bà", "anh", "chị", "cô", "cháu", "em", "tôi", "mình", "con"})
_QUESTION = re.compile(r"^(?:tại sao|vì sao|liệu|phải chăng|làm sao|làm thế nào)\b", re.IGNORECASE)
_MIN_WORDS = 5
_CLOSERS = ".!?…\"'”’)»;:"
_QUOTES_OPEN = "“«"
_QUOTES_CLOSE = "”»"


def strip_link(text: str) -> str:
    """The sentence without a leading discourse link ("Tuy nhiên, …"), capitalised again."""
    match = _LINK.match(text)
    if not match:
        return text
    rest = text[match.end() :]
    if count_words(rest) < _MIN_WORDS:
        return text
    return rest[:1].upper() + rest[1:]


def clean_cut(kept: str, dropped: str) -> bool:
    """Whether cutting `dropped` off after `kept` leaves a complete clause."""
    kept = kept.rstrip(" ,;:")
    dropped = dropped.strip()
    # "… là tiếng Anh, tiếng Mã Lai …": the dropped clause goes on with the same head noun.
    head = dropped.split(maxsplit=1)[0].lower() if dropped else ""
    if head and head in (w.lower() for w in kept.split()[-3:]):
        return False
    return not _OPEN_END.search(kept) and not _PREDICATE_START.match(dropped)


def leaves_bare_pronoun(rest: str) -> bool:
    """Whether a trimmed sentence now opens on a pronoun whose antecedent was cut."""
    return bool(_BARE_PRONOUN.match(rest.strip()))


def subjectless(text: str) -> bool:
    """A directive list item with no subject ("Tiếp tục phát huy …"), or a bullet line."""
    text = text.strip().lstrip("\"'“‘ ")
    if _BULLET.match(text):
        return True
    if _LEAD_THEN_DIRECTIVE.match(text):
        return True
    if not _DIRECTIVE_START.match(text):
        return False
    # "Thực hiện chỉ đạo của tỉnh, Sở Y tế đã …": a subject after the lead phrase.
    return not re.search(r",\s+[A-ZĐ]", text)


def anaphoric(text: str, after_title: bool = False) -> bool:
    """Whether the sentence opens on a pronoun or 'this …' that needs a sentence before it."""
    # Right after the title, "Người này …" can lean on it; a bare "Ông cho biết …" cannot.
    text = text.strip().lstrip("\"'“‘ ")
    if _PERSONAL.match(text):
        return True
    if _ANAPHOR.match(text):
        return not after_title
    words = text.split(maxsplit=2)
    # "Ông cho biết …" (not "Ông Duterte …"): a kinship pronoun standing for a name.
    return len(words) >= 2 and words[0].lower() in _PRONOUNS and words[1][:1].islower()


def _quote_delta(sentence: str, inside: bool) -> tuple[bool, bool]:
    """(opens/continues outside its own bounds, inside-after) for one sentence."""
    state = inside
    broken = inside
    for ch in sentence:
        if ch in _QUOTES_OPEN:
            state = True
        elif ch in _QUOTES_CLOSE:
            if not state:
                broken = True
            state = False
        elif ch == '"':
            state = not state
    # Straight quotes cannot tell opening from closing: an odd count spans sentences.
    broken = broken or sentence.count('"') % 2 == 1
    return broken or state, state


def standalone(sentences: Sequence[str], paragraphs: Sequence[int]) -> list[bool]:
    """For each sentence, whether it can stand in a summary on its own."""
    # Not: a piece of a quotation spanning several sentences (split from its speaker), a list
    # line, a subjectless directive, a question, or a fragment too short to say anything.
    out: list[bool] = []
    inside = False
    previous = -1
    for sentence, paragraph in zip(sentences, paragraphs, strict=True):
        if paragraph != previous:
            inside = False
            previous = paragraph
        split_quote, inside = _quote_delta(sentence, inside)
        body = sentence.strip()
        ok = (
            not split_quote
            and not _BULLET.match(body)
            and not subjectless(strip_link(body))
            and not body.rstrip("\"'”’ ").endswith("?")
            and not _QUESTION.match(body)
            and count_words(body) >= _MIN_WORDS
            # A line with no closing punctuation is a subheading or a page note.
            and body[-1:] in _CLOSERS
        )
        out.append(ok)
    if not any(out):
        return [True] * len(out)
    return out

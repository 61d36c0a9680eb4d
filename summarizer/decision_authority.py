"""Who may decide: public bodies and office holders (only they issue decisions)."""

from __future__ import annotations

import re

from summarizer.gazetteers import fold, places
from summarizer.textnorm import lower_unify_tones
from summarizer.vnchars import UPPER

# Offices whose holders decide, direct or approve (a `Phó` before any of them still counts).
_TITLES = (
    "Thủ tướng|Tổng thống|Chủ tịch|Tổng Bí thư|Bí thư|Bộ trưởng|Thứ trưởng|Chánh án|Viện trưởng"
    "|Thống đốc|Thị trưởng|Ngoại trưởng|Người đứng đầu|Trưởng ban|Giám đốc|Cục trưởng"
    "|Tổng cục trưởng|Chánh thanh tra|Tổng Thanh tra|Tổng thư ký|Quốc vương|Nhà vua|Tư lệnh"
    "|Quan chức|Người phát ngôn"
)
# Bodies that decide; the short ones need a name or qualifier after them (`Bộ Y tế`, `Bộ này`).
_BODIES = (
    "UBND|HĐND|Quốc hội|Chính phủ|Nhà nước|Bộ Chính trị|Ban Bí thư|Ban Thường vụ|Trung ương"
    "|TAND|TANDTC|HĐXX|Hội đồng xét xử|VKSND|Viện kiểm sát|Toà án|Tòa án|Tỉnh uỷ|Tỉnh ủy"
    "|Thành uỷ|Thành ủy|Huyện uỷ|Huyện ủy|Đảng uỷ|Đảng ủy|Điện Kremlin|Nhà Trắng|Lầu Năm Góc"
    "|Liên Hợp Quốc|Liên hợp quốc|Hội đồng Bảo an|Nội các|Chính quyền|Kỳ họp|Hội nghị"
)
_SHORT_BODIES = (
    "Tổ chức|Bảo hiểm xã hội|Bộ|Sở|Cục|Tổng cục|Ban|Uỷ ban|Ủy ban|Hội đồng|Công an|Cơ quan"
    "|Thanh tra|Tỉnh|TP|Thành phố"
)
# A short body of an administrative level is a body too (`Công an huyện`, `Uỷ ban xã`).
_LEVELS = r"(?:tỉnh|huyện|quận|xã|phường|thị xã|thị trấn|thành phố)(?!\w)"
_HEAD = re.compile(
    rf"(?:(?:Phó\s+)?(?:{_TITLES})|{_BODIES})(?!\w)"
    rf"|(?:{_SHORT_BODIES})(?:\s+(?:[{UPPER}]|này|chức năng|điều tra|sẽ|đã|cũng|vừa|{_LEVELS})|$)"
)
# Time and place phrases that may open a clause before its subject (`Sắp tới Quốc hội sẽ …`).
_OPENING = re.compile(
    r"(?:(?:sắp tới|tới đây|thời gian tới|trước mắt|hiện|hiện nay|trong khi đó|đồng thời|ngoài ra"
    r"|bên cạnh đó|cũng|một|ngày|hôm nay|hôm qua|chiều|sáng|tối|trưa|tuần|tháng|năm|trước đó"
    r"|sau đó|do vậy|vì vậy|do đó|vì thế|tuy nhiên|theo đó)"
    r"(?:\s+[\d/.-]+|\s+(?:nay|qua|tới|sau|này))?\s*,?\s+)+",
    re.IGNORECASE,
)
# Who asks or agrees without the power to decide: citizens, voters, the press, experts.
NON_AUTHORITIES = re.compile(
    lower_unify_tones(
        r"(?<!\w)(?:cử tri|người dân|bà con|nhân dân|dư luận|người lao động|hành khách|phụ huynh"
        r"|tôi|chúng tôi|gia đình|nạn nhân|bị cáo|bị can|bị hại|luật sư|doanh nghiệp|nhà đầu tư"
        r"|chuyên gia|nhiều người|độc giả|bạn đọc|ý kiến|yếu tố|người bệnh|học sinh|sinh viên"
        r"|nghi phạm|đối tượng|phiến quân|thí sinh|thuyền trưởng|ngư dân|tài xế|người nhà"
        r"|chính trị gia|giới chức|nhà phân tích|nhà quan sát|giới phân tích|truyền thông"
        r"|công ty|tập đoàn|hãng|nhà xe)(?!\w)"
        r"|^(?:chị|anh|em|cháu|bé|cụ|vợ|chồng|về phần chị|về phần anh)\s"
    )
)


def strip_opening(text: str) -> str:
    """The clause without the time phrase that opens it (`Hiện ông A …` → `ông A …`)."""
    opening = _OPENING.match(text)
    return text[opening.end() :] if opening and opening.end() < len(text) else text


def is_authority(subject: str) -> bool:
    """Whether a clause's subject is a public body or an office holder."""
    text = strip_opening(subject.strip(' ,:;"“”()'))
    if _HEAD.match(text):
        return True
    # Lower-case heads followed by a proper name (`bộ Công an`, `tỉnh Quảng Nam`).
    return bool(text[:1].islower() and _HEAD.match(text[:1].upper() + text[1:]))


def authority_within(text: str) -> int | None:
    """Where a body or office holder starts inside a longer phrase (`đồng tình việc Nhà nước`)."""
    for word in re.finditer(rf"(?<!\w)[{UPPER}]", text):
        if word.start() > 0 and is_authority(text[word.start() :]):
            return word.start()
    return None


def non_authority(subject_folded: str) -> bool:
    """Whether a (tone-folded) subject names people who cannot decide (and no body does)."""
    return NON_AUTHORITIES.search(subject_folded.strip(' ,"“”')) is not None


def names_a_state(subject: str) -> bool:
    """Whether a subject opens with a country, province or seat of power (`Mỹ`, `Washington`)."""
    words = [fold(w) for w in strip_opening(subject.strip(' ,"“”')).split()]
    return bool(words) and places().match_at(words, 0) > 0

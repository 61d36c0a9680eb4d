"""Recognisers for the page clutter that surrounds a pasted Vietnamese article."""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer.textnorm import syllables
from summarizer.vnchars import UPPER as _UPPER

_WEEKDAY = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s*nhật|cn)"
_DATE = r"\d{1,2}\s*[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{2,4})?"
_TIME = r"\d{1,2}\s*[:hg]\s*\d{2}(?:\s*:\s*\d{2})?"
_DATE_WORDS = re.compile(
    rf"{_WEEKDAY}|{_DATE}|{_TIME}|gmt\s*[+-]?\s*\d*|\(|\)|cập nhật|đăng lúc|lúc|ngày|giờ"
    r"|am|pm|sáng|chiều|tối|[,|\-–—:]",
)
_WEATHER = re.compile(r"°\s*[cf]|\bđộ\s*c\b|thời tiết|nhiệt độ|icon", re.IGNORECASE)
_FOLLOW = re.compile(
    r"^(?:theo dõi|follow|chia sẻ|share|bình luận|in bài|lưu bài|lưu tin|nghe bài|nghe đọc"
    r"|cỡ chữ|tải ứng dụng|đăng nhập|gửi bài|gửi góp ý|copy link|sao chép liên kết|facebook"
    r"|zalo|twitter|email|google news|quay lại|trở về|trang chủ|tin mới nhất|\*\s*bài viết thể"
    r"|bài viết thể hiện quan điểm|quảng cáo|advertisement)\b",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:>+\s*)?(?:tin liên quan|bài liên quan|bài viết liên quan|tin bài liên quan|xem thêm"
    r"|đọc thêm|tin cùng chuyên mục|cùng chuyên mục|tin khác|các tin khác|tin bài khác"
    r"|tin mới|tin nổi bật|đọc nhiều|xem nhiều|có thể bạn quan tâm|bạn có thể quan tâm"
    r"|tin đã đưa|tags?|từ khóa|từ khoá|chủ đề)\s*[:>]*\s*",
    re.IGNORECASE,
)
_PHOTO = re.compile(
    r"^(?:\(?\s*(?:ảnh|hình|video|clip|photo|nguồn ảnh|đồ họa|đồ hoạ|infographic)"
    r"(?:\s+minh\s+h[oọ][aạ]|\s+minh\s+hoạ)?\s*[:\-–)]"
    r"|ảnh minh h|hình minh h)",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"(?:[(\-–.]\s*|\s)(?:ảnh|hình|video|clip|photo|đồ họa|đồ hoạ)\s*:\s*[^.]{1,60}\)?\s*$",
    re.IGNORECASE,
)
_NAME_PART = rf"[{_UPPER}][\w'’]*(?:\s+[{_UPPER}][\w'’]*){{1,3}}"
_BYLINE = re.compile(
    r"^(?i:(?:bài(?:\s*(?:,|và)\s*ảnh)?|ảnh|nhóm phóng viên|nhóm pv|pv|ctv|btv)\s*:\s*)?"
    rf"(?:{_NAME_PART}|PV|CTV|Nhóm PV)"
    rf"(?:\s*(?:[-–,&]|\bvà\b)\s*(?:{_NAME_PART}|PV|CTV))*"
    r"(?:\s*\((?i:theo\s+)?[^()]{1,40}\))?\s*$"
)
_SOURCE_BYLINE = re.compile(
    r"^\(?\s*(?:theo|nguồn)\s*:?\s+[\w.\s/&-]{2,40}\)?\s*$|^\((?:tổng hợp|t\s*/\s*h)\)$",
    re.IGNORECASE,
)
_STAMP = re.compile(rf"{_DATE}|{_TIME}")
_CLOSED = re.compile(r"[.!…;,]\s*$")
_INNER_END = re.compile(rf"[a-zà-ỹđ0-9][.!…]\s+[{_UPPER}]")
_GLUED_AUTHOR = re.compile(rf"([.!?…\"”])\s+({_NAME_PART}(?:\s*\([^()]{{1,30}}\))?)\s*$")
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")
# Outlet prefixes glued to the lead: "Báo Cà Mau Chiều 23/7, …", "(Dân trí) - …", "TTO - …".
_LEAD_WORDS = (
    r"(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Hôm|Sáng nay|Chiều nay|Tối nay|Theo|Tại|Trong|Sau|Vào|Từ"
    r"|Khi|Năm|Tháng|Thời gian|Hiện|Mới đây|Vừa qua|Chiều tối|Rạng sáng|Sáng sớm|Cuối|Đầu|Giữa)"
)
_SOURCE_PREFIXES = (
    re.compile(
        rf"^(?:Báo|Tạp chí|Đài|Cổng TTĐT)(?:\s+[{_UPPER}][\w.]*){{1,4}}?\s+(?={_LEAD_WORDS}\b)"
    ),
    re.compile(rf"^(?:Báo|Tạp chí|Đài)(?:\s+[{_UPPER}][\w.]*){{1,4}}\s*[-–—:]\s+"),
    re.compile(r"^\(\s*[\w.\s/-]{2,30}\)\s*[-–—:]?\s+"),
    re.compile(rf"^(?:[{_UPPER}]{{2,8}}(?:\.VN|\.vn)?|[\w]+\.(?:vn|VN|com|net))\s+[-–—]\s+"),
)


@lru_cache(maxsize=8192)
def word_count(text: str) -> int:
    """Number of syllables (cached: the same lines are measured by several recognisers)."""
    return len(syllables(text))


def is_date_line(line: str) -> bool:
    """A date/time stamp line such as `Thứ ba, 28-10-25 19:43:07`."""
    lower = line.lower()
    if not _STAMP.search(lower) or word_count(line) > 14:
        return False
    rest = _DATE_WORDS.sub(" ", lower)
    return word_count(rest) <= 1


def is_weather_line(line: str) -> bool:
    """A weather widget line such as `Cà Mau, 32°C/ 32°C - 33°C`."""
    return word_count(line) <= 16 and bool(_WEATHER.search(line)) and "°" in line


def is_follow_line(line: str) -> bool:
    """A follow/share/toolbar line (`Theo dõi Báo điện tử Cà Mau trên`)."""
    if word_count(line) > 16:
        return False
    if re.match(r"^theo dõi\b.*\btrên\b", line, re.I):
        return True
    match = _FOLLOW.match(line)
    return match is not None and word_count(line[match.end() :]) <= 3


def is_related_marker(line: str) -> bool:
    """A heading that opens a block of links to other articles (`Tin liên quan`)."""
    match = _RELATED.match(line)
    return match is not None and word_count(line[match.end() :]) == 0


def is_related_link(line: str) -> bool:
    """An inline link to another article (`Xem thêm: …`, `>> Đọc thêm …`)."""
    match = _RELATED.match(line)
    if not match or not re.match(r"^(?:>+\s*)?(?:xem thêm|đọc thêm|tin liên quan)", line, re.I):
        return False
    return 0 < word_count(line[match.end() :]) <= 40


def is_photo_caption(line: str) -> bool:
    """A caption line marked as such (`Ảnh: …`, `Ảnh minh hoạ`, `… (Ảnh: TTXVN)`)."""
    if word_count(line) > 45:
        return False
    if _PHOTO.match(line):
        return True
    if re.match(r"(?:quang|toàn) cảnh\b", line, re.IGNORECASE) and word_count(line) <= 15:
        return True
    credit = _PHOTO_CREDIT.search(line)
    return credit is not None and not re.search(r"[.!?…]\s+\S", line[: credit.start()])


def strip_photo_credit(paragraph: str) -> str:
    """A paragraph without a trailing caption fragment and credit (`… (PGM) Ảnh: AFP`)."""
    credit = _PHOTO_CREDIT.search(paragraph)
    if not credit:
        return paragraph
    head = paragraph[: credit.start()]
    cut = max(head.rfind(". "), head.rfind("! "), head.rfind("? "))
    return paragraph[: cut + 1] if cut >= 0 else paragraph


def strip_photo_sentence(paragraph: str) -> str:
    """A long paragraph without the `Video: …` caption sentence glued to its start."""
    if not _PHOTO.match(paragraph):
        return paragraph
    match = re.search(r"[.!?…]\s+(?=\S)", paragraph)
    return paragraph[match.end() :] if match else paragraph


def strip_related_tail(paragraph: str) -> str:
    """A paragraph without a trailing inline link (`… Xem thêm: 5 siêu vũ khí …`)."""
    match = re.search(r"(?:^|(?<=[.!?…\"”]))\s*(?:>+\s*)?(?:Xem thêm|Đọc thêm)\s*[:>]", paragraph)
    if match and word_count(paragraph[match.end() :]) <= 30:
        return paragraph[: match.start()].rstrip()
    return paragraph


def is_byline(line: str) -> bool:
    """An author line (`Hoàng Lam - Hữu Thọ`, `Nguyễn Hoàng (Theo TASS)`, `Theo TTXVN`)."""
    line = line.strip()
    if word_count(line) > 14 or _TERMINAL.search(line.rstrip(")")):
        return _SOURCE_BYLINE.match(line) is not None
    return _BYLINE.match(line) is not None or _SOURCE_BYLINE.match(line) is not None


def is_headline(line: str) -> bool:
    """A short line without final punctuation: a title, a subheading or a caption."""
    if word_count(line) > 40 or _CLOSED.search(line):
        return False
    # Two sentences and more make prose whose end lost its period, not a headline.
    return not _INNER_END.search(line)


def strip_source_prefix(lead: str) -> str:
    """The lead without an outlet prefix (`Báo Cà Mau Chiều 23/7, …` -> `Chiều 23/7, …`)."""
    for pattern in _SOURCE_PREFIXES:
        match = pattern.match(lead)
        if match and word_count(lead[match.end() :]) >= 8:
            rest = lead[match.end() :]
            if rest[:1].isupper() or rest[:1].isdigit():
                return rest
    return lead


def strip_trailing_byline(paragraph: str) -> str:
    """The last paragraph without an author name glued after its final sentence."""
    match = _GLUED_AUTHOR.search(paragraph)
    if match and is_byline(match.group(2)) and word_count(match.group(2)) <= 5:
        return paragraph[: match.start(2)].rstrip()
    return paragraph


_GLUED_PHOTO = re.compile(r"(?<=[.!?…\"”])\s+\(?Ảnh minh h(?:oạ|ọa)\)?(?=\s|$)", re.IGNORECASE)
_TAIL = re.compile(r"(?<=[.!?…\"”])\s+([^.!?…\"“”:;]{1,60})$")


def strip_glued_clutter(paragraph: str) -> str:
    """A paragraph without a subheading, caption or author glued after its last sentence.

    Pages flattened to text glue `… năm trước. Tranh cãi` or `… 2016. Ảnh minh hoạ Khu vực …`.
    """
    paragraph = _GLUED_PHOTO.sub("", paragraph)
    tail = _TAIL.search(paragraph)
    if tail and word_count(tail.group(1)) <= 6 and tail.group(1)[:1].isupper():
        return paragraph[: tail.start()].rstrip()
    return paragraph

"""What a summary sentence needs to be trusted: a predicate, no caption, no dangling link."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from summarizer.engines.coherence import strip_link
from summarizer.engines.compress import Variant, variants
from summarizer.gazetteers import fold
from summarizer.textnorm import count_words, fold_tones

_DATA = Path(__file__).resolve().parents[1] / "data"
# The time phrase of a news lead: "Sáng 13/6", "chiều 23-7", "Ngày 10/09/2019", "hôm qua",
# "trưa thứ Sáu" (a weekday after a time word: alone, "thứ sáu" is often "sixth").
_TIME = re.compile(
    r"\b(?:(?:rạng\s+)?(?:sáng|trưa|chiều|tối|đêm|khuya|ngày|hôm)\s+(?:nay|qua|mai|"
    r"\d{1,2}(?:[/-]\d{1,2}(?:[/-]\d{2,4})?)?|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)|"
    r"\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?|hôm qua|hôm nay|tuần (?:qua|trước))\b",
    re.IGNORECASE,
)
_UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper())
_LOWER = "".join(c for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower())
# "… lên bờ. Ảnh: C.A Tối 3/2, ông …": a caption's credit, then the sentence it was glued to.
_CREDIT = re.compile(
    r"\(?\b(?i:ảnh|nguồn ảnh|nguồn|video|clip|đồ họa|đồ hoạ|photo)\s*:\s*"
    rf"(?:[{_UPPER}\d.\-–&/]+\s*)*?(?=[{_UPPER}][{_LOWER}]|\d+\s*(?:h|giờ|g)\b|$)\)?"
)
# "… QUANG ĐỊNHSáng 18-10": a credit in capitals glued to the next sentence's first word.
_GLUED = re.compile(rf"[{_UPPER}]{{3,}}(?=[{_UPPER}][{_LOWER}])")
_PHOTO_NOTE = re.compile(
    r"\s*\(?\b(?:ảnh|hình) minh h(?:ọa|oạ)\b\)?|\s*\((?:ảnh|nguồn|video|clip)\s*:[^()]{0,60}\)",
    re.IGNORECASE,
)
# A verb of saying that ends the sentence with nothing said, or only a date ("… cho biết năm
# 2001."): its object was cut away.
_SAY = r"cho biết|cho hay|cho rằng|khẳng định|tiết lộ|xác nhận|thông báo|nhận định|nhấn mạnh"
_DATE_ONLY = r"\s+(?:vào\s+)?(?:năm|ngày|tháng|hôm)?\s*[\d/\-]+"
# "… cho rằng thời gian qua.": what was said is cut, a word or three of its start are left.
_BARE_SAY = re.compile(
    rf"\b(?:(?:{_SAY})(?:\s+\S+){{0,3}}|(?:nói|kể|thông tin){_DATE_ONLY})\s*[.!?…]*$",
    re.IGNORECASE,
)
# "Ông A (trái) và ông B …": a photo's caption, which says who stands where.
_PHOTO_SIDE = re.compile(
    r"\((?:[^()]{0,25}\s)?(?:trái|phải|giữa)(?:\s+(?:sang|qua)\s+(?:trái|phải))?\)", re.IGNORECASE
)
_MIN_KEPT = 6
# The longest back-reference opener is a few words long.
_OPENER_WORDS = 6
# A photo caption is one short line.
_CAPTION_WORDS = 30


def _fold(text: str, words: int | None = None) -> str:
    """fold_tones, word by word through the gazetteers' cached `fold`."""
    return " ".join(fold(w) for w in text.split()[:words])


def _folded_lines(name: str) -> list[str]:
    lines = (_DATA / name).read_text("utf-8").splitlines()
    return [fold_tones(x.strip()) for x in lines if x.strip() and not x.startswith("#")]


@cache
def _verbs() -> re.Pattern[str]:
    words = sorted(_folded_lines("verbs.txt"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


@cache
def _back_references() -> re.Pattern[str]:
    words = sorted(_folded_lines("back_references.txt"), key=len, reverse=True)
    return re.compile(r"^[\"“']?(?:" + "|".join(map(re.escape, words)) + r")(?=[\s,])")


def has_predicate(text: str) -> bool:
    """Whether the sentence has a predicate word (summarizer/data/verbs.txt) that says something."""
    if not _verbs().search(_fold(text)):
        return False
    # "Anh A (…) cho biết năm 2001." — but not a quotation closed by its speaker.
    quoted = any(q in text for q in "\"“”:")
    return quoted or not _BARE_SAY.search(text.strip())


def time_phrase(sentence: str) -> str | None:
    """The first time phrase of a sentence ("Sáng 13/6"), if any."""
    match = _TIME.search(sentence)
    return match.group(0) if match else None


def keeps(phrase: str | None, text: str) -> bool:
    """Whether `text` still says `phrase` (always true when there is none)."""
    return phrase is None or _fold(phrase) in _fold(text)


def without_caption(sentence: str) -> str | None:
    """The sentence less a glued photo caption or credit; None when nothing else is left."""
    if _PHOTO_SIDE.search(sentence):
        return None
    text = _PHOTO_NOTE.sub("", sentence).strip()
    for pattern in (_CREDIT, _GLUED):
        match = None
        for match in pattern.finditer(text):  # noqa: B007 — the last one is wanted
            pass
        if match is not None:
            # A caption comes before its credit: what follows the credit is the sentence.
            text = text[match.end() :].strip()
    if text != sentence.strip() and count_words(text) < _MIN_KEPT:
        return None
    return text or None


def without_captions(sentences: list[str]) -> list[str]:
    """Sentences less captions and credits, and less a caption split off before its credit."""
    out: list[str] = []
    for sentence in sentences:
        opens_on_credit = bool(_CREDIT.match(sentence.strip()) or _GLUED.match(sentence.strip()))
        if opens_on_credit and out and count_words(out[-1]) <= _CAPTION_WORDS:
            # "Ngư dân thả cá giống. | Ảnh: MINH KHÔIChiều 2/4, …": the sentence before the
            # credit was the photo's caption.
            out.pop()
        kept = without_caption(sentence)
        if kept:
            out.append(kept)
    return out


def refers_back(text: str) -> bool:
    """Whether the sentence opens on a link to what came before ("Trước đó, …", "Ông này …")."""
    return bool(_back_references().match(_fold(text, _OPENER_WORDS)))


def trusted_variants(sentence: str, lead: bool) -> list[Variant]:
    """The sentence's variants a reader can trust; none when the sentence says nothing."""
    # A trim may only leave a sentence that still has its predicate, keeps the lead's time
    # ("Sáng 13/6, …") and keeps a link to what came before ("Trước đó, …": dropped, an old
    # charge reads as today's news).
    if not has_predicate(sentence):
        return []
    time = time_phrase(sentence) if lead else None
    # A link that may go ("Theo đó, …") is stripped from every variant: the rest decides.
    linked = refers_back(strip_link(sentence.strip()))
    return [
        v
        for v in variants(sentence)
        if not v.ops
        or (
            has_predicate(v.text)
            and keeps(time, v.text)
            and refers_back(v.text) == linked
            and not ("first" in v.ops and _opens_on_predicate(v.text))
        )
    ]


def _opens_on_predicate(text: str) -> bool:
    """Whether a clause starts with its verb ("Trao đổi với báo chí chiều 3/1."): no subject."""
    # Kept alone, such a first clause was the adverbial of the sentence it was cut from.
    return bool(_verbs().match(_fold(text, _OPENER_WORDS)))

"""Rewrites that let a sentence stand alone: speaker led in, pronoun named, subheading cut."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.textnorm import count_words

# "… phường” - Bí thư Tỉnh uỷ Nguyễn Hồ Hải nhấn mạnh.": the closing piece of a quotation with
# its speaker after it.
_CLOSING_QUOTE = re.compile(
    r"^(?P<quote>[^“”\"]{20,}?)\s*[”\"]\s*(?:-|–|,)\s*"
    r"(?P<speaker>[^“”\"]{3,80}?\s(?:nhấn mạnh|nói|cho biết|khẳng định|chia sẻ|phát biểu|"
    r"yêu cầu|chỉ đạo|đề nghị|kết luận))\s*[.!]?$",
    re.IGNORECASE,
)


def reattach(sentence: str) -> str | None:
    """The closing piece of a split quotation, led by its speaker ("X nhấn mạnh: “…”.")."""
    match = _CLOSING_QUOTE.match(sentence.strip())
    if not match:
        return None
    speaker = match.group("speaker").strip()
    quote = match.group("quote").strip().rstrip(".")
    return f"{speaker[:1].upper()}{speaker[1:]}: “{quote[:1].upper()}{quote[1:]}”."


def with_speakers(sentences: Sequence[str], alone: Sequence[bool]) -> tuple[list[str], list[bool]]:
    """Quotation pieces that end on their speaker, rewritten to stand alone with it."""
    texts, flags = list(sentences), list(alone)
    for i, (sentence, ok) in enumerate(zip(sentences, alone, strict=True)):
        if not ok and (rewritten := reattach(sentence)) is not None:
            texts[i], flags[i] = rewritten, True
    return texts, flags


# "… ác cảm của dư luận Trái ngược với số phận …": a subheading glued to the sentence after it
# (a sentence starter, capitalised, right after a lower-case word with no punctuation between).
_GLUE = re.compile(
    r"(?:^|\s)(?P<before>\S+) (?=(?:Trong|Theo|Tại|Khi|Sau|Trước|Với|Để|Nếu|Tuy|Mặc dù|Vì|"
    r"Cũng|Ngoài|Bên cạnh|Đồng thời|Trái ngược) [a-zà-ỹđ0-9])"
)
_MIN_UNGLUED = 8


def unglue(sentence: str) -> str:
    """The sentence without a subheading glued before it, when one is."""
    cut = 0
    for match in _GLUE.finditer(sentence):
        # "phố Tạ Hiện là …" is a name, not a glue: the word before must be lower case.
        if match.group("before")[:1].islower():
            cut = match.end()
    tail = sentence[cut:]
    if cut and count_words(tail) >= _MIN_UNGLUED:
        return tail
    return sentence


_UPPER = "A-ZĐÀ-ỸÂĂÊÔƠƯÁÉÍÓÚÝ"
_NAMED = re.compile(
    rf"\b(?P<kin>ông|bà|anh|chị)\s+(?P<name>[{_UPPER}][\w-]*(?:\s+[{_UPPER}][\w-]*){{0,3}})",
    re.IGNORECASE,
)
_LOOKBACK = 3


def name_pronouns(sentences: Sequence[str]) -> list[str]:
    """Sentences opening on a bare "Ông …" get the name of the last "ông X" just before them."""
    out = list(sentences)
    for i, sentence in enumerate(sentences):
        words = sentence.split(maxsplit=2)
        if len(words) < 3 or words[0] not in ("Ông", "Bà") or not words[1][:1].islower():
            continue
        name = None
        for earlier in reversed(sentences[max(0, i - _LOOKBACK) : i]):
            found = [
                m.group("name")
                for m in _NAMED.finditer(earlier)
                if m.group("kin").lower() == words[0].lower()
            ]
            if found:
                name = found[-1]
                break
        if name is not None:
            out[i] = f"{words[0]} {name} {words[1]} {words[2]}"
    return out

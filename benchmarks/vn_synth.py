"""Synthetic Vietnamese-like news text from a syllable vocabulary (no real article copied)."""

from __future__ import annotations

import itertools
import random
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from storage.models import BulkDigest
from summarizer.digest import Decision, Digest, Official

# Frequent function words and news words head the Zipf ranking; generated syllables fill the tail.
_HEAD_WORDS = (
    "của và các có được trong là cho người với không đã này một những về tỉnh quyết định năm"
    " ngày theo tại để đến từ xã huyện thành phố ban hành chủ tịch ủy nhân dân công tác kinh"
    " tế phát triển dự án sở nội vụ tài chính đầu tư cán bộ trụ sở sắp xếp sáp nhập triển khai"
    " kế hoạch chỉ đạo yêu cầu giao thực hiện báo cáo hội nghị đồng chí bí thư"
)
HEAD = tuple(_HEAD_WORDS.split())
ONSETS = (
    "",
    "b",
    "c",
    "ch",
    "d",
    "đ",
    "g",
    "gh",
    "gi",
    "h",
    "k",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "nh",
    "ph",
    "qu",
    "r",
    "s",
    "t",
    "th",
    "tr",
    "v",
    "x",
)
RHYMES = (
    "a",
    "ai",
    "ao",
    "an",
    "ang",
    "anh",
    "ac",
    "ach",
    "ăn",
    "ăng",
    "âm",
    "ân",
    "âu",
    "ây",
    "e",
    "em",
    "en",
    "eo",
    "ê",
    "ên",
    "êu",
    "i",
    "im",
    "in",
    "inh",
    "ich",
    "iêu",
    "iên",
    "o",
    "oa",
    "oai",
    "oan",
    "oang",
    "oc",
    "ong",
    "ô",
    "ôi",
    "ông",
    "ôc",
    "ơ",
    "ơi",
    "ơn",
    "u",
    "ui",
    "un",
    "ung",
    "uy",
    "uyên",
    "ư",
    "ưa",
    "ưng",
    "ươi",
    "ương",
    "ươc",
    "ưu",
)
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
VOWELS = set("aăâeêioôơuưy")
FAMILY = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
)
MIDDLE = ("Văn", "Thị", "Hồ", "Minh", "Quốc", "Thanh", "Hữu", "Đức", "Ngọc", "Xuân")
POSITIONS = (
    "Chủ tịch UBND tỉnh",
    "Phó Chủ tịch UBND tỉnh",
    "Bí thư Tỉnh ủy",
    "Giám đốc Sở Nội vụ",
    "Giám đốc Sở Tài chính",
    "Chủ tịch UBND huyện",
    "Bộ trưởng Bộ Nội vụ",
)


def _with_tone(rhyme: str, tone: str) -> str:
    """Put the tone on the rhyme's main vowel, as Vietnamese spelling does."""
    positions = [i for i, ch in enumerate(rhyme) if ch in VOWELS]
    if not positions:
        return rhyme
    marked = [i for i in positions if rhyme[i] in "ăâêôơư"]
    if marked:
        at = marked[-1]
    elif rhyme[:2] in ("oa", "oe", "uy"):
        at = positions[1]
    elif rhyme[-1] not in VOWELS:
        at = positions[-1]
    else:
        at = positions[0]
    return unicodedata.normalize("NFC", rhyme[: at + 1] + tone + rhyme[at + 1 :])


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    """HEAD words first, then distinct generated syllables in a shuffled order."""
    generated = [o + _with_tone(r, t) for o, r, t in itertools.product(ONSETS, RHYMES, TONES)]
    rng.shuffle(generated)
    seen = dict.fromkeys(HEAD)
    for syllable in generated:
        if len(seen) >= size:
            break
        seen.setdefault(syllable, None)
    return list(seen)


class TextMaker:
    """Sentences with Zipf-distributed syllables; documents are drawn from a sentence pool."""

    def __init__(self, seed: int = 7, pool: int = 30_000) -> None:
        self.rng = random.Random(seed)
        self.vocab = vocabulary(self.rng)
        weights = [1 / (rank + 1) for rank in range(len(self.vocab))]
        self.cum = list(itertools.accumulate(weights))
        self.pool = [self.sentence() for _ in range(pool)]

    def sentence(self) -> str:
        """One sentence of 8–22 syllables."""
        words = self.rng.choices(self.vocab, cum_weights=self.cum, k=self.rng.randint(8, 22))
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def text(self, sentences: int) -> str:
        """Several pooled sentences."""
        return " ".join(self.rng.choices(self.pool, k=sentences))

    def name(self) -> str:
        """An official's name: family, middle and one or two given syllables."""
        given = self.rng.sample(self.vocab[200:1500], self.rng.randint(1, 2))
        return " ".join(
            (self.rng.choice(FAMILY), self.rng.choice(MIDDLE), *(g.capitalize() for g in given))
        )


@dataclass
class Corpus:
    """Per-chat officials pools and the chat weights (a few chats are far busier than most)."""

    maker: TextMaker
    chats: int

    def __post_init__(self) -> None:
        # Every third chat is a group (Telegram gives groups negative ids).
        self.chat_ids = [1_000 + i if i % 3 else -(10**12 + i) for i in range(self.chats)]
        self.chat_cum = list(itertools.accumulate(1 / (i + 10) ** 0.8 for i in range(self.chats)))
        self.officials: dict[int, list[Official]] = {}

    def pick_chat(self) -> int:
        """A chat id, busy chats more often."""
        return self.maker.rng.choices(self.chat_ids, cum_weights=self.chat_cum)[0]

    def chat_officials(self, chat_id: int) -> list[Official]:
        """The 15 officials a chat's articles keep mentioning."""
        if chat_id not in self.officials:
            rng = self.maker.rng
            self.officials[chat_id] = [
                Official(self.maker.name(), (rng.choice(POSITIONS),)) for _ in range(15)
            ]
        return self.officials[chat_id]

    def item(self, created_at: datetime) -> BulkDigest:
        """One article with its digest (body ~12 sentences, summary 3)."""
        rng = self.maker.rng
        chat_id = self.pick_chat()
        officials = tuple(rng.sample(self.chat_officials(chat_id), rng.randint(1, 3)))
        body = self.maker.text(12)
        summary = self.maker.text(3)
        digest = Digest(
            title=self.maker.sentence().rstrip("."),
            summary=summary,
            officials=officials,
            decisions=tuple(
                Decision(self.maker.sentence(), officials[0].name) for _ in range(rng.randint(1, 2))
            ),
            engine="extractive",
            model=None,
            input_words=len(body.split()),
            summary_words=len(summary.split()),
            elapsed_ms=rng.randint(40, 900),
        )
        return BulkDigest(
            chat_id=chat_id,
            user_id=chat_id % 97 + 1,
            text=body,
            digest=digest,
            created_at=created_at,
            message_ids=(rng.randint(1, 10**6),),
        )

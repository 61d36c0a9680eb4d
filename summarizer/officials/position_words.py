"""Word lists that shape position phrases: what may sit inside one and what ends it.

The lists themselves are in `summarizer/data/officials_rules.txt`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from summarizer.gazetteers import fold

_FILE = Path(__file__).resolve().parents[1] / "data" / "officials_rules.txt"


@cache
def _lists() -> dict[str, str]:
    """Each `name: words` line of the rules' word-list file."""
    lines = _FILE.read_text(encoding="utf-8").splitlines()
    pairs = (line.split(":", 1) for line in lines if line.strip() and not line.startswith("#"))
    return {name.strip(): words.strip() for name, words in pairs}


def raw_list(name: str) -> str:
    """One list as written in the file."""
    return _lists()[name]


def words(name: str) -> frozenset[str]:
    """One list of single words, folded."""
    return frozenset(fold(w) for w in _lists()[name].split())


def phrases(name: str) -> frozenset[tuple[str, ...]]:
    """One comma-separated list of phrases, each folded word by word."""
    return frozenset(tuple(fold(w) for w in p.split()) for p in _lists()[name].split(","))


# Lower-case words that may sit inside a position on their own ("Chủ tịch UBND tỉnh").
BODY_WORDS = words("body_words")
# Two-word parts of a position ("Uỷ viên dự khuyết", "Phó Bí thư Thường trực").
BODY_PAIRS = phrases("body_pairs")
# Words that open a place name; the capitalised words after them are the place, nothing more.
PLACE_TYPES = words("place_types")
# Joiners allowed only between two capitalised parts ("Tuyên giáo và Dân vận", "UNESCO tại Hà Nội").
JOINERS = words("joiners")
# Lower-case words that never continue a name of an organisation: verbs and function words.
STOP = words("stop")
# Verbs and particles that end an appositive: what follows is the sentence, not the position.
VERBS = words("verbs")
TAIL_STOP = VERBS | (STOP - {fold("của")})
CLOSERS = frozenset({",", ")", "(", "-", "–", "—", ";", "."})
MAX_TAIL = 10
PREFIXES = words("prefixes")
PREFIX_COMPOUNDS = words("prefix_compounds")
# Words between a separator and an appositive position ("(thời điểm giữ chức Chủ tịch …)").
LEAD_INS = words("lead_ins")
# "Bí thư Thành uỷ lúc bấy giờ là ông Võ Văn Kiệt": time words before "là".
WHEN = words("when")
SEPARATORS = frozenset({",", "-", "–", "—", "(", "là", "kiêm"})
# "ông X từng làm Phó Chủ tịch …": a verb of holding office works as a separator.
HOLDING = phrases("holding")
MAX_BODY = 16
# Family words: a position after them belongs to the relative ("(vợ ông Chủ tịch xã)").
RELATIVES = words("relatives")
# Heads that name a role loosely: read only right before a name ("nhà lãnh đạo Triều Tiên X").
WEAK_HEADS = phrases("weak_heads")

"""Person names by rule: Vietnamese surname rules and foreign-looking names."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.gazetteers import fold, lexicon, places, ranks, surnames
from summarizer.officials.position_words import words
from summarizer.officials.tokens import Token, is_foreign

# Words after which a short capitalised run is a place ("xã Quảng Hùng", "Thành uỷ Đồng Hới").
PLACE_BEFORE = words("place_before")
_PLACE_COMMITTEES = words("place_committees")
_UY = fold("uỷ")
_HO_CHI_MINH = [fold(w) for w in ("Hồ", "Chí", "Minh")]
_CHU_TICH = [fold(w) for w in ("Chủ", "tịch")]
_SEATS = words("seats")
# Lower-case particles inside foreign names ("Bashar al - Assad", "Alexander Van der Bellen").
_PARTICLES = words("name_particles")
# Capitalised sentence openers that are never part of a name ("Theo Donald Trump").
OPENERS = words("openers")
HONORIFICS = frozenset(" ".join(entry) for entry in lexicon("honorifics.txt"))
MAX_VI_NAME = 4
MAX_FOREIGN_NAME = 4


@dataclass(frozen=True)
class NameSpan:
    """Token range [start, end) holding a person's name; `given` for a lone Vietnamese name."""

    start: int
    end: int
    foreign: bool

    @property
    def size(self) -> int:
        """Number of tokens."""
        return self.end - self.start


def _hyphen_joins(tokens: list[Token], j: int, blocked: set[int], first: str = "") -> bool:
    """The hyphen at j joins two parts of one foreign name (`first`: the name's first word)."""
    if j + 1 >= len(tokens) or j + 1 in blocked or not tokens[j + 1].is_word:
        return False
    left, right = tokens[j - 1].text, tokens[j + 1]
    if right.is_lower:
        # Korean given names detokenised as "Jae - in", "Jong - un", "Choe Son - hui".
        return (
            len(right.text) <= 4
            and right.text.isascii()
            and (is_foreign(left) or is_foreign(right.text) or is_foreign(first))
        )
    # "Frank - Walter Steinmeier": a hyphenated given name, so a surname follows ("Trump - Putin"
    # is two people).
    after = tokens[j + 2] if j + 2 < len(tokens) else None
    surname = after is not None and after.is_word and after.is_title_case
    return is_foreign(left) and right.is_title_case and is_foreign(right.text) and surname


def _particle_step(tokens: list[Token], i: int, j: int, blocked: set[int]) -> int:
    """Tokens from j through the particles inside the foreign name opened at i, up to its next
    capitalised word ("al - Assad", "van der Bellen"); 0 when there are none."""
    if not any(is_foreign(t.text) for t in tokens[i:j]):
        return 0
    k = j
    while k < len(tokens) and k - j < 3 and tokens[k].fold in _PARTICLES and k not in blocked:
        k += 1
    if k < len(tokens) and k > j and tokens[k].text == "-":
        k += 1
    ok = j < k < len(tokens) and k not in blocked and tokens[k].is_word
    return k - j if ok and tokens[k].is_title_case else 0


def _runs(tokens: list[Token], blocked: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words; ' - ' joins two foreign words (Frank - Walter)."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if i in blocked or not (tokens[i].is_word and tokens[i].is_title_case):
            i += 1
            continue
        j = i + 1
        while j < n:
            tok = tokens[j]
            if j not in blocked and tok.is_word and tok.is_title_case:
                j += 1
            elif (
                tok.text == "-"
                and (j - 1 == i or not is_foreign(tokens[j - 2].text))
                and _hyphen_joins(tokens, j, blocked, tokens[i].text)
            ):
                j += 2
            elif step := _particle_step(tokens, i, j, blocked):
                j += step + 1
            elif (
                # "George W. Bush": an initial inside a foreign name.
                tok.text == "."
                and len(tokens[j - 1].text) == 1
                and j - i > 1
                and j + 1 < n
                and tokens[j + 1].is_title_case
                and is_foreign(tokens[i].text)
            ):
                j += 1
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _strip_places(folded: list[str], start: int, end: int) -> int:
    """First index after the places that open the run (Đức, Nhật Bản, Điện Kremlin)."""
    gaz = places()
    if end - start > 2 and folded[start] in _SEATS:
        # "Điện Elysee", "Phủ Tổng thống": a seat of power named by one more word.
        start += 2
    while start < end:
        n = gaz.match_at(folded, start, end)
        if not n:
            break
        start += n
    return start


def _after_place_word(folded: list[str], start: int) -> bool:
    """The run follows a word that introduces a place name."""
    if start == 0:
        return False
    before = folded[start - 1]
    if before in PLACE_BEFORE:
        return True
    return before == _UY and start > 1 and folded[start - 2] in _PLACE_COMMITTEES


def _past_place(folded: list[str], start: int, end: int) -> int | None:
    """Start of what follows a place name opening the run; None when the run is the place."""
    # "huyện Lâm Hà", "Thành uỷ Đồng Hới": two words are the place; a name may follow it.
    if end - start == 2:
        return None
    place = places().match_at(folded, start, end)
    if place:
        return start + place
    return start + 2 if end - start > MAX_VI_NAME else start


def _vietnamese_name(folded: list[str], start: int, end: int, free: bool) -> int | None:
    """Start of the Vietnamese name that closes the run, when there is one."""
    gaz, family = places(), surnames()
    if _after_place_word(folded, start) and not free:
        past = _past_place(folded, start, end)
        if past is None:
            return None
        start = past
    for i in range(max(start, end - MAX_VI_NAME), end - 1):
        if tuple(folded[i:end]) in gaz:
            # "Chủ tịch Hồ Chí Minh" is the man, not the city.
            return i if folded[i:end] == _HO_CHI_MINH and folded[i - 2 : i] == _CHU_TICH else None
        if folded[i] in family:
            return i
    if free and 2 <= end - start <= MAX_VI_NAME and tuple(folded[start:end]) not in gaz:
        return start
    return None


def _name_start(folded: list[str], start: int, end: int) -> int:
    """First word of a run that may belong to a name: past openers, honorifics and ranks."""
    while start < end and (folded[start] in HONORIFICS or folded[start] in OPENERS):
        # A sentence that opens with "Ông ..." or "Theo ..." capitalises that word too.
        start += 1
    # "Tướng Ali Reza Lotfi", "Đại sứ quán Mỹ ...": ranks never belong to the name.
    return start + (ranks().match_at(folded, start, end) if start < end else 0)


def _foreign_name(tokens: list[Token], folded: list[str], start: int, end: int) -> NameSpan | None:
    """The foreign name that closes the run, after the places that open it."""
    if places().match_ending(folded, end - 1) and not places().match_at(folded, start, end):
        return None  # "Grab Việt Nam": a company named after its country
    first = _strip_places(folded, start, end)
    if first < end and sum(t.is_word for t in tokens[first:end]) <= MAX_FOREIGN_NAME:
        return NameSpan(first, end, foreign=True)
    return None


def _after_country(folded: list[str], start: int, end: int, blocked: set[int]) -> NameSpan | None:
    """ "Bộ trưởng Thống nhất Hàn Quốc Myoung": what follows a country is a name."""
    country = _strip_places(folded, start, end)
    if (
        start < country < end
        and (country - start > 1 or start - 1 in blocked)
        and (end - country == 1 or folded[country] not in surnames())
    ):
        return NameSpan(country, end, foreign=True)
    return None


def _local_name(tokens: list[Token], folded: list[str], start: int, end: int) -> NameSpan | None:
    """The Vietnamese name (or "ông Hải"-style given name) that closes the run."""
    after_honorific = start > 0 and (
        folded[start - 1] in HONORIFICS
        or (start > 1 and f"{folded[start - 2]} {folded[start - 1]}" in HONORIFICS)
    )
    first_vi = _vietnamese_name(folded, start, end, free=after_honorific)
    if first_vi == start and end - start == 2 and start > 0 and tokens[start - 1].is_abbrev:
        return None  # "NH Phương Đông", "UBND Lâm Hà": two words after a code name a body
    if first_vi is not None:
        return NameSpan(first_vi, end, foreign=False)
    if end - start == 1 and after_honorific:
        # "ông Hải": a given name that points back to someone named in full.
        return NameSpan(start, end, foreign=False)
    return None


def find_names(tokens: list[Token], blocked: set[int]) -> list[NameSpan]:
    """Every name in a paragraph; `blocked` tokens (position words) never belong to a name."""
    folded = [t.fold for t in tokens]
    spans: list[NameSpan] = []
    for run_start, end in _runs(tokens, blocked):
        start = _name_start(folded, run_start, end)
        if start >= end:
            continue
        if any(is_foreign(t.text) for t in tokens[start:end] if t.is_word):
            span = _foreign_name(tokens, folded, start, end)
        else:
            span = _after_country(folded, start, end, blocked) or _local_name(
                tokens, folded, start, end
            )
        if span is not None:
            spans.append(span)
    return spans

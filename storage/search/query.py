"""What a search query means: phrases (adjacent words, in order), ` OR ` between alternatives.

`ngân sách OR "quyết định" tỉnh` is two alternatives: the phrase `ngân sách`, or the quoted
phrase `quyết định` together with the phrase `tỉnh`. Every phrase matches without diacritics in
the index; a phrase typed with diacritics prefers text with those diacritics (ranked first),
and a quoted one typed with diacritics requires them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from summarizer.textnorm import lower_unify_tones, nfc, strip_diacritics, syllables

MAX_WORDS = 12
_OR = re.compile(r"\s+OR\s+")
_QUOTED = re.compile(r"[\"“”„]([^\"“”„]*)[\"“”„]")


@dataclass(frozen=True)
class Phrase:
    """Adjacent words in order: as typed (case and tone placement unified) and folded."""

    words: tuple[str, ...]
    folded: tuple[str, ...]
    quoted: bool = False

    @property
    def toned(self) -> bool:
        """Whether the reader typed any diacritic in it."""
        return self.words != self.folded

    @property
    def required_exact(self) -> bool:
        """A quoted phrase typed with diacritics matches only those diacritics."""
        return self.quoted and self.toned


@dataclass(frozen=True)
class Query:
    """Alternatives (OR) of phrases that must all match (AND)."""

    alternatives: tuple[tuple[Phrase, ...], ...]

    @property
    def phrases(self) -> tuple[Phrase, ...]:
        """Every phrase of every alternative."""
        return tuple(p for alternative in self.alternatives for p in alternative)

    @property
    def toned(self) -> bool:
        """Whether exact diacritics matter anywhere in the query."""
        return any(p.toned for p in self.phrases)


def _phrase(text: str, quoted: bool) -> Phrase | None:
    words = tuple(syllables(lower_unify_tones(text)))
    folded = tuple(strip_diacritics(w) for w in words)
    # A word that folds to nothing would match nothing (and may not appear in FTS syntax).
    kept = [(w, f) for w, f in zip(words, folded, strict=True) if f.isalnum()]
    if not kept:
        return None
    return Phrase(tuple(w for w, _ in kept), tuple(f for _, f in kept), quoted)


def _alternative(text: str) -> tuple[Phrase, ...]:
    phrases: list[Phrase | None] = []
    cursor = 0
    for match in _QUOTED.finditer(text):
        phrases.append(_phrase(text[cursor:match.start()], False))
        phrases.append(_phrase(match.group(1), True))
        cursor = match.end()
    phrases.append(_phrase(text[cursor:], False))
    return tuple(p for p in phrases if p is not None)


def _capped(alternatives: list[tuple[Phrase, ...]]) -> tuple[tuple[Phrase, ...], ...]:
    """At most MAX_WORDS words in all (a phrase is cut, never dropped whole)."""
    budget, out = MAX_WORDS, []
    for alternative in alternatives:
        kept = []
        for phrase in alternative:
            if budget <= 0:
                break
            kept.append(Phrase(phrase.words[:budget], phrase.folded[:budget], phrase.quoted))
            budget -= len(kept[-1].words)
        if kept:
            out.append(tuple(kept))
    return tuple(out)


def parse_query(text: str) -> Query:
    """The query's alternatives and phrases (empty when nothing searchable was typed)."""
    alternatives = [a for a in (_alternative(part) for part in _OR.split(nfc(text))) if a]
    return Query(_capped(alternatives))


@lru_cache(maxsize=256)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # Words next to each other, anything but letters between them (as FTS5 tokenizes).
    return re.compile(r"(?<!\w)" + r"[\W_]+".join(map(re.escape, words)) + r"(?!\w)")


def exact_spans(unified: str, phrase: Phrase) -> list[tuple[int, int]]:
    """Where the phrase occurs with its diacritics in a `lower_unify_tones` text (same
    offsets as the text it came from)."""
    return [m.span() for m in _pattern(phrase.words).finditer(unified)]


class FoldedFields:
    """A row's fields as `matches_exactly` and `meets_requirements` read them (lower case,
    tone placement unified), each folded once, when a phrase first needs it: a match in the
    title spares folding the body, and no field is folded again for the next phrase."""

    def __init__(self, fields: Sequence[str]) -> None:
        self._fields = fields
        self._folded: dict[int, str] = {}

    def __iter__(self) -> Iterator[str]:
        for index, field in enumerate(self._fields):
            if index not in self._folded:
                self._folded[index] = lower_unify_tones(field)
            yield self._folded[index]


def _occurs(fields: FoldedFields, phrase: Phrase) -> bool:
    pattern = _pattern(phrase.words)
    return any(pattern.search(field) for field in fields)


def folded_spans(folded_text: str, phrase: Phrase) -> list[tuple[int, int]]:
    """Where the phrase occurs in a `search_form` text, any diacritics."""
    return [m.span() for m in _pattern(phrase.folded).finditer(folded_text)]


def matches_exactly(folded: FoldedFields, query: Query) -> bool:
    """Whether some alternative's phrases all occur with their diacritics in the fields."""
    return any(
        all(_occurs(folded, p) for p in alternative if p.toned)
        for alternative in query.alternatives
    )


def meets_requirements(folded: FoldedFields, query: Query) -> bool:
    """Whether some alternative's quoted, toned phrases all occur exactly in the fields."""
    return any(
        all(_occurs(folded, p) for p in alternative if p.required_exact)
        for alternative in query.alternatives
    )

"""Key officials: named people with a position, merged across mentions, most important first."""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.digest import Article, Official
from summarizer.gazetteers import fold
from summarizer.officials.mention import Mention
from summarizer.officials.mentions import article_mentions
from summarizer.officials.position_words import phrases, raw_list
from summarizer.officials.tokens import is_foreign
from summarizer.textnorm import syllables

# Abbreviations spelled out, so "Trưởng đoàn ĐBQH" and "Trưởng đoàn đại biểu Quốc hội" compare.
_EXPAND = {
    fold(short.strip()): tuple(fold(w) for w in long.split())
    for short, long in (pair.split("=") for pair in raw_list("abbreviations").split(","))
}
# Position tiers, for ranking officials: state and party leaders first, then national and
# provincial leaders, then heads of local bodies. Matched on the opening words, spelled out.
_TIER_WORDS = tuple((tier, tuple(phrases(f"tier_{tier}"))) for tier in (3, 2, 1))


def _spelled_out(title: str) -> tuple[str, ...]:
    """Folded syllables of a position with abbreviations spelled out."""
    words: list[str] = []
    for syllable in syllables(title):
        words.extend(_EXPAND.get(fold(syllable), (fold(syllable),)))
    return tuple(words)


def _title_words(title: str) -> frozenset[str]:
    """Syllables of a position with abbreviations spelled out."""
    return frozenset(_spelled_out(title))


def _rank(title: str) -> int:
    """Tier of a position (0 when it is none of the listed ones)."""
    words = _spelled_out(title)
    for tier, openings in _TIER_WORDS:
        if any(words[: len(o)] == o for o in openings):
            return tier
    return 0


@dataclass
class _Person:
    key: tuple[str, ...]
    name: str
    first: int
    last: int
    mentions: int = 0
    in_title: bool = False
    titles: list[str] = field(default_factory=list)
    forms: dict[tuple[str, ...], list[str]] = field(default_factory=dict)

    def absorb(self, mention: Mention) -> None:
        if len(mention.key) > len(self.key):
            self.key, self.name = mention.key, mention.name
        self.forms.setdefault(mention.key, []).append(mention.name)
        self.mentions += 1
        self.last = mention.order
        self.in_title = self.in_title or mention.in_title
        self.titles.extend(mention.titles)

    def final_titles(self) -> tuple[str, ...]:
        """Distinct positions; one that another position contains is dropped."""
        seen: dict[frozenset[str], str] = {}
        for title in self.titles:
            seen.setdefault(_title_words(title), title)
        keep = [
            text
            for words, text in seen.items()
            if not any(words < other for other in seen if other != words)
        ]
        return tuple(keep)

    def shown_name(self, lone: frozenset[str] = frozenset()) -> str:
        """The fullest form, unless a shorter one (two words or more) is the person's own.

        A shorter form written more often wins; so does one written as often when the words
        it leaves out stand alone in the article (`lone`): "Chủ tịch Tập đoàn Alibaba Jack Ma",
        "Jack Ma", "Alibaba": the company opened the name once.
        """

        def weight(form: tuple[str, ...]) -> tuple[float, int]:
            left_out = self.key[: len(self.key) - len(form)]
            alone = form != self.key and all(w in lone for w in left_out)
            return len(self.forms[form]) + 0.5 * alone, len(form)

        forms = [k for k in self.forms if len(k) >= 2 and self.key[-len(k) :] == k]
        best = max(forms, key=weight, default=self.key)
        return self.forms[best][0] if best != self.key else _without_place(self.name, lone)

    def importance(self) -> float:
        """Mentions, a bonus for being in the headline, and the rank of the position."""
        rank = max((_rank(t) for t in self.titles), default=0)
        return self.mentions + 2 * self.in_title + 0.5 * rank


def _without_place(name: str, lone: frozenset[str]) -> str:
    """A foreign name opened by a word that stands alone in the article loses it when two
    capitalised words are left ("Thị trưởng Dayton Nan Whaley" after "… tới Dayton")."""
    words = name.split()
    rest = words[1:]
    if (
        len(rest) >= 2
        and fold(words[0]) in lone
        and is_foreign(words[0])
        and all(w[0].isupper() and w.isalpha() for w in rest)
    ):
        return " ".join(rest)
    return name


def _is_suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) < len(long) and long[-len(short) :] == short


def _find(people: list[_Person], mention: Mention) -> _Person | None:
    """The person a mention points to: same name, or a shorter/longer form of it."""
    same = [p for p in people if p.key == mention.key]
    if same:
        return same[0]
    related = [
        p for p in people if _is_suffix(mention.key, p.key) or _is_suffix(p.key, mention.key)
    ]
    if not related and not mention.given_only:
        # "Fidel" and "Fidel Castro": foreign leaders are also called by their first name.
        related = [
            p
            for p in people
            if p.key[0] == mention.key[0] and min(len(p.key), len(mention.key)) == 1
        ]
    if not related:
        return next((p for p in people if _misspelt(p, mention)), None)
    # "Tổng thống Macron" after "Emmanuel Macron" and "phu nhân Brigitte Macron": the
    # holder of a matching position wins, then anyone holding a position, then the latest.
    said = [_title_words(t) for t in mention.titles]

    def fit(person: _Person) -> tuple[bool, bool, int]:
        held = [_title_words(t) for t in person.titles]
        matching = any(a <= b or b <= a for a in said for b in held)
        return matching, bool(held), person.last

    return max(related, key=fit)


def _misspelt(person: _Person, mention: Mention) -> bool:
    """The person's full name with one middle syllable misspelt ("Vũ Viên Viện" for "Vũ Văn
    Viện", same first letter) and a position much like one the person holds."""
    a, b = person.key, mention.key
    if len(a) != len(b) or len(a) < 3 or a[0] != b[0] or a[-1] != b[-1]:
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(diff) != 1 or diff[0][0][0] != diff[0][1][0]:
        return False
    said = [_title_words(t) for t in mention.titles]
    held = [_title_words(t) for t in person.titles]
    return any(len(x & y) >= 0.5 * min(len(x), len(y)) for x in said for y in held)


def merge_mentions(mentions: list[Mention]) -> list[_Person]:
    """People named in the mentions, each holding all of their mentions."""
    people: list[_Person] = []
    for mention in sorted(mentions, key=lambda m: m.order):
        person = _find(people, mention)
        if person is None:
            if mention.given_only:
                continue
            person = _Person(mention.key, mention.name, mention.order, mention.order)
            people.append(person)
        person.absorb(mention)
    return people


def position_words(people: list[_Person]) -> list[str]:
    """The folded words of everyone's positions, abbreviations spelled out, in order."""
    return [w for p in people for t in p.titles for w in _spelled_out(t)]


def extract_officials(article: Article) -> tuple[Official, ...]:
    """Officials named in the article, most important first."""
    lone: set[str] = set()
    mentions = article_mentions(article.title, article.paragraphs, lone)
    held = [(p, position_words([p])) for p in merge_mentions(mentions) if p.titles]
    # A name inside someone's position is an organisation ("Chủ tịch HĐQT Vinacomin").
    inside = f" {' '.join(w for _, words in held for w in words)} "
    held = [(p, words) for p, words in held if f" {' '.join(p.key)} " not in inside]
    people = sorted((p for p, _ in held), key=lambda p: (-p.importance(), p.first))
    # A word that also stands inside a position names a company, not a person ("giám đốc
    # điều hành Tencent Ma Huateng", "… tập đoàn Tencent Holdings").
    standing = frozenset(lone).union(w for _, words in held for w in words)
    return tuple(Official(p.shown_name(standing), p.final_titles()) for p in people)

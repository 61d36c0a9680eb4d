"""Positions the tagger's best path left out but its marginals support, right beside a name
("Phó giám đốc Sở Kế hoạch - đầu tư TP. HCM Trần Anh X cũng chia sẻ …")."""

from __future__ import annotations

from summarizer.officials.features import honorifics
from summarizer.officials.tagger import Span
from summarizer.officials.tokens import Token

# A token belongs to a position when the tagger gives it at least this chance.
THRESHOLD = 0.2
MAX_LENGTH = 20
_ENDS = frozenset('.!?;:"“”')
_SKIP_AFTER = frozenset({",", "-", "–", "("})


def _before(tokens: list[Token], start: int, odds: list[float], taken: set[int]) -> Span | None:
    """The run of likely POSR tokens ending right before the name (past "ông")."""
    folded = [t.fold for t in tokens]
    k = start - 1
    # Not past a comma: "Với tư cách là người đứng đầu, ông X" is a role, not X's post.
    k -= honorifics().match_ending(folded, k) if k >= 0 else 0
    end = k + 1
    while k >= 0 and end - k <= MAX_LENGTH and odds[k] >= THRESHOLD and k not in taken:
        if tokens[k].text in _ENDS:
            break
        k -= 1
    return Span("POSR", k + 1, end) if end - (k + 1) >= 1 else None


def _after(tokens: list[Token], end: int, odds: list[float], taken: set[int]) -> Span | None:
    """The run of likely POSL tokens right after the name (past a comma or a dash)."""
    k = end + 1 if end < len(tokens) and tokens[end].text in _SKIP_AFTER else end
    start = k
    while k < len(tokens) and k - start < MAX_LENGTH and odds[k] >= THRESHOLD and k not in taken:
        if tokens[k].text in _ENDS:
            break
        k += 1
    return Span("POSL", start, k) if k > start else None


def unsure_positions(
    tokens: list[Token], odds: tuple[list[float], list[float]], name: Span, taken: set[int]
) -> list[Span]:
    """Positions of `name` that only the marginals show.

    `odds`: each token's chance of a position of the name after it and of the name before it
    (`Tagged.position_odds`); `taken`: tokens already in a name or a position.
    """
    posr, posl = odds
    found = [_before(tokens, name.start, posr, taken), _after(tokens, name.end, posl, taken)]
    return [s for s in found if s is not None and any(t.is_word for t in tokens[s.start : s.end])]

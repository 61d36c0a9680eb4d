"""Every text the bot can say, in Vietnamese and English, with singular and plural counts."""

from __future__ import annotations

import re
import string

import pytest

from bot.views.texts import EN, VI, keys, templates, text
from tests.support.stub_api.html_check import parse_html

_PLURAL = re.compile(r"\{(\w+)\|[^|{}]*\|[^|{}]*\}")
SAME_IN_BOTH = {"language_vi", "language_en", "zone_vietnam"}  # names of their own


def fields(key: str) -> set[str]:
    """The placeholders of both templates of a text."""
    names: set[str] = set()
    for template in templates(key):
        plain = _PLURAL.sub(lambda m: "{" + m.group(1) + "}", template)
        names |= {name for _, name, _, _ in string.Formatter().parse(plain) if name}
    return names


@pytest.mark.parametrize("key", keys())
@pytest.mark.parametrize("count", [1, 2])
def test_every_text_renders_in_both_languages(key: str, count: int) -> None:
    values = {name: count for name in fields(key)}
    vi, en = text(VI, key, **values), text(EN, key, **values)
    for shown in (vi, en):
        assert "{" not in shown and "|" not in shown, shown  # every placeholder filled
        parse_html(shown)  # Telegram would accept the markup
    assert vi != en or key in SAME_IN_BOTH  # nothing left untranslated
    assert not re.search(r"\b1 (digests|articles|words)\b", en)  # "1 digest", never "1 digests"
    assert not re.search(r"\b2 (digest|article)\b(?!s)", en)


def test_plural_forms_follow_the_number() -> None:
    assert text(EN, "history_header", total=1) == "<b>History</b> (1 digest)"
    assert text(EN, "history_header", total=3) == "<b>History</b> (3 digests)"
    assert text(VI, "history_header", total=1) == "<b>Lịch sử</b> (1 bản tóm tắt)"
    assert text(EN, "cleared", count=1) == "Deleted 1 digest."

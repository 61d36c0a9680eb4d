"""Every user-facing string by key, in Vietnamese (default) and English; the strings live in
phrases_chat.py, phrases_results.py and bot/links/texts.py."""

from __future__ import annotations

import re

from bot.links.texts import LINK_TEXTS
from bot.views.phrases_chat import CHAT_TEXTS
from bot.views.phrases_results import RESULT_TEXTS

VI = "vi"
EN = "en"
LANGUAGES = (VI, EN)

_TEXTS: dict[str, tuple[str, str]] = {**CHAT_TEXTS, **RESULT_TEXTS, **LINK_TEXTS}


# `{count|digest|digests}`: the number and the noun in the form that number takes (English).
_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def _plurals(template: str, values: dict[str, object]) -> str:
    def form(match: re.Match[str]) -> str:
        count = values[match.group(1)]
        noun = match.group(2) if count == 1 else match.group(3)
        return f"{{{match.group(1)}}} {noun}"

    return _PLURAL.sub(form, template)


def text(lang: str | None, key: str, **values: object) -> str:
    """The string `key` in `lang` (Vietnamese unless English), formatted with `values`."""
    vi, en = _TEXTS[key]
    template = en if lang == EN else vi
    return _plurals(template, values).format(**values) if values else template


def keys() -> tuple[str, ...]:
    """Every text's key (for tests that render them all)."""
    return tuple(_TEXTS)


def templates(key: str) -> tuple[str, str]:
    """The Vietnamese and English templates of one text, unformatted."""
    return _TEXTS[key]


def pick_language(chosen: str | None, telegram_code: str | None) -> str:
    """Chat's choice wins; otherwise English for an English Telegram client, else Vietnamese."""
    if chosen in LANGUAGES:
        return chosen
    return EN if (telegram_code or "").lower().startswith("en") else VI

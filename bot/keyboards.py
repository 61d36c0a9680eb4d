"""Inline keyboards; every button's payload goes through bot.callbacks."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import (
    ENGINES,
    LENGTHS,
    ClearAnswer,
    DeleteDigest,
    HistoryNav,
    Original,
    Resummarize,
    SearchNav,
    SetOption,
    Show,
    encode,
)
from bot.render import Entry, short_title
from bot.texts import text

PAGE = 5


def _button(label: str, action: object) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=encode(action))  # type: ignore[arg-type]


def entry_rows(entries: Sequence[Entry]) -> list[list[InlineKeyboardButton]]:
    """One button per entry, opening the full digest."""
    return [[_button(f"#{e.number} {short_title(e.digest, 40)}", Show(e.number))] for e in entries]


def history_keyboard(
    entries: Sequence[Entry], older: int | None, newer: int | None
) -> InlineKeyboardMarkup:
    """Entries, then ◀ (newer) and ▶ (older) when there are such pages."""
    nav = []
    if newer is not None:
        nav.append(_button("◀", HistoryNav(after=newer)))
    if older is not None:
        nav.append(_button("▶", HistoryNav(before=older)))
    return InlineKeyboardMarkup([*entry_rows(entries), *([nav] if nav else [])])


def results_keyboard(
    entries: Sequence[Entry], kind: str, offset: int, total: int, query_key: str
) -> InlineKeyboardMarkup:
    """Entries of a search/official page and ◀ ▶ between pages of `PAGE`."""
    nav = []
    if offset > 0:
        nav.append(_button("◀", SearchNav(kind, max(0, offset - PAGE), query_key)))
    if offset + PAGE < total:
        nav.append(_button("▶", SearchNav(kind, offset + PAGE, query_key)))
    return InlineKeyboardMarkup([*entry_rows(entries), *([nav] if nav else [])])


def clear_keyboard(user_id: int, lang: str) -> InlineKeyboardMarkup:
    """Confirm / cancel buttons for /clear, valid for the user who asked."""
    return InlineKeyboardMarkup([[
        _button(text(lang, "clear_yes"), ClearAnswer(True, user_id)),
        _button(text(lang, "clear_no"), ClearAnswer(False, user_id)),
    ]])


def settings_keyboard(
    length: str, language: str | None, engine: str, lang: str,
    runnable: Sequence[str] = ENGINES,
) -> InlineKeyboardMarkup:
    """Length, language and the engines that can run here; the current choices ticked."""

    def tick(label: str, chosen: bool) -> str:
        return f"✓ {label}" if chosen else label

    lengths = [_button(tick(text(lang, f"length_{v}"), v == length), SetOption("length", v))
               for v in LENGTHS]
    languages = [
        _button(tick(text(lang, f"language_{v}"), (language or "auto") == v),
                SetOption("language", v))
        for v in ("vi", "en", "auto")
    ]
    engines = [_button(tick(v, v == engine), SetOption("engine", v)) for v in runnable]
    return InlineKeyboardMarkup([lengths, languages, engines])


def digest_keyboard(number: int, length: str | None, lang: str) -> InlineKeyboardMarkup:
    """Under a digest: another length (the current one ticked), the article, delete."""
    lengths = [
        _button(f"✓ {text(lang, f'length_{v}')}" if v == length else text(lang, f"length_{v}"),
                Resummarize(number, v))
        for v in LENGTHS
    ]
    return InlineKeyboardMarkup([lengths, [
        _button(text(lang, "original_button"), Original(number)),
        _button(text(lang, "delete_button"), DeleteDigest(number)),
    ]])


def delete_keyboard(number: int, lang: str) -> InlineKeyboardMarkup:
    """The confirmation that replaces a digest's buttons when Xoá is pressed."""
    return InlineKeyboardMarkup([[
        _button(text(lang, "delete_yes", number=number), DeleteDigest(number, True)),
        _button(text(lang, "delete_no"), DeleteDigest(number, False)),
    ]])

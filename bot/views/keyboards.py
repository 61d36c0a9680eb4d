"""Inline keyboards; every button's payload goes through bot.views.callbacks."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.views.callbacks import (
    LENGTHS,
    Action,
    ClearAnswer,
    DeleteDigest,
    HistoryNav,
    Original,
    Resummarize,
    SearchNav,
    SetOption,
    Show,
    encode,
    fits,
)
from bot.views.render import Entry
from bot.views.texts import text

PAGE = 5


def _button(label: str, action: Action) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=encode(action))


def entry_rows(entries: Sequence[Entry]) -> list[list[InlineKeyboardButton]]:
    """One row of `#N` buttons opening the digests (their titles are in the text above)."""
    return [[_button(f"#{e.number}", Show(e.number)) for e in entries]] if entries else []


def history_keyboard(
    entries: Sequence[Entry], older: int | None, newer: int | None, lang: str = "vi"
) -> InlineKeyboardMarkup:
    """Entries, then "◀ newer" and "older ▶" when there are such pages."""
    nav = []
    if newer is not None:
        nav.append(_button(text(lang, "newer"), HistoryNav(after=newer)))
    if older is not None:
        nav.append(_button(text(lang, "older"), HistoryNav(before=older)))
    return InlineKeyboardMarkup([*entry_rows(entries), *([nav] if nav else [])])


def results_keyboard(
    entries: Sequence[Entry], kind: str, offset: int, total: int, query_key: str,
    lang: str = "vi",
) -> InlineKeyboardMarkup:
    """Entries of a search/official page and "◀ newer" / "older ▶" between pages of `PAGE`.

    Results of /official are newest first; search results best first, so the arrows there
    say only ◀ and ▶ with the page number in the text.
    """
    back, forward = ("newer", "older") if kind == "o" else ("", "")
    nav = []
    if offset > 0:
        label = text(lang, back) if back else "◀"
        nav.append(_button(label, SearchNav(kind, max(0, offset - PAGE), query_key)))
    if offset + PAGE < total:
        label = text(lang, forward) if forward else "▶"
        nav.append(_button(label, SearchNav(kind, offset + PAGE, query_key)))
    return InlineKeyboardMarkup([*entry_rows(entries), *([nav] if nav else [])])


def clear_keyboard(user_id: int, lang: str) -> InlineKeyboardMarkup:
    """Confirm / cancel buttons for /clear, valid for the user who asked."""
    return InlineKeyboardMarkup([[
        _button(text(lang, "clear_yes"), ClearAnswer(True, user_id)),
        _button(text(lang, "clear_no"), ClearAnswer(False, user_id)),
    ]])


def settings_keyboard(
    length: str, language: str | None, engine: str, lang: str,
    engines: Sequence[tuple[str, str]], zone: str, zones: Sequence[tuple[str, str]],
) -> InlineKeyboardMarkup:
    """Length, language, the engines offered, time zones, close; the current choices ticked.

    `engines` and `zones` are (value, label) pairs.
    """

    def tick(label: str, chosen: bool) -> str:
        return f"✓ {label}" if chosen else label

    lengths = [_button(tick(text(lang, f"length_{v}"), v == length), SetOption("length", v))
               for v in LENGTHS]
    languages = [
        _button(tick(text(lang, f"language_{v}"), (language or "auto") == v),
                SetOption("language", v))
        for v in ("vi", "en", "auto")
    ]
    rows = [lengths, languages]
    if engines:
        rows.append([_button(tick(label, v == engine), SetOption("engine", v))
                     for v, label in engines])
    rows.append([_button(tick(label, v == zone), SetOption("timezone", v)) for v, label in zones])
    rows.append([_button(text(lang, "close"), SetOption("close", "x"))])
    return InlineKeyboardMarkup(rows)


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


def officials_keyboard(names: Sequence[str]) -> InlineKeyboardMarkup | None:
    """A button per person (two a row) opening their digests, as /official NAME does."""
    buttons = [_button(name, SearchNav("o", 0, name)) for name in names if fits(name)]
    rows = [buttons[i:i + 2] for i in range(0, len(buttons), 2)]
    return InlineKeyboardMarkup(rows) if rows else None

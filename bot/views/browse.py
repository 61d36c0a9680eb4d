"""Pages of a chat's history, search results and officials: text plus keyboard."""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import tzinfo

from telegram import InlineKeyboardMarkup

from bot.views.keyboards import PAGE, history_keyboard, officials_keyboard, results_keyboard
from bot.views.render import render_page
from bot.views.texts import EN, text
from storage import MATCH_CAP, ChatSettings, Store, StoredDigest


@dataclass(frozen=True)
class Reader:
    """Who reads a page: the reply language, the chat's time zone and settings (one read)."""

    lang: str
    zone: tzinfo
    settings: ChatSettings


Page = tuple[str, InlineKeyboardMarkup | None]
# (store, chat_id, reader, query, key) -> first page of a query's results.
PageMaker = Callable[[Store, int, Reader, str, str], Awaitable[Page]]


ECHO_CHARS = 80  # a query is echoed at most this long: a whole one may not fit a message


def _esc(value: str) -> str:
    return html.escape(value, quote=False)


def _short(value: str) -> str:
    """A query or name as shown back to the reader: shortened with … when long, escaped."""
    if len(value) > ECHO_CHARS:
        value = value[: ECHO_CHARS - 1].rstrip() + "…"
    return _esc(value)


def _echo(query: str) -> str:
    """A search query as typed (shortened, escaped), in quotes unless it has its own."""
    quoted = any(mark in query for mark in '"“”„')
    return _short(query) if quoted else f"“{_short(query)}”"


def _page_of(lang: str, before: int, total: int, *, counted: bool = True) -> str:
    """" · Trang 2/3" when there is more than one page (`before`: entries on earlier pages);
    " · Trang 2" when the total is only a lower bound (`counted` False)."""
    if not counted:
        return " · " + text(lang, "page_n", page=before // PAGE + 1)
    pages = -(-total // PAGE)
    if pages <= 1:
        return ""
    return " · " + text(lang, "page_of", page=before // PAGE + 1, pages=pages)


async def history_page(
    store: Store, chat_id: int, reader: Reader, *, before: int | None = None,
    after: int | None = None,
) -> Page:
    """Newest first, `PAGE` per page, ◀ newer · older ▶ between pages."""
    lang = reader.lang
    page = await store.digests.history(chat_id, limit=PAGE, before=before, after=after)
    if page.total == 0:
        return text(lang, "history_empty"), None
    header = text(lang, "history_header", total=page.total)
    header += _page_of(lang, page.newer_count, page.total)
    body = render_page(header, page.items, zone=reader.zone)
    return body, history_keyboard(page.items, page.older, page.newer, lang)


async def search_page(store: Store, chat_id: int, reader: Reader, query: str, key: str,
                      offset: int = 0) -> Page:
    """Search results (diacritics optional), `PAGE` per page."""
    lang = reader.lang
    hits, total = await store.search.words(chat_id, query, limit=PAGE, offset=offset)
    if total == 0:
        return text(lang, "search_empty", query=_echo(query)), None
    counted = total <= MATCH_CAP  # above it the store stopped counting: "more than 1,000"
    if counted:
        header = text(lang, "search_header", query=_echo(query), total=total)
    else:
        header = text(lang, "search_header_many", query=_echo(query), cap=_number(lang, MATCH_CAP))
    return _results(reader, header, [h.item for h in hits], total, offset, "q", key,
                    [h.snippet for h in hits], counted=counted)


def _number(lang: str, value: int) -> str:
    """1,000 in English, 1.000 in Vietnamese."""
    return f"{value:,}" if lang == EN else f"{value:,}".replace(",", ".")


async def official_page(store: Store, chat_id: int, reader: Reader, name: str, key: str,
                        offset: int = 0) -> Page:
    """Digests naming a person, `PAGE` per page."""
    lang = reader.lang
    items, total = await store.search.by_official(chat_id, name, limit=PAGE, offset=offset)
    if total == 0:
        return text(lang, "official_empty", name=_short(name)), None
    header = text(lang, "official_header", name=_short(name), total=total)
    return _results(reader, header, items, total, offset, "o", key)


def _results(reader: Reader, header: str, items: list[StoredDigest], total: int, offset: int,
             kind: str, key: str, snippets: Sequence[str] = (), *, counted: bool = True) -> Page:
    """One page of search (`kind` "q") or official ("o") results under its header."""
    page_of = _page_of(reader.lang, offset, total, counted=counted)
    body = render_page(header + page_of, items, snippets, zone=reader.zone)
    return body, results_keyboard(items, kind, offset, total, key, reader.lang)


async def officials_page(store: Store, chat_id: int, lang: str) -> Page:
    """The most mentioned officials, their latest positions, a button to their digests."""
    people = await store.digests.officials_overview(chat_id, limit=10)
    if not people:
        return text(lang, "officials_empty"), None
    lines = [text(lang, "officials_header")]
    for person in people:
        position = f", {_esc(', '.join(person.titles))}" if person.titles else ""
        count = text(lang, "mentions", count=person.digests)
        lines.append(f"• <b>{_esc(person.name)}</b>{position} — {count}")
    return "\n".join(lines), officials_keyboard([p.name for p in people])

"""Searches mean what they say: phrases, quotes, OR, diacritics first, phrase-only highlights."""

from __future__ import annotations

import pytest

from storage import Store
from tests.storage.conftest import add_digest, make_digest

APPOINT = make_digest(
    title="Tỉnh bổ nhiệm Giám đốc Sở Y tế",
    summary="Chủ tịch UBND tỉnh trao quyết định bổ nhiệm Giám đốc Sở Y tế nhiệm kỳ mới.",
)
FATHER = make_digest(
    title="Chuyện nhà bố nhiệm kỳ trước",
    summary="Một bài viết kể về người bố nhiệm kỳ trước từng làm trưởng thôn.",
)
UNACCENTED = make_digest(
    title="Tin khong dau",
    summary="Tinh da bo nhiem pho giam doc so giao thong theo de nghi cua so.",
)
SETTLE = make_digest(
    title="Giải quyết tranh chấp đất",
    summary="Xã giải quyết dứt điểm tranh chấp đất đai, đời sống người dân ổn định trở lại.",
)


@pytest.fixture
async def chat(store: Store) -> Store:
    await add_digest(store, 1, APPOINT, text="Bài một về bổ nhiệm.")  # #1
    await add_digest(store, 1, FATHER, text="Bài hai về gia đình.")  # #2
    await add_digest(store, 1, UNACCENTED, text="Bai ba khong dau.")  # #3
    await add_digest(store, 1, SETTLE, text="Bài bốn về đất đai.")  # #4
    return store


async def numbers(store: Store, query: str) -> list[int]:
    hits, total = await store.search.words(1, query)
    assert total == len(hits), query
    return [h.item.number for h in hits]


async def test_words_match_as_a_phrase_not_one_by_one(chat: Store) -> None:
    assert await numbers(chat, "quyết định") == [1]  # never «giải quyết … ổn định» (#4)
    assert await numbers(chat, "định quyết") == []  # in order
    assert await numbers(chat, "giai quyet") == [4]


async def test_or_separates_alternatives(chat: Store) -> None:
    assert sorted(await numbers(chat, "tranh chấp OR Sở Y tế")) == [1, 4]
    assert await numbers(chat, "tranh chấp or Sở Y tế") == []  # lower-case "or" is a word


async def test_typed_diacritics_rank_their_own_forms_first(chat: Store) -> None:
    found = await numbers(chat, "bổ nhiệm")
    assert found[0] == 1 and set(found) == {1, 2, 3}
    assert sorted(await numbers(chat, "bo nhiem")) == [1, 2, 3]  # no diacritics: any form


async def test_quotes_ask_for_the_exact_phrase(chat: Store) -> None:
    assert await numbers(chat, '"bổ nhiệm"') == [1]
    assert await numbers(chat, "“bố nhiệm”") == [2]  # a phone's curly quotes work alike
    assert sorted(await numbers(chat, '"bo nhiem"')) == [1, 2, 3]


async def test_highlights_mark_only_the_matched_phrase(chat: Store) -> None:
    hits, _ = await chat.search.words(1, "bổ nhiệm")
    assert "«bổ nhiệm»" in hits[0].snippet and "«" not in hits[0].snippet.replace(
        "«bổ nhiệm»", "")
    hits, _ = await chat.search.words(1, "quyết định")
    assert hits[0].snippet.count("«") == 1 and "«quyết định»" in hits[0].snippet


async def test_a_phrase_at_the_snippets_end_is_shown_whole(store: Store) -> None:
    filler = " ".join(["người dân phấn khởi vui mừng"] * 3)  # the 2nd phrase starts in word 24
    summary = f"Khánh thành cầu Thủy Tiên, {filler}, cầu Thủy Tiên nay đã thông xe."
    await add_digest(store, 1, make_digest(title="Tin cầu", summary=summary))
    hits, _ = await store.search.words(1, "cầu Thủy Tiên")
    assert hits[0].snippet.count("«cầu Thủy Tiên»") == 2, hits[0].snippet

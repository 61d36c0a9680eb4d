"""Vietnamese full-text search: diacritics, đ, tone placement, ranking, snippets, safety."""

from __future__ import annotations

import unicodedata

import pytest

from storage import Store
from summarizer.digest import Official
from tests.storage.conftest import add_digest, make_digest

ROAD = make_digest(
    title="Đà Nẵng khởi công đường ven biển",
    summary="Thành phố Đà Nẵng khởi công tuyến đường ven biển dài 12 km, hoàn thành năm 2027.",
    officials=(Official("Lương Nguyễn Minh Triết", ("Chủ tịch UBND thành phố",)),),
)
COMMITTEE = make_digest(
    title="Uỷ ban tỉnh họp về hoà giải",
    summary="Uỷ ban nhân dân tỉnh họp bàn công tác hoà giải ở cơ sở và khoẻ mạnh cộng đồng.",
    officials=(Official("Trần Thị Hoà", ("Giám đốc Sở Tư pháp",)),),
)

ROAD_ARTICLE = "Sáng 3/4, Đà Nẵng khởi công tuyến đường ven biển nối hai quận phía nam."
COMMITTEE_ARTICLE = "Uỷ ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác hoà giải năm nay."


@pytest.fixture
async def filled(store: Store) -> Store:
    await add_digest(store, 1)  # #1: Quảng Ngãi offices (make_digest default)
    await add_digest(store, 1, ROAD, text=ROAD_ARTICLE)  # #2
    await add_digest(store, 1, COMMITTEE, text=COMMITTEE_ARTICLE)  # #3
    return store


async def numbers_for(store: Store, query: str) -> list[int]:
    hits, total = await store.search.words(1, query)
    assert total == len(hits)
    return [hit.item.number for hit in hits]


async def test_with_or_without_diacritics(filled: Store) -> None:
    assert await numbers_for(filled, "quyết định") == [1]
    assert await numbers_for(filled, "quyet dinh") == [1]
    assert await numbers_for(filled, "QUYET   Dinh") == [1]


async def test_d_with_stroke_folds_to_d(filled: Store) -> None:
    assert await numbers_for(filled, "da nang") == [2]
    assert await numbers_for(filled, "DUONG ven bien") == [2]
    assert await numbers_for(filled, "Đường") == [2]


async def test_old_and_new_tone_placement_match(filled: Store) -> None:
    for query in ("ủy ban", "uỷ ban", "uy ban", "hòa giải", "hoà giải", "khỏe", "khoẻ"):
        assert await numbers_for(filled, query) == [3], query


async def test_decomposed_input_matches(filled: Store) -> None:
    assert await numbers_for(filled, unicodedata.normalize("NFD", "khởi công")) == [2]


async def test_snippet_highlights_the_original_spelling(filled: Store) -> None:
    hits, _ = await filled.search.words(1, "quyet dinh")
    assert "«quyết định»" in hits[0].snippet
    hits, _ = await filled.search.words(1, "uy ban")
    assert "«Uỷ ban»" in hits[0].snippet
    hits, _ = await filled.search.words(1, "ven")
    assert "đường «ven» biển" in hits[0].snippet


async def test_officials_and_article_text_are_searched(filled: Store) -> None:
    assert await numbers_for(filled, "Luong Nguyen Minh Triet") == [2]
    hits, total = await filled.search.words(1, "chu tri cuoc hop")  # only in #1's article body
    assert total == 1 and "«chủ trì cuộc họp»" in hits[0].snippet
    assert await numbers_for(filled, "hai quan phia nam") == [2]


async def test_title_and_summary_outrank_body_only_matches(store: Store) -> None:
    body_only = "Bài dài nói nhiều chuyện, trong đó có một câu nhắc việc sáp nhập xã."
    await add_digest(store, 1, make_digest(title="Tin khác", summary="Không liên quan."), body_only)
    await add_digest(store, 1, make_digest(title="Sáp nhập tỉnh", summary="Tỉnh sáp nhập xã."))
    hits, total = await store.search.words(1, "sap nhap")
    assert total == 2 and hits[0].item.number == 2


@pytest.mark.parametrize(
    "query",
    ['"', '""quyết', "quyết*", "NEAR(quyết định)", "-quyết", "quyết AND OR NOT", "chat:c1",
     "{title}: x", "(((", "^đầu", "a'b", "tru so; DROP TABLE digests; --", "   ", "«»", "*"],
)
async def test_fts_syntax_characters_are_just_text(filled: Store, query: str) -> None:
    hits, total = await filled.search.words(1, query)
    assert 0 <= len(hits) <= total <= 3
    assert (await filled.digests.history(1)).total == 3


async def test_syntax_characters_do_not_change_what_is_found(filled: Store) -> None:
    assert await numbers_for(filled, '"quyết" -định*') == [1]
    assert await numbers_for(filled, "NEAR") == []
    assert await filled.search.words(1, "*") == ([], 0)


async def test_paging_through_results(store: Store) -> None:
    for _ in range(7):
        await add_digest(store, 1)
    first, total = await store.search.words(1, "trụ sở", limit=5)
    rest, total_again = await store.search.words(1, "trụ sở", limit=5, offset=5)
    assert total == total_again == 7 and len(first) == 5 and len(rest) == 2
    assert {h.item.number for h in first} | {h.item.number for h in rest} == set(range(1, 8))


async def test_search_by_official_any_diacritics_or_part_of_name(filled: Store) -> None:
    found, total = await filled.search.by_official(1, "nguyen ho hai")
    assert total == 1 and found[0].number == 1
    found, total = await filled.search.by_official(1, "TRẦN THỊ HÒA")  # stored as «Hoà»
    assert total == 2 and [d.number for d in found] == [3, 1]
    found, total = await filled.search.by_official(1, "Hoa")
    assert total == 2
    assert await filled.search.by_official(1, "   ") == ([], 0)


async def test_officials_overview_counts_digests(filled: Store) -> None:
    top = [(o.name, o.digests) for o in await filled.digests.officials_overview(1)]
    assert top[0] == ("Trần Thị Hoà", 2)
    assert {name for name, _ in top} == {"Trần Thị Hoà", "Nguyễn Hồ Hải", "Lương Nguyễn Minh Triết"}


async def test_busy_chats_rank_their_newest_matches(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storage.postgres.search
    import storage.search.sqlite_fts

    monkeypatch.setattr(storage.search.sqlite_fts, "RANK_WINDOW", 10)
    monkeypatch.setattr(storage.postgres.search, "RANK_WINDOW", 10)
    plain = make_digest(title="Tin ngắn", summary="Có nhắc trụ sở một lần.")
    strong = make_digest(title="Trụ sở, trụ sở", summary="Trụ sở xã, trụ sở huyện, trụ sở tỉnh.")
    await add_digest(store, 1, strong, text="Bài cũ nhất.")  # #1: best match, but oldest
    for n in range(29):
        await add_digest(store, 1, strong if n == 25 else plain, text=f"Bài {n}.")  # #27 strong
    hits, total = await store.search.words(1, "tru so", limit=3)
    assert total == 30 and hits[0].item.number == 27
    deep, _ = await store.search.words(1, "tru so", limit=5, offset=25)  # beyond the window
    assert len(deep) == 5


async def test_a_common_word_counts_up_to_the_cap_then_says_more(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storage.search.repository

    monkeypatch.setattr(storage.search.repository, "MATCH_CAP", 5)
    for n in range(8):
        await add_digest(store, 1, make_digest(title=f"Trụ sở số {n}"), text=f"Bài {n}.")
    hits, total = await store.search.words(1, "tru so", limit=3)
    assert len(hits) == 3 and total == 6  # above the cap: "more than 5"
    toned, toned_total = await store.search.words(1, "trụ sở", limit=3)
    assert len(toned) == 3 and toned_total == 6
    deep, deep_total = await store.search.words(1, "tru so", limit=3, offset=6)
    assert len(deep) == 2 and deep_total == 8  # a deep page counts as far as it reads
    few, few_total = await store.search.words(1, "so 7")
    assert len(few) == 1 and few_total == 1

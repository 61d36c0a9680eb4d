"""/officials' data: who is named most, with the positions the newest digest gives them."""

from __future__ import annotations

from storage import Store
from summarizer.digest import Official
from tests.storage.conftest import add_digest, make_digest


async def test_most_named_first_with_their_latest_positions(store: Store) -> None:
    older = make_digest(officials=(Official("Nguyễn Hồ Hải", ("Phó Chủ tịch UBND tỉnh",)),))
    newer = make_digest(officials=(Official("Nguyễn Hồ Hải", ("Chủ tịch UBND tỉnh",)),
                                   Official("Lê Thị Hoa", ("Giám đốc Sở Y tế",))))
    await add_digest(store, 4, older, text="Bài một.")
    await add_digest(store, 4, newer, text="Bài hai.")
    await add_digest(store, 5, newer, text="Bài của chat khác.")
    people = await store.digests.officials_overview(4)
    assert [(p.name, p.digests, p.titles) for p in people] == [
        ("Nguyễn Hồ Hải", 2, ("Chủ tịch UBND tỉnh",)),  # promoted: the newest position
        ("Lê Thị Hoa", 1, ("Giám đốc Sở Y tế",)),
    ]
    assert await store.digests.officials_overview(6) == []

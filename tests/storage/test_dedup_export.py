"""Dedup of re-pasted articles, and export as records and JSON Lines (lossless)."""

from __future__ import annotations

import json
import unicodedata

from storage import Store
from storage.exports import from_json
from storage.folding import content_hash
from summarizer.digest import Decision, Digest, Official
from tests.storage.conftest import ARTICLE, add_digest


async def test_same_article_pasted_again_is_found(store: Store) -> None:
    number = await add_digest(store, 1)
    variants = [
        ARTICLE,
        unicodedata.normalize("NFD", ARTICLE),
        ARTICLE.upper(),
        "  " + ARTICLE.replace(" ", "   ").replace("\n\n", "\n") + "\n",
        ARTICLE.replace("Hoà", "Hòa"),  # old vs new tone placement
    ]
    for text in variants:
        found = await store.digests.find_by_content(1, content_hash(text))
        assert found is not None and found.number == number
    assert await store.digests.find_by_content(1, content_hash(ARTICLE + " Thêm một câu.")) is None
    assert await store.digests.find_by_content(2, content_hash(ARTICLE)) is None
    await store.digests.delete(1, number)
    assert await store.digests.find_by_content(1, content_hash(ARTICLE)) is None


async def test_jsonl_export_round_trips(store: Store) -> None:
    odd = Digest(
        title="Tiêu đề có \"ngoặc\" và xuống\ndòng",
        summary="Tóm tắt 😀 với ký tự đặc biệt « » \\ /",
        officials=(Official("Đỗ Thị Ánh", ()), Official("Hồ Văn Út", ("Bí thư", "Đại biểu"))),
        decisions=(Decision("Yêu cầu báo cáo", "UBND xã"), Decision("Xử phạt 5 triệu đồng")),
        engine="abstractive",
        model="vit5-base",
        input_words=1234,
        summary_words=70,
        elapsed_ms=4321,
        fallback=True,
        notes=("dịch máy",),
    )
    await add_digest(store, 5)
    await add_digest(store, 5, odd, text="Bài khác hẳn.")
    lines = [line async for line in store.exports.jsonl(5)]
    assert len(lines) == 2 and all("\n" not in line for line in lines)
    restored = [from_json(5, json.loads(line)) for line in lines]
    assert restored == [await store.digests.get(5, 1), await store.digests.get(5, 2)]
    assert json.loads(lines[1])["decisions"] == [
        {"text": "Yêu cầu báo cáo", "actor": "UBND xã"},
        {"text": "Xử phạt 5 triệu đồng", "actor": None},
    ]


async def test_export_of_many_digests_streams_in_batches(store: Store) -> None:
    for i in range(450):
        await add_digest(store, 9, text=f"Bài số {i}")
    numbers = [json.loads(line)["number"] async for line in store.exports.jsonl(9)]
    assert numbers == list(range(1, 451))

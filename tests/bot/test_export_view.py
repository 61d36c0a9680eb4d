"""The exported history as Markdown, headings in the reader's language (bot/views/export.py)."""

from __future__ import annotations

from bot.views.export import markdown
from bot.views.texts import EN, VI
from storage import Store
from summarizer.digest import Decision, Official
from tests.storage.conftest import add_digest, make_digest, store  # noqa: F401 (fixture)


async def _markdown(store: Store, chat_id: int, lang: str = VI) -> str:  # noqa: F811
    records = [r async for batch in store.exports.records(chat_id) for r in batch]
    return markdown(records, lang)


async def test_markdown_export_lists_digests_oldest_first(store: Store) -> None:  # noqa: F811
    await add_digest(store, 5)
    await add_digest(store, 5, make_digest(title="Bài thứ hai"), text="Khác.")
    text = await _markdown(store, 5)
    assert text.index("## #1 · Tỉnh Quảng Ngãi") < text.index("## #2 · Bài thứ hai")
    assert "- Nguyễn Hồ Hải — Phó Chủ tịch UBND tỉnh" in text
    assert "- **UBND tỉnh**: Giao Sở Tài chính rà soát trụ sở dôi dư trước ngày 30/6" in text
    assert "(2 bản tóm tắt)" in text


async def test_markdown_export_names_an_actor_after_a_long_title_once(store: Store) -> None:  # noqa: F811
    title = "Phó Giám đốc Sở Xây dựng và Giao thông vận tải thành phố Cần Thơ"
    digest = make_digest(
        officials=(Official("Trịnh Văn Phúc", (title,)),),
        decisions=(Decision(f"{title} Trịnh Văn Phúc yêu cầu sửa xong cầu tạm trước 20/11",
                            "Trịnh Văn Phúc"),),
    )
    await add_digest(store, 6, digest)
    text = await _markdown(store, 6)
    assert f"- {title} Trịnh Văn Phúc yêu cầu sửa xong cầu tạm trước 20/11" in text
    assert "**Trịnh Văn Phúc**" not in text


async def test_an_english_reader_gets_english_headings(store: Store) -> None:  # noqa: F811
    await add_digest(store, 7)
    text = await _markdown(store, 7, EN)
    assert text.startswith("# Tóm Tắt — history (1 digest)")
    assert "**Officials**" in text and "**Decisions and directives**" in text
    assert "Quan chức" not in text and "bản tóm tắt" not in text

"""Rendering digests and pages: escaped, split safely, never empty."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from bot.telegram_text import MESSAGE_LIMIT, telegram_length
from bot.views.render import Block, render_digest, split_blocks, to_plain
from summarizer import notes
from summarizer.digest import Decision, Digest, Official
from summarizer.notes import Note


def digest(summary: str = "Tỉnh quyết định đầu tư 500 tỷ đồng.", **kw: object) -> Digest:
    values: dict[str, object] = dict(
        title="Tỉnh đầu tư đường liên xã", summary=summary,
        officials=(Official("Trần Văn Minh", ("Chủ tịch UBND tỉnh",)),),
        decisions=(Decision("Yêu cầu hoàn thành chọn nhà thầu trước 30/6."),),
        engine="extractive", model=None, input_words=289, summary_words=12, elapsed_ms=5,
    )
    values.update(kw)
    return Digest(**values)  # type: ignore[arg-type]


class _Balance(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        self.ok = self.ok and bool(self.stack) and self.stack.pop() == tag


def balanced(chunk: str) -> bool:
    parser = _Balance()
    parser.feed(chunk)
    return parser.ok and not parser.stack


def test_digest_sections_in_order_vietnamese() -> None:
    (message,) = render_digest(digest(), 3, "vi")
    order = [message.index(s) for s in ("<b>Tỉnh đầu tư", "Tỉnh quyết định", "Quan chức chính",
                                        "Trần Văn Minh — Chủ tịch UBND tỉnh",
                                        "Quyết định / chỉ đạo", "#3")]
    assert order == sorted(order)
    assert "<i>Trích câu từ bài · 289 từ → 12 từ · #3</i>" in message  # no engine jargon


def test_english_headings() -> None:
    (message,) = render_digest(digest(), 1, "en")
    assert "Key officials" in message and "Decisions / directives" in message


def test_markup_in_content_is_escaped() -> None:
    nasty = digest(summary="<b>đậm</b> & *nghiêng* _x_ `code` <a href='x'>link</a>",
                   title="A & B <script>")
    (message,) = render_digest(nasty, 1, "vi")
    assert "&lt;b&gt;đậm&lt;/b&gt; &amp; *nghiêng*" in message
    assert "<script>" not in message and "<a " not in message
    assert balanced(message)
    assert "<b>đậm</b> & *nghiêng*" in to_plain(message)


def test_long_digest_is_split_on_boundaries_within_limit() -> None:
    paragraphs = [f"Đoạn {i}: " + "ngân sách & đầu tư công " * 40 for i in range(30)]
    long = digest(summary="\n".join(paragraphs),
                  decisions=tuple(Decision(f"Quyết định số {i} <khẩn>") for i in range(50)))
    chunks = render_digest(long, 9, "vi")
    assert len(chunks) > 2
    assert all(0 < len(c) <= 4096 and balanced(c) for c in chunks)
    joined = "\n".join(to_plain(c) for c in chunks)
    for i in range(30):
        assert f"Đoạn {i}:" in joined
    assert "Quyết định số 49 <khẩn>" in joined
    assert chunks[-1].endswith("#9</i>")


def test_one_huge_paragraph_is_cut_without_breaking_entities() -> None:
    blocks = [Block("&" * 10_000, "b")]
    chunks = split_blocks(blocks, limit=500)
    assert all(len(c) <= 500 and balanced(c) for c in chunks)
    assert all(not re.search(r"&(?!amp;)", c) for c in chunks)
    assert sum(to_plain(c).count("&") for c in chunks) == 10_000


def test_never_an_empty_message() -> None:
    assert split_blocks([Block("   "), Block("")]) == ["…"]
    empty = digest(summary="", title="", officials=(), decisions=())
    assert all(c.strip() for c in render_digest(empty, 1, "vi"))


def test_partly_extractive_summary_says_how_much_was_quoted() -> None:
    botched = digest(engine="abstractive", model="vit5", fallback=True,
                     notes=("partly_extractive:2/7",))
    (vi,) = render_digest(botched, 4, "vi")
    (en,) = render_digest(botched, 4, "en")
    assert "[dự phòng]" in vi and "2/7 đoạn lấy nguyên câu từ bài" in vi
    assert "2 of 7 parts quoted from the article" in en
    (clean,) = render_digest(digest(), 4, "en")
    assert "quoted" not in clean


def test_each_decision_shows_its_actor_in_bold_once() -> None:
    [chunk] = render_digest(digest(decisions=(
        Decision("Giao Sở Y tế kiểm tra các phòng khám tư nhân", "UBND tỉnh"),
        Decision("Chủ tịch Hà Văn Lộc yêu cầu báo cáo trước 15/8", "Hà Văn Lộc"),
        Decision("Tạm dừng thu phí đường tránh", None),
    )), 3, "vi")
    assert "• <b>UBND tỉnh</b>: Giao Sở Y tế kiểm tra các phòng khám tư nhân" in chunk
    assert "• Chủ tịch Hà Văn Lộc yêu cầu báo cáo trước 15/8" in chunk
    assert "<b>Hà Văn Lộc</b>" not in chunk
    assert "• Tạm dừng thu phí đường tránh" in chunk


def test_an_actor_after_a_long_title_is_not_repeated_in_bold() -> None:
    title = "Giám đốc Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh"
    [chunk] = render_digest(digest(
        officials=(Official("Lê Văn Khánh", (title,)),),
        decisions=(Decision(f"{title} Lê Văn Khánh yêu cầu các huyện gia cố đê trước 10/9",
                            "Lê Văn Khánh"),),
    ), 2, "vi")
    assert f"• {title} Lê Văn Khánh yêu cầu các huyện gia cố đê trước 10/9" in chunk
    assert "<b>Lê Văn Khánh</b>" not in chunk


def test_a_digest_s_notes_are_decoded_once_per_render(monkeypatch: pytest.MonkeyPatch) -> None:
    read_from = digest(engine="abstractive", model="vit5",
                       notes=("source:https://www.baotinh.example.vn/bai-1.html",
                              "partly_extractive:1/3"))
    decoded: list[str] = []
    decode = notes.decode

    def counted(code: str) -> Note | None:
        decoded.append(code)
        return decode(code)

    monkeypatch.setattr(notes, "decode", counted)
    (vi,) = render_digest(read_from, 2, "vi")
    assert 'href="https://www.baotinh.example.vn/bai-1.html"' in vi and "baotinh.example.vn" in vi
    assert "1/3 đoạn lấy nguyên câu từ bài" in vi
    assert sorted(decoded) == sorted(read_from.notes)  # each stored form read once


def test_a_digest_full_of_emoji_is_split_under_telegram_s_utf16_limit() -> None:
    paragraph = "Đường mới 🚧🚧 " * 145
    emoji = digest(summary=f"{paragraph}\n{paragraph}")
    (whole,) = render_digest(emoji, 3, "vi", limit=10**6)
    # Under 4096 characters, but each emoji is 2 UTF-16 units: too long for one message.
    assert len(whole) < MESSAGE_LIMIT < telegram_length(whole)
    chunks = render_digest(emoji, 3, "vi")
    assert len(chunks) == 2
    assert all(telegram_length(c) <= MESSAGE_LIMIT and balanced(c) for c in chunks)
    assert sum(c.count("🚧") for c in chunks) == 580  # nothing lost at the cut
    one_word = render_digest(digest(summary="🚧" * 5000), 3, "vi")  # cut inside the word
    assert all(telegram_length(c) <= MESSAGE_LIMIT and balanced(c) for c in one_word)
    assert sum(c.count("🚧") for c in one_word) == 5000

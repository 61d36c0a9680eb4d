"""A saved page reads like its link: the same article extractor, the same charset rules."""

from __future__ import annotations

import unicodedata

from bot.links.extract import extract_article
from bot.links.fetch import Page
from bot.paste.extract import read_document

PARAS = (
    "Chiều qua, Hội đồng nhân dân huyện miền núi đã thông qua đề án xây thêm mười hai "
    "phòng học bán trú cho các điểm trường ở những bản xa trung tâm nhất của huyện.",
    "Theo đề án, mỗi phòng học có chỗ ngủ cho bốn mươi học sinh, kèm bếp ăn và nhà vệ sinh, "
    "để các em không phải vượt suối về nhà mỗi tối trong mùa mưa lũ kéo dài.",
    "Kinh phí dự kiến lấy từ ngân sách tỉnh và nguồn vận động của các doanh nghiệp đóng "
    "trên địa bàn, công trình sẽ khởi công trước năm học mới vào tháng tám.",
)
PAGE = (
    "<html><head><meta charset='windows-1258'><title>Xây phòng học bán trú cho bản xa</title>"
    "</head><body><nav><ul><li><a href='/thoi-su'>Thời sự</a></li><li><a href='/the-gioi'>"
    "Thế giới</a></li><li><a href='/kinh-doanh'>Kinh doanh</a></li></ul></nav>"
    "<p class='date'>Thứ hai, 12/10/2026 08:30</p>"
    "<article><h1>Xây phòng học bán trú cho bản xa</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAS)
    + "</article><aside class='related'><h3>Tin liên quan</h3><ul>"
    "<li><a href='/a'>Giá rau tăng mạnh sau bão</a></li>"
    "<li><a href='/b'>Khánh thành cây cầu treo mới</a></li></ul></aside>"
    "<footer>Bản quyền thuộc về tòa soạn</footer></body></html>"
)


def test_a_saved_page_gives_the_same_article_as_its_link() -> None:
    link = extract_article(Page("https://bao.example.vn/xay-phong-hoc-123.html", "text/html",
                                PAGE), min_words=25, max_chars=100_000)
    saved = read_document("bai.html", PAGE.encode()).text
    assert saved == link.text
    for clutter in ("Kinh doanh", "Tin liên quan", "Giá rau", "12/10/2026", "Bản quyền"):
        assert clutter not in saved


def test_a_page_without_an_article_still_gives_its_visible_text() -> None:
    page = f"<html><body><p>{PARAS[0]}</p></body></html>"
    assert read_document("bai.html", page.encode()).text == PARAS[0]


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Windows' Vietnamese code page: letters with a shape mark precomposed, tones combining."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(m for m in parts if m in _TONES)
            shaped = unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONES))
            out += (shaped + tone).encode("cp1258")
    return bytes(out)


def test_a_legacy_page_is_decoded_by_its_meta_charset() -> None:
    raw = _cp1258(PAGE)
    saved = read_document("bai.html", raw).text
    assert PARAS[1] in saved


def test_a_utf8_page_with_a_stray_byte_keeps_its_text_whatever_it_declares() -> None:
    # Saved as UTF-8 under a windows-1258 <meta>, with one bad byte: one character lost, not
    # the whole page read as windows-1258.
    raw = PAGE.encode().replace("Theo đề án".encode(), "Theo đề án".encode() + b"\xff")
    decoded = read_document("bai.html", raw)
    assert decoded.replaced == 1
    assert PARAS[0] in decoded.text and PARAS[2] in decoded.text

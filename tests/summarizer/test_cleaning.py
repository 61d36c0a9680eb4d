"""What the reader's pasted page becomes: the main article only, in its own spelling."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.cleaning import clean_page
from summarizer.digest import Article


@pytest.fixture
def cluttered(fixtures_dir: Path) -> Article:
    return clean_page((fixtures_dir / "text_cluttered_page.txt").read_text(encoding="utf-8"))


def test_title_is_the_headline_not_the_date_line(cluttered: Article) -> None:
    assert cluttered.title == "Tỉnh uỷ họp bàn phương án chống ngập mùa triều cường"


def test_date_weather_and_follow_lines_are_gone(cluttered: Article) -> None:
    text = cluttered.title + "\n" + cluttered.body
    for clutter in ("08:05:12", "°C", "Theo dõi", "Icon thời tiết"):
        assert clutter not in text


def test_lead_loses_the_outlet_prefix(cluttered: Article) -> None:
    assert cluttered.paragraphs[0].startswith("Sáng 13/11, Ban Thường vụ Tỉnh uỷ")
    assert cluttered.sentences[0].startswith("Sáng 13/11,")


def test_photo_captions_and_credits_are_gone(cluttered: Article) -> None:
    assert "Quang cảnh cuộc họp" not in cluttered.body
    assert "Ảnh:" not in cluttered.body
    assert "Người dân đi lại trên tuyến đường ngập nước." not in cluttered.body


def test_article_ends_at_the_byline_and_teasers_never_arrive(cluttered: Article) -> None:
    assert cluttered.paragraphs[-1].startswith("Kết thúc cuộc họp, Ban Thường vụ Tỉnh uỷ")
    for other in ("Ngọc Hân", "Khánh thành cầu", "Đỗ Quang Vinh", "Phan Văn Lộc", "Hội chợ"):
        assert other not in cluttered.body


def test_every_paragraph_of_the_main_article_survives(cluttered: Article) -> None:
    assert len(cluttered.paragraphs) == 5
    assert any("Lê Thị Hồng Nhung đề nghị" in p for p in cluttered.paragraphs)
    assert any("Trần Minh Khoa yêu cầu" in s for s in cluttered.sentences)


def test_plain_article_passes_through_intact(fixtures_dir: Path) -> None:
    text = (fixtures_dir / "text_plain_article.txt").read_text(encoding="utf-8")
    article = clean_page(text)
    lines = [line for line in text.splitlines() if line.strip()]
    assert article.title == lines[0]
    assert article.paragraphs == tuple(lines[1:])
    assert len(article.sentences) == 6
    assert article.title not in article.sentences


def test_related_block_after_the_article_is_dropped(fixtures_dir: Path) -> None:
    article = clean_page((fixtures_dir / "text_related_block.txt").read_text(encoding="utf-8"))
    assert article.paragraphs[-1].startswith("Sau 6 tháng thí điểm")
    assert "Tin liên quan" not in article.body
    assert "Giá vé xe buýt giữ nguyên" not in article.body


def test_spelling_is_kept_but_invisible_characters_are_removed() -> None:
    text = (
        "Hoà bình   cho  vùng biên\n\nUỷ ban nhân dân xã\u200b đã hoà giải\u00a0thành công "
        "vụ tranh chấp đất đai kéo dài nhiều năm giữa hai dòng họ trong thôn."
    )
    article = clean_page(text)
    assert article.title == "Hoà bình cho vùng biên"
    assert article.paragraphs == (
        "Uỷ ban nhân dân xã đã hoà giải thành công vụ tranh chấp đất đai kéo dài nhiều năm "
        "giữa hai dòng họ trong thôn.",
    )


def test_decomposed_unicode_is_composed() -> None:
    decomposed = "Thu\u0309 tu\u031bo\u031b\u0301ng pha\u0301t bie\u0302\u0309u"
    article = clean_page(
        decomposed + "\n\n" + "Ông nói rằng mọi việc sẽ được làm rõ trong tuần tới."
    )
    assert article.title == "Thủ tướng phát biểu"


def test_sentence_broken_across_lines_is_rejoined() -> None:
    text = (
        "Mưa lớn kéo dài\n\nMưa lớn kéo dài suốt ba ngày khiến nhiều tuyến đường ở trung tâm\n"
        "thành phố ngập sâu, giao thông bị ùn tắc nghiêm trọng vào giờ cao điểm."
    )
    article = clean_page(text)
    assert len(article.sentences) == 1
    assert article.sentences[0].endswith("vào giờ cao điểm.")

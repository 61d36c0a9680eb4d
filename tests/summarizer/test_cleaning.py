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


def test_teasers_after_the_article_go_even_without_a_byline() -> None:
    page = (
        "Chủ nhật, 16/11/2025 07:30\n\nNâng cấp tuyến đê biển phía tây\n\n"
        "Sáng 15/11, UBND tỉnh khởi công dự án nâng cấp 12 km đê biển phía tây với tổng vốn "
        "hơn 600 tỷ đồng, dự kiến hoàn thành trong hai năm.\n\n"
        "Tuyến đê mới cao hơn tuyến cũ 1,5 m, kết hợp đường giao thông rộng 7 m để người dân "
        "vận chuyển nông sản thuận tiện hơn.\n\n"
        "Giá tôm nguyên liệu tăng mạnh cuối năm\n\n"
        "Giá tôm thẻ cỡ 100 con/kg tại các đại lý thu mua đã tăng thêm 15.000 đồng so với "
        "tháng trước do nhu cầu xuất khẩu tăng.\n\n"
        "Khai mạc giải bóng chuyền các xã ven biển\n\n"
        "Chiều 14/11, giải bóng chuyền các xã ven biển năm 2025 đã khai mạc với sự tham gia "
        "của 16 đội bóng nam và nữ đến từ các địa phương.\n"
    )
    article = clean_page(page)
    assert article.title == "Nâng cấp tuyến đê biển phía tây"
    assert len(article.paragraphs) == 2
    assert "tôm" not in article.body and "bóng chuyền" not in article.body


def test_related_box_inside_the_article_is_dropped_alone() -> None:
    page = (
        "Mở rộng bệnh viện tuyến huyện\n\n"
        "Bệnh viện đa khoa huyện vừa đưa vào sử dụng khu điều trị mới với 120 giường bệnh, "
        "giảm tình trạng quá tải kéo dài nhiều năm.\n\n"
        "Xem thêm\n\nBệnh viện tỉnh tiếp nhận máy chụp cộng hưởng từ\n\n"
        "Khu điều trị mới gồm khoa nhi, khoa sản và khoa hồi sức tích cực, được trang bị máy "
        "thở và hệ thống oxy trung tâm.\n\n"
        "Ban giám đốc bệnh viện cho biết sẽ tuyển thêm 30 bác sĩ và điều dưỡng trong năm tới "
        "để vận hành đầy đủ các khoa.\n"
    )
    article = clean_page(page)
    assert len(article.paragraphs) == 3
    assert "máy chụp cộng hưởng từ" not in article.body
    assert article.paragraphs[-1].startswith("Ban giám đốc bệnh viện")


def test_menu_lines_before_the_title_are_dropped() -> None:
    page = (
        "Trang chủ\nThời sự\nXã hội\n\nHọc sinh vùng lũ trở lại trường\n\n"
        "Sau một tuần nghỉ học vì mưa lũ, hơn 3.000 học sinh của huyện đã trở lại trường "
        "vào sáng thứ hai với sách vở do các nhà hảo tâm tặng.\n"
    )
    article = clean_page(page)
    assert article.title == "Học sinh vùng lũ trở lại trường"
    assert len(article.paragraphs) == 1


def test_paste_without_a_title_keeps_its_lead() -> None:
    text = (
        "Chiều 5/12, Hội đồng nhân dân tỉnh khai mạc kỳ họp cuối năm để xem xét các báo cáo "
        "kinh tế - xã hội và quyết định dự toán ngân sách năm tới.\n\n"
        "Kỳ họp dự kiến kéo dài ba ngày với nhiều nội dung quan trọng."
    )
    article = clean_page(text)
    assert article.title == ""
    assert article.sentences[0].startswith("Chiều 5/12, Hội đồng nhân dân tỉnh khai mạc")
    assert len(article.sentences) == 2


def test_subheadings_and_captions_glued_to_a_paragraph_are_dropped() -> None:
    text = (
        "Giá xăng giảm lần thứ ba\n\n"
        "Từ 15 giờ chiều nay, giá xăng giảm hơn 500 đồng mỗi lít. Ảnh minh hoạ Đây là lần "
        "giảm thứ ba liên tiếp kể từ đầu tháng. Tác động tới giá cước\n\n"
        "Các hãng taxi cho biết sẽ cân nhắc điều chỉnh giá cước trong tuần tới."
    )
    article = clean_page(text)
    assert article.paragraphs[0] == (
        "Từ 15 giờ chiều nay, giá xăng giảm hơn 500 đồng mỗi lít. "
        "Đây là lần giảm thứ ba liên tiếp kể từ đầu tháng."
    )


def test_capitalised_subheading_does_not_end_the_article() -> None:
    text = (
        "Mùa du lịch miền Trung\n\n"
        "Lượng khách đến các tỉnh miền Trung trong mùa hè năm nay tăng mạnh so với cùng kỳ, "
        "nhiều khách sạn kín phòng vào cuối tuần.\n\n"
        "Các công ty lữ hành cho biết tour kết hợp biển và phố cổ được đặt nhiều nhất, "
        "đặc biệt là các gia đình có trẻ nhỏ.\n\n"
        "Hội An\n\n"
        "Phố cổ đón trung bình 15.000 lượt khách mỗi ngày, các con phố đi bộ luôn đông đúc "
        "từ chiều đến khuya.\n\n"
        "Chính quyền thành phố đã bố trí thêm bãi giữ xe và lực lượng hướng dẫn du khách "
        "tại các điểm đông người.\n"
    )
    article = clean_page(text)
    assert len(article.paragraphs) == 4
    assert article.paragraphs[-1].startswith("Chính quyền thành phố")


def test_punctuation_only_lines_do_not_break_cleaning() -> None:
    text = (
        "Thứ hai, 17/11/2025 09:00\n\nBản tin sáng\n\n"
        "Sáng nay, thành phố tổ chức lễ ra quân làm sạch kênh rạch với hàng nghìn người "
        "tham gia.\n\n"
        "* * *\n\n"
        "Hoạt động sẽ được duy trì vào sáng chủ nhật hằng tuần đến hết năm nay ở tất cả các phường."
    )
    article = clean_page(text)
    assert article.title == "Bản tin sáng"
    assert len(article.sentences) == 2

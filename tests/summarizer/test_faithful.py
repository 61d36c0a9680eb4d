"""Summaries a reader can trust: no title twice, lead dates kept, no captions or fragments."""

from __future__ import annotations

import pytest

from summarizer.cleaning import clean_page
from summarizer.digest import Length
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.textnorm import fold_tones, syllables


@pytest.fixture(scope="module")
def engine() -> ExtractiveEngine:
    return ExtractiveEngine()


def _words(text: str) -> list[str]:
    return syllables(fold_tones(text))


# The first sentence of the body restates the headline word for word.
TITLE_AGAIN = (
    "Đà Lạt mở lại chợ đêm sau hai tháng sửa chữa\n\n"
    "Đà Lạt mở lại chợ đêm sau hai tháng sửa chữa.\n\n"
    "Tối 20/10, khu chợ đêm trước chợ Đà Lạt đón khách trở lại với 120 gian hàng ăn uống "
    "và đồ lưu niệm được bố trí lại gọn gàng hơn.\n\n"
    "Ban quản lý chợ cho biết mặt đường đã được lát đá mới, hệ thống thoát nước được nâng "
    "cấp để không còn ngập khi mưa lớn.\n\n"
    "Các tiểu thương phải niêm yết giá và không được lấn chiếm lối đi của du khách."
)


@pytest.mark.parametrize("length", list(Length))
def test_the_summary_never_opens_by_repeating_the_title(
    engine: ExtractiveEngine, length: Length
) -> None:
    article = clean_page(TITLE_AGAIN)
    summary = engine.summarize(article, length)
    title = _words(article.title)
    assert _words(summary)[: len(title)] != title
    assert "120 gian hàng" in summary

"""An extractive digest is never marked as a fallback, whatever its wording."""

from __future__ import annotations

from summarizer.digest import Length
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.pipeline import summarize
from summarizer.quality import is_degenerate
from tests.support.fake_engine import FakeEngine

# An ordinary council report whose every sentence names the same cooperative: the summary
# repeats "hợp tác xã" more often than a model's decoding loop would.
REPEATED_PHRASE = (
    "Hợp tác xã Bình Minh mở rộng vùng trồng bưởi\n\n"
    "Sáng 13/6, hợp tác xã Bình Minh ở huyện Châu Thành ký hợp đồng bao tiêu bưởi với "
    "hai doanh nghiệp xuất khẩu.\n\n"
    "Theo hợp đồng, hợp tác xã Bình Minh cung cấp 500 tấn bưởi da xanh mỗi năm cho "
    "các doanh nghiệp.\n\n"
    "Ông Nguyễn Văn Tư, giám đốc hợp tác xã Bình Minh, cho biết hợp tác xã Bình Minh "
    "sẽ mở rộng vùng trồng thêm 40 ha.\n\n"
    "Các xã viên của hợp tác xã Bình Minh được tập huấn kỹ thuật trồng bưởi theo chuẩn "
    "VietGAP trong tháng tới.\n\n"
    "Huyện Châu Thành hỗ trợ hợp tác xã Bình Minh xây dựng kho lạnh để giữ bưởi tươi lâu hơn."
)


def test_an_extractive_summary_with_a_repeated_phrase_is_not_a_fallback() -> None:
    digest = summarize(REPEATED_PHRASE, Length.LONG, engine=ExtractiveEngine())
    # The summary itself trips the model-output check: only the engine's kind may decide.
    assert is_degenerate(digest.summary)
    assert (digest.engine, digest.fallback) == ("extractive", False)


def test_the_default_engine_is_not_a_fallback_either() -> None:
    digest = summarize(REPEATED_PHRASE, Length.LONG)
    assert (digest.engine, digest.fallback) == ("extractive", False)


def test_a_looping_model_output_is_still_replaced_and_marked() -> None:
    digest = summarize(REPEATED_PHRASE, Length.SHORT, engine=FakeEngine("bưởi " * 30))
    assert (digest.engine, digest.fallback) == ("extractive", True)
    assert "bưởi bưởi bưởi" not in digest.summary

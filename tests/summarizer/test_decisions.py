"""Decisions the reader sees: short clauses, attributed to whoever made them, never invented."""

from __future__ import annotations

from pathlib import Path

from summarizer.cleaning import clean_page
from summarizer.decisions import extract_decisions
from summarizer.digest import Official

KHOA = Official("Trần Minh Khoa", ("Bí thư Tỉnh uỷ",))
NHUNG = Official("Lê Thị Hồng Nhung", ("Chủ tịch UBND tỉnh",))


def _texts(fixtures_dir: Path, name: str, officials: tuple[Official, ...]) -> list[str]:
    article = clean_page((fixtures_dir / name).read_text(encoding="utf-8"))
    return [d.text for d in extract_decisions(article, officials)]


def test_directives_are_attributed_to_the_official_without_the_title(fixtures_dir: Path) -> None:
    texts = _texts(fixtures_dir, "text_cluttered_page.txt", (KHOA, NHUNG))
    assert texts[0].startswith("Trần Minh Khoa yêu cầu các phường kiểm tra toàn bộ bờ kè")
    assert texts[1].startswith("Lê Thị Hồng Nhung đề nghị Sở Xây dựng sớm trình phương án")
    assert not any(t.startswith("Bí thư") or t.startswith("Chủ tịch") for t in texts)


def test_a_body_decision_keeps_the_body_as_actor(fixtures_dir: Path) -> None:
    texts = _texts(fixtures_dir, "text_cluttered_page.txt", (KHOA, NHUNG))
    assert any(
        t.startswith("Ban Thường vụ Tỉnh uỷ thống nhất giao UBND tỉnh bố trí") for t in texts
    )


def test_names_are_found_even_before_officials_are_known(fixtures_dir: Path) -> None:
    texts = _texts(fixtures_dir, "text_cluttered_page.txt", ())
    assert texts[0].startswith("Trần Minh Khoa yêu cầu")


def test_article_without_decisions_gives_none(fixtures_dir: Path) -> None:
    assert _texts(fixtures_dir, "text_no_decisions.txt", ()) == []


def test_plain_reporting_and_citizens_requests_are_not_decisions() -> None:
    article = clean_page(
        "Họp báo về giá điện\n\n"
        "Giám đốc Công ty Điện lực Phan Quốc Bảo cho biết sản lượng điện tăng 8% so với cùng kỳ. "
        "Nhiều cử tri đề nghị giảm giá điện sinh hoạt vào mùa nắng nóng. "
        "Giá bán lẻ hiện đã đáp ứng yêu cầu của thị trường."
    )
    assert extract_decisions(article, (Official("Phan Quốc Bảo", ("Giám đốc",)),)) == ()


def test_long_clauses_are_cut_at_a_clause_boundary() -> None:
    article = clean_page(
        "Chấn chỉnh công tác cấp phép xây dựng\n\n"
        "Chủ tịch UBND thành phố Đặng Văn Lực yêu cầu các quận rà soát toàn bộ hồ sơ cấp phép "
        "xây dựng trong năm, xử lý nghiêm các cán bộ làm sai quy định, công khai kết quả trên "
        "cổng thông tin điện tử và báo cáo bằng văn bản trước ngày 20 tháng sau."
    )
    (decision,) = extract_decisions(article, (Official("Đặng Văn Lực", ("Chủ tịch",)),))
    assert decision.actor == "Đặng Văn Lực"
    assert decision.text.startswith("Đặng Văn Lực yêu cầu các quận rà soát toàn bộ hồ sơ")
    assert decision.text.endswith("…")
    assert len(decision.text.split()) <= 26


def test_quoted_emphasis_is_attributed_to_its_speaker() -> None:
    article = clean_page(
        "Kiện toàn bộ máy cấp xã\n\n"
        "Hội nghị đã thảo luận nhiều vấn đề về tổ chức bộ máy sau sắp xếp đơn vị hành chính. "
        "“Các xã phải hoàn thành việc bố trí cán bộ trong tháng này” - Bí thư Tỉnh uỷ "
        "Trần Minh Khoa nhấn mạnh."
    )
    texts = [d.text for d in extract_decisions(article, (KHOA,))]
    assert texts == [
        "Trần Minh Khoa nhấn mạnh: “Các xã phải hoàn thành việc bố trí cán bộ trong tháng này”"
    ]


def test_old_and_new_tone_placement_both_match_an_official() -> None:
    article = clean_page(
        "Xử lý vi phạm đất đai\n\n"
        "Chủ tịch UBND huyện Hoàng Văn Thuỷ chỉ đạo lực lượng chức năng cưỡng chế công trình "
        "xây dựng trái phép trên đất nông nghiệp."
    )
    (decision,) = extract_decisions(article, (Official("Hoàng Văn Thủy", ("Chủ tịch",)),))
    assert decision.actor == "Hoàng Văn Thủy"
    assert decision.text.startswith("Hoàng Văn Thuỷ chỉ đạo lực lượng chức năng cưỡng chế")


def test_tasks_listed_after_an_assignment_are_decisions_too() -> None:
    article = clean_page(
        "Chuẩn bị mùa khô\n\n"
        "Chủ tịch UBND tỉnh giao Sở Nông nghiệp chủ trì kiểm tra các cống ngăn mặn. "
        "Sở Tài chính bố trí kinh phí nạo vét kênh trước tháng 2. "
        "Mực nước các sông chính đang ở mức thấp."
    )
    texts = [d.text for d in extract_decisions(article, ())]
    assert texts == [
        "Chủ tịch UBND tỉnh giao Sở Nông nghiệp chủ trì kiểm tra các cống ngăn mặn",
        "Sở Tài chính bố trí kinh phí nạo vét kênh trước tháng 2",
    ]


def test_words_that_only_look_like_cues_are_not_decisions() -> None:
    article = clean_page(
        "Tên lửa thế hệ mới\n\n"
        "Loại tên lửa này có sức huỷ diệt lớn và tầm bắn xa hơn các thế hệ trước. "
        "Việc đáp ứng yêu cầu kỹ thuật mất nhiều năm thử nghiệm. "
        "Đây là một quyết định mang tính chiến lược của nhà sản xuất."
    )
    assert extract_decisions(article, ()) == ()

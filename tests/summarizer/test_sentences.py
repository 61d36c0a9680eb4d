"""Sentence splitting as a reader would cut the text."""

from __future__ import annotations

import pytest

from summarizer.sentences import split_sentences


@pytest.mark.parametrize(
    "text",
    [
        "Đoàn công tác đã đến TP. HCM để làm việc với lãnh đạo thành phố.",
        "PGS.TS. Trần Văn Bình và TS. Lê Thị Hoa trình bày kết quả nghiên cứu.",
        "Theo lời khai, ông Th. đã nhận 3,2 tỷ đồng từ một doanh nghiệp ở Q.1.",
        "Ngày 23/7, hơn 1.500 người đã tham gia; Chỉ thị số 45 được quán triệt.",
        "Cửa hàng bán rau, củ, quả v.v. với giá niêm yết công khai.",
        "Gặp nhiều khó khăn như: Thời gian ngắn, khối lượng công việc lớn.",
    ],
)
def test_abbreviations_and_numbers_do_not_end_a_sentence(text: str) -> None:
    assert split_sentences(text) == [text]


def test_sentences_split_at_their_ends() -> None:
    text = "Cơ quan công an đã khởi tố vụ án. Ba bị can bị bắt tạm giam! Vì sao vụ việc kéo dài?"
    assert split_sentences(text) == [
        "Cơ quan công an đã khởi tố vụ án.",
        "Ba bị can bị bắt tạm giam!",
        "Vì sao vụ việc kéo dài?",
    ]


def test_abbreviated_title_before_a_name_stays_with_it() -> None:
    text = "Buổi lễ có sự tham dự của TS. Nguyễn Văn An. Sau đó đoàn đi thăm TP. Huế."
    assert split_sentences(text) == [
        "Buổi lễ có sự tham dự của TS. Nguyễn Văn An.",
        "Sau đó đoàn đi thăm TP. Huế.",
    ]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = "Ông nói: “Ai làm sai phải xử lý nghiêm.” Cuộc họp kết thúc lúc 17 giờ."
    assert split_sentences(text) == [
        "Ông nói: “Ai làm sai phải xử lý nghiêm.”",
        "Cuộc họp kết thúc lúc 17 giờ.",
    ]


def test_short_quotation_stays_whole_with_its_speaker() -> None:
    text = "“Phải làm ngay. Không được chậm trễ” - Chủ tịch tỉnh nhấn mạnh. Hội nghị bế mạc."
    assert split_sentences(text) == [
        "“Phải làm ngay. Không được chậm trễ” - Chủ tịch tỉnh nhấn mạnh.",
        "Hội nghị bế mạc.",
    ]


def test_spaced_straight_quote_closes_the_sentence() -> None:
    text = 'Bà nói: " Tôi đã làm đúng quy trình. " Sau đó bà rời khỏi phòng họp.'
    assert split_sentences(text) == [
        'Bà nói: " Tôi đã làm đúng quy trình. "',
        "Sau đó bà rời khỏi phòng họp.",
    ]


def test_ellipsis_ends_a_sentence_only_before_a_new_one() -> None:
    text = (
        "Nào là nhà cửa, ruộng vườn... tất cả đều mất. Người dân chờ hỗ trợ… "
        "Chính quyền đã vào cuộc."
    )
    assert split_sentences(text) == [
        "Nào là nhà cửa, ruộng vườn... tất cả đều mất.",
        "Người dân chờ hỗ trợ…",
        "Chính quyền đã vào cuộc.",
    ]


def test_bullet_lines_become_sentences_without_their_marks() -> None:
    text = (
        "UBND tỉnh yêu cầu các sở thực hiện:\n- Rà soát toàn bộ hồ sơ tồn đọng;\n"
        "• Báo cáo kết quả trước ngày 15/12."
    )
    assert split_sentences(text) == [
        "UBND tỉnh yêu cầu các sở thực hiện:",
        "Rà soát toàn bộ hồ sơ tồn đọng;",
        "Báo cáo kết quả trước ngày 15/12.",
    ]


def test_missing_space_after_a_period_is_repaired() -> None:
    assert split_sentences("Tỷ lệ nộp hồ sơ trực tuyến còn thấp.Người dân phải chờ lâu.") == [
        "Tỷ lệ nộp hồ sơ trực tuyến còn thấp.",
        "Người dân phải chờ lâu.",
    ]


def test_empty_paragraph_has_no_sentences() -> None:
    assert split_sentences("  \n ") == []


def test_one_huge_line_is_split_quickly() -> None:
    sentence = 'Ông Lê Văn Tư yêu cầu các sở " rà soát " hồ sơ tại TP. HCM trong năm 2025. '
    # Quadratic splitting took tens of seconds on a pasted page with no line breaks.
    assert len(split_sentences(sentence * 2000)) == 2000

"""Our sentence splitter against underthesea's sent_tokenize on hand-written hard cases.

Prints how many cases each splits exactly as expected, the time to import each, and the
cases underthesea gets wrong. Run: PYTHONPATH=. python benchmarks/sentences_compare.py
"""

from __future__ import annotations

import sys
import time

CASES: list[tuple[str, list[str]]] = [
    (
        "Đoàn đã đến TP. HCM làm việc. Sau đó đoàn về Hà Nội.",
        ["Đoàn đã đến TP. HCM làm việc.", "Sau đó đoàn về Hà Nội."],
    ),
    (
        "PGS.TS. Trần Văn Bình phát biểu. TS. Lê Hoa bổ sung ý kiến.",
        ["PGS.TS. Trần Văn Bình phát biểu.", "TS. Lê Hoa bổ sung ý kiến."],
    ),
    ("Ông Th. nhận 3,2 tỷ đồng ở Q.1 năm ngoái.", ["Ông Th. nhận 3,2 tỷ đồng ở Q.1 năm ngoái."]),
    (
        "Ngày 23/7, hơn 1.500 người dự. Chỉ thị số 45 được quán triệt.",
        ["Ngày 23/7, hơn 1.500 người dự.", "Chỉ thị số 45 được quán triệt."],
    ),
    (
        "Chợ bán rau, củ, quả v.v. với giá niêm yết.",
        ["Chợ bán rau, củ, quả v.v. với giá niêm yết."],
    ),
    (
        "Ông nói: “Ai sai phải xử lý.” Cuộc họp kết thúc.",
        ["Ông nói: “Ai sai phải xử lý.”", "Cuộc họp kết thúc."],
    ),
    (
        "“Phải làm ngay. Không được chậm” - Chủ tịch nhấn mạnh. Hội nghị bế mạc.",
        ["“Phải làm ngay. Không được chậm” - Chủ tịch nhấn mạnh.", "Hội nghị bế mạc."],
    ),
    (
        'Bà nói: " Tôi làm đúng quy trình. " Sau đó bà rời phòng.',
        ['Bà nói: " Tôi làm đúng quy trình. "', "Sau đó bà rời phòng."],
    ),
    (
        "Nhà cửa, ruộng vườn... tất cả đều mất. Người dân chờ hỗ trợ… Chính quyền vào cuộc.",
        [
            "Nhà cửa, ruộng vườn... tất cả đều mất.",
            "Người dân chờ hỗ trợ…",
            "Chính quyền vào cuộc.",
        ],
    ),
    (
        "Khó khăn như: Thời gian ngắn, việc nhiều. Ông đề nghị hỗ trợ.",
        ["Khó khăn như: Thời gian ngắn, việc nhiều.", "Ông đề nghị hỗ trợ."],
    ),
    (
        "Tỷ lệ nộp hồ sơ trực tuyến còn thấp.Người dân phải chờ lâu.",
        ["Tỷ lệ nộp hồ sơ trực tuyến còn thấp.", "Người dân phải chờ lâu."],
    ),
    (
        "Ông đến Mỹ. Sau đó ông sang Anh. Vì sao vậy? Chưa rõ!",
        ["Ông đến Mỹ.", "Sau đó ông sang Anh.", "Vì sao vậy?", "Chưa rõ!"],
    ),
    (
        "Buổi lễ có TS. Nguyễn Văn An. Sau đó đoàn thăm TP. Huế.",
        ["Buổi lễ có TS. Nguyễn Văn An.", "Sau đó đoàn thăm TP. Huế."],
    ),
    (
        "Giá vé là 7.000 đồng. Năm 2025, thành phố mở 3 tuyến.",
        ["Giá vé là 7.000 đồng.", "Năm 2025, thành phố mở 3 tuyến."],
    ),
]


def main() -> int:
    """Print exact-split accuracy and import time of both splitters."""
    started = time.perf_counter()
    from summarizer.sentences import split_sentences

    ours_import = time.perf_counter() - started
    started = time.perf_counter()
    from underthesea import sent_tokenize

    theirs_import = time.perf_counter() - started
    ours = sum(split_sentences(text) == expected for text, expected in CASES)
    theirs = 0
    for text, expected in CASES:
        got = [s.strip() for s in sent_tokenize(text)]
        if got == expected:
            theirs += 1
        else:
            print(f"underthesea: {got}")
    print(f"{len(CASES)} hard cases, exact splits")
    print(f"ours         {ours:2d}/{len(CASES)}  import {ours_import * 1000:6.0f} ms")
    print(f"underthesea  {theirs:2d}/{len(CASES)}  import {theirs_import * 1000:6.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

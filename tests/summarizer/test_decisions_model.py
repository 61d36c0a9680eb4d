"""The decision model: shipped as plain JSON numbers, read offline, retrained by its script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.cleaning import clean_page
from summarizer.decisions import model
from summarizer.decisions.context import article_features
from summarizer.decisions.units import units

ROOT = Path(__file__).resolve().parents[2]

_ARTICLES = [
    (
        "UBND tỉnh giao Sở Tài chính rà soát các khoản chi thường xuyên trước ngày 15/9.",
        "Giá rau xanh tại các chợ dân sinh tăng nhẹ trong tuần qua.",
    ),
    (
        "Bộ Y tế yêu cầu các bệnh viện tuyến tỉnh bố trí giường bệnh cho người cao tuổi.",
        "Nhiều gia đình đưa con đi chơi công viên dịp cuối tuần.",
    ),
    (
        "Công an huyện đã khởi tố vụ án cố ý gây thương tích tại xã Phú Lộc.",
        "Trời nắng nóng kéo dài khiến nhiều người ngại ra đường.",
    ),
    (
        "Thủ tướng chỉ đạo các địa phương hoàn thành giải ngân vốn đầu tư công trong quý IV.",
        "Đội bóng của trường giành giải ba tại hội khoẻ cấp huyện.",
    ),
    (
        "HĐND tỉnh thông qua nghị quyết hỗ trợ học phí cho học sinh vùng núi.",
        "Buổi sáng, sương mù bao phủ khắp các thung lũng phía tây.",
    ),
    (
        "Sở Giáo dục quyết định lùi lịch thi học kỳ thêm một tuần do mưa lũ.",
        "Phụ huynh chia sẻ niềm vui khi con được nhận vào lớp mới.",
    ),
]


def test_the_shipped_model_loads_from_plain_json_offline() -> None:
    loaded = model.load()
    assert 0.0 < loaded.threshold < 1.0 and len(loaded.weights) > 50
    assert all(isinstance(w, float) for w in loaded.weights.values())
    assert model.load() is loaded  # read once


def test_a_file_that_is_no_model_is_refused() -> None:
    with pytest.raises(ValueError):
        model.from_json({"weights": "yêu cầu", "threshold": 0.3})


def test_the_training_script_learns_from_a_small_annotated_sample(tmp_path: Path) -> None:
    rows = [
        {
            "id": f"t{i}",
            "split": "tune",
            "title": "Tin địa phương",
            "text": f"Tin địa phương\n\n{decision} {other}",
            "officials": [],
            "decisions": [{"text": decision.rstrip("."), "actor": None}],
            "main_official": None,
        }
        for i, (decision, other) in enumerate(_ARTICLES)
    ]
    dataset = tmp_path / "sample.jsonl"
    dataset.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    out = tmp_path / "model.json"
    script = ROOT / "scripts" / "train_decisions.py"
    done = subprocess.run(
        [sys.executable, str(script), "--dataset", str(dataset), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    trained = model.from_json(json.loads(out.read_text(encoding="utf-8")))
    assert 0.0 < trained.threshold < 1.0
    article = clean_page(
        "Tin mới\n\nSở Công thương yêu cầu các cửa hàng niêm yết giá xăng dầu. "
        "Những ngày này, nhiều người đi dạo ven hồ vào buổi tối."
    )
    found = units(article)
    own = article_features(found, [[], []], [None, None])
    decision, other = (trained.probability(f) for f in own)
    assert decision > other

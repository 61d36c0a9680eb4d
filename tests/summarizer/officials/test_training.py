"""The officials tagger: the shipped weights load offline; the training script runs end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from underthesea_core import CRFTagger

from summarizer.officials.features import paragraph_features
from summarizer.officials.labels import label_paragraph
from summarizer.officials.tagger import MODEL
from summarizer.officials.tokens import clean, tokenize

ROOT = Path(__file__).resolve().parents[3]
_ROWS = [
    {
        "split": "tune",
        "text": "Tỉnh họp bàn chống hạn\n\nChủ tịch UBND tỉnh Đỗ Văn Khang yêu cầu các huyện "
        "báo cáo. Ông Khang nói nước đã cạn.",
        "officials": [{"name": "Đỗ Văn Khang", "titles": ["Chủ tịch UBND tỉnh"]}],
    },
    {
        "split": "tune",
        "text": "Bổ nhiệm cán bộ\n\nBà Lưu Thị Hằng được bổ nhiệm giữ chức Giám đốc Sở Y tế. "
        "Anh Tô Văn Bảy, một người dân, vui mừng.",
        "officials": [{"name": "Lưu Thị Hằng", "titles": ["Giám đốc Sở Y tế"]}],
    },
    {
        "split": "check",
        "text": "Không dùng để học\n\nBộ trưởng Lý Văn Sáu phát biểu.",
        "officials": [{"name": "Lý Văn Sáu", "titles": ["Bộ trưởng"]}],
    },
]


def test_labels_come_from_the_annotations():
    tokens, labels = label_paragraph(
        "Bà Lưu Thị Hằng được bổ nhiệm giữ chức Giám đốc Sở Y tế.",
        [("Lưu Thị Hằng", ["Giám đốc Sở Y tế"])],
    )
    tagged = {t.text: label for t, label in zip(tokens, labels, strict=True) if label != "O"}
    assert tagged == {
        "Lưu": "B-PER",
        "Thị": "I-PER",
        "Hằng": "I-PER",
        "Giám": "B-POSL",
        "đốc": "I-POSL",
        "Sở": "I-POSL",
        "Y": "I-POSL",
        "tế": "I-POSL",
    }


def test_shipped_model_loads_and_tags_offline():
    tagger = CRFTagger()
    tagger.load(str(MODEL))
    tokens = tokenize(clean("Thủ tướng Hà Minh Đức chủ trì phiên họp."))
    labels = tagger.tag(paragraph_features(tokens))
    assert labels[:5] == ["B-POSR", "I-POSR", "B-PER", "I-PER", "I-PER"]


def test_training_script_writes_a_model_from_the_tune_split(tmp_path):
    data = tmp_path / "annotated.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _ROWS), "utf-8")
    out = tmp_path / "officials.crf"
    script = ["scripts/train_officials.py", "--iterations", "30"]
    done = subprocess.run(
        [sys.executable, *script, "--data", str(data), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "trained on 4 paragraphs" in done.stdout
    tagger = CRFTagger()
    tagger.load(str(out))
    assert set(tagger.labels()) >= {"B-PER", "I-PER", "B-POSR"}

"""Storage is a reader of digests, not a user of the summarizer's pipeline."""

from __future__ import annotations

import subprocess
import sys


def test_import_storage_loads_neither_the_pipeline_nor_numpy() -> None:
    code = (
        "import sys, storage; "
        "print(sorted(m for m in ('summarizer.pipeline', 'summarizer.engines', 'numpy') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"


def test_the_pipeline_is_still_reachable_from_the_package() -> None:
    import summarizer

    digest = summarizer.summarize(
        "Sáng nay, UBND tỉnh Lâm Viên họp bàn kế hoạch sửa chữa ba cây cầu yếu trên quốc lộ. "
        "Chủ tịch UBND tỉnh Trần Văn Lộc yêu cầu Sở Giao thông hoàn thành trước mùa mưa.",
        "short",
    )
    assert digest.summary
    assert issubclass(summarizer.InputError, ValueError)

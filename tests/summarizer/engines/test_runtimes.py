"""The one decision of which runtime runs a model's files."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.engines.abstractive import AbstractiveEngine
from summarizer.engines.base import EngineUnavailable
from summarizer.engines.locate import ModelFiles


def test_asking_for_transformers_with_only_a_converted_copy_says_so(tmp_path: Path) -> None:
    files = ModelFiles("tiny", None, tmp_path / "tiny-ct2")
    engine = AbstractiveEngine("tiny", files=files, runtime="transformers")
    with pytest.raises(EngineUnavailable, match="no transformers weights"):
        engine.load()


def test_asking_for_a_missing_onnx_export_says_how_to_make_one(tmp_path: Path) -> None:
    files = ModelFiles("tiny", tmp_path / "tiny", None)
    engine = AbstractiveEngine("tiny", files=files, runtime="onnxruntime")
    with pytest.raises(EngineUnavailable, match="tomtat model convert --runtime onnx tiny"):
        engine.load()

"""The one decision of which runtime runs a model's files."""

from __future__ import annotations

import logging
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


def test_the_engine_log_names_the_copy_that_will_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from summarizer.engines import ort
    from summarizer.engines.select import load_engine
    from tests.summarizer.engines.test_locate import fake_hf_dir, fake_onnx_dir

    model = fake_hf_dir(tmp_path / "vit5")
    export = fake_onnx_dir(tmp_path / "vit5-onnx", "vit5")
    monkeypatch.setattr(ort, "available", lambda: False)  # the export is here, its runtime is not
    with caplog.at_level(logging.INFO, logger="summarizer.engines.select"):
        load_engine("abstractive", str(model))
    assert f"from {model})" in caplog.text and str(export) not in caplog.text

"""Finding a model locally: a directory, the HF cache, or a converted CTranslate2 copy."""

from __future__ import annotations

import json
from pathlib import Path

from summarizer.engines.locate import default_ct2_dir, locate_model, source_of


def fake_hf_dir(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "config.json").write_text("{}", encoding="utf-8")
    (path / "model.safetensors").write_bytes(b"")
    return path


def test_a_missing_model_is_not_found(tmp_path: Path) -> None:
    assert locate_model("VietAI/not-downloaded", ct2_root=tmp_path, hf_cache=tmp_path) is None
    assert locate_model(str(tmp_path / "nowhere"), ct2_root=tmp_path) is None


def test_a_local_transformers_directory_and_its_converted_sibling(tmp_path: Path) -> None:
    model = fake_hf_dir(tmp_path / "vit5")
    found = locate_model(str(model))
    assert found is not None and found.hf_dir == model and found.ct2_dir is None
    converted = default_ct2_dir(str(model))
    assert converted == tmp_path / "vit5-ct2"
    converted.mkdir()
    (converted / "model.bin").write_bytes(b"")
    found = locate_model(str(model))
    assert found is not None and found.ct2_dir == converted


def test_a_converted_directory_alone_names_its_source(tmp_path: Path) -> None:
    converted = tmp_path / "fast"
    converted.mkdir()
    (converted / "model.bin").write_bytes(b"")
    (converted / "tomtat-source.json").write_text(json.dumps({"source": "VietAI/x"}), "utf-8")
    found = locate_model(str(converted))
    assert found is not None
    assert (found.model_id, found.hf_dir, found.ct2_dir) == ("VietAI/x", None, converted)
    assert source_of(tmp_path) is None


def fake_onnx_dir(path: Path, source: str) -> Path:
    path.mkdir(parents=True)
    for name in ("encoder.onnx", "decoder.onnx"):
        (path / name).write_bytes(b"")
    (path / "tomtat-onnx.json").write_text(json.dumps({"source": source}), "utf-8")
    return path


def test_an_onnx_export_beside_the_model_or_alone_is_found(tmp_path: Path) -> None:
    model = fake_hf_dir(tmp_path / "vit5")
    export = fake_onnx_dir(tmp_path / "vit5-onnx", "VietAI/x")
    found = locate_model(str(model))
    assert found is not None and (found.hf_dir, found.onnx_dir) == (model, export)
    alone = locate_model(str(export))
    assert alone is not None
    assert (alone.model_id, alone.hf_dir, alone.ct2_dir, alone.onnx_dir) == (
        "VietAI/x", None, None, export)
    assert alone.tokenizer_dir == export


def test_a_hub_model_in_the_hf_cache_is_found_without_network(tmp_path: Path) -> None:
    repo = tmp_path / "models--VietAI--vit5-tiny"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text("0" * 40, encoding="utf-8")
    snapshot = fake_hf_dir(repo / "snapshots" / ("0" * 40))
    found = locate_model("VietAI/vit5-tiny", ct2_root=tmp_path / "ct2", hf_cache=tmp_path)
    assert found is not None and found.hf_dir == snapshot
    assert default_ct2_dir("VietAI/vit5-tiny", tmp_path / "ct2") == tmp_path / "ct2" / (
        "VietAI--vit5-tiny"
    )


def test_engines_offered_are_those_whose_files_are_here(tmp_path: Path) -> None:
    from summarizer.engines.choices import available_engines

    assert available_engines(str(tmp_path / "nowhere")) == ("auto", "extractive")
    model = fake_hf_dir(tmp_path / "vit5")  # files only: nothing is loaded to answer
    assert available_engines(str(model)) == ("auto", "extractive", "abstractive")

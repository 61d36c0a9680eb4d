"""`tomtat model download|convert` and the abstractive engine's messages on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from summarizer.engines.locate import is_ct2_dir
from tests.summarizer.engines.conftest import TRAINED_SUMMARY, TinyModels


def summarize_with(
    model: Path, tiny_models: TinyModels, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> pytest.CaptureResult[str]:
    """`tomtat summarize --engine abstractive --model MODEL` on the fixture article; its output."""
    article = tmp_path / "article.txt"
    article.write_text(tiny_models.text, encoding="utf-8")
    capsys.readouterr()
    code = main(["summarize", "--engine", "abstractive", "--model", str(model),
                 "--length", "short", str(article)])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out


def test_download_respects_hf_hub_offline(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)  # as HF_HUB_OFFLINE=1 sets it
    assert main(["model", "download", "VietAI/vit5-base-vietnews-summarization"]) == 2
    assert "HF_HUB_OFFLINE is set" in capsys.readouterr().err


def test_convert_makes_a_copy_the_engine_runs(
    tiny_models: TinyModels, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = tmp_path / "fast"
    assert main(["model", "convert", str(tiny_models.trained), str(dest)]) == 0
    assert is_ct2_dir(dest) and (dest / "tokenizer.json").is_file()
    out = summarize_with(dest, tiny_models, tmp_path, capsys)
    assert TRAINED_SUMMARY in out.out and f"[abstractive ({dest})]" in out.out  # the copy ran
    weights = (dest / "model.bin").stat().st_mtime_ns
    assert main(["model", "convert", str(tiny_models.trained), str(dest)]) == 0
    assert "reusing it" in capsys.readouterr().out
    assert (dest / "model.bin").stat().st_mtime_ns == weights  # not converted again
    again = ["model", "convert", str(tiny_models.trained), str(dest), "--quantization", "float32"]
    assert main(again) == 2  # another conversion is asked for: only --force replaces it
    assert "--force" in capsys.readouterr().err
    assert main([*again, "--force"]) == 0
    assert (dest / "model.bin").stat().st_mtime_ns != weights
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "keep.txt").write_text("ghi chú", encoding="utf-8")
    assert main(["model", "convert", str(tiny_models.trained), str(precious), "--force"]) == 2
    assert "refusing to replace" in capsys.readouterr().err
    assert (precious / "keep.txt").is_file()


def test_convert_of_a_missing_model_says_to_download(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["model", "convert", str(tmp_path / "nothing"), str(tmp_path / "out")]) == 2
    assert "tomtat model download" in capsys.readouterr().err


def test_summarize_with_a_missing_model_fails_fast_and_friendly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Tiêu đề\nMột câu đủ dài để tóm tắt cho người đọc báo hôm nay.", "utf-8")
    code = main(["summarize", "--engine", "abstractive", "--model", "VietAI/absent", str(article)])
    err = capsys.readouterr().err
    assert code == 2
    assert "'VietAI/absent'" in err and "tomtat model download VietAI/absent" in err
    assert "Traceback" not in err


def test_convert_to_onnx_makes_a_copy_the_engine_prefers(
    tiny_models: TinyModels, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("onnxruntime")
    import shutil

    from summarizer.engines.abstractive import AbstractiveEngine
    from summarizer.engines.locate import is_onnx_dir

    model = tmp_path / "tiny"
    shutil.copytree(tiny_models.trained, model)
    assert main(["model", "convert", "--runtime", "onnx", str(model)]) == 0
    export = tmp_path / "tiny-onnx"  # beside the model, where the engine looks
    assert is_onnx_dir(export) and (export / "tokenizer.json").is_file()
    assert main(["model", "convert", "--runtime", "onnx", str(model)]) == 0
    assert "reusing it" in capsys.readouterr().out
    assert AbstractiveEngine(str(model)).runtime == "onnxruntime"
    out = summarize_with(export, tiny_models, tmp_path, capsys)
    assert TRAINED_SUMMARY in out.out and "[abstractive (" in out.out

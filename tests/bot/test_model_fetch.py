"""The default model fetched in the background from a hub on 127.0.0.1 (tests/support)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.services.model_fetch import ModelFetch, wanted_model
from summarizer.engines.generation import DEFAULT_MODEL
from tests.support.model_hub import ModelHub
from tests.support.tiny_t5 import TinyModels


@pytest.fixture
def tiny_repo(tiny_models: TinyModels) -> Path:
    """A tiny T5 model folder (built once per session) to serve as the default model."""
    return tiny_models.trained


@pytest.fixture
def hub(tiny_repo: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ModelHub]:
    from huggingface_hub import constants

    # The suite runs with HF_HUB_OFFLINE=1; these tests reach 127.0.0.1 only.
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    served = ModelHub({DEFAULT_MODEL: tiny_repo}).start()
    yield served
    served.stop()


class Recorder:
    """Stands in for the conversion and the engines' switch; remembers what happened."""

    def __init__(self, problem: str | None = None) -> None:
        self.problem = problem
        self.converted: list[str] = []
        self.ready = threading.Event()

    def convert(self, model_id: str) -> str | None:
        self.converted.append(model_id)
        return self.problem


def _fetch(hub: ModelHub, tmp_path: Path, recorder: Recorder, endpoint: str = "") -> ModelFetch:
    fetch = ModelFetch(DEFAULT_MODEL, recorder.ready.set, cache_dir=tmp_path / "hub-cache",
                       endpoint=endpoint or hub.endpoint, convert=recorder.convert)
    fetch.start()
    assert fetch.join(60)
    return fetch


def _snapshot(tmp_path: Path) -> Path:
    return next((tmp_path / "hub-cache").glob("models--*/snapshots/*"))


def test_a_download_completes_then_converts_and_switches(hub: ModelHub, tmp_path: Path) -> None:
    recorder = Recorder()
    fetch = _fetch(hub, tmp_path, recorder)
    assert fetch.status.phase == "ready" and recorder.ready.is_set()
    assert recorder.converted == [DEFAULT_MODEL]
    assert (_snapshot(tmp_path) / "config.json").is_file()
    assert (_snapshot(tmp_path) / "tokenizer_config.json").is_file()


def test_a_download_cut_half_way_resumes_where_it_stopped(
    hub: ModelHub, tiny_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huggingface_hub import constants

    # Written to disk in 10 MB pieces; the tiny weights need smaller ones to be cut between.
    monkeypatch.setattr(constants, "DOWNLOAD_CHUNK_SIZE", 1 << 14)
    hub.cut_once = {"model.safetensors"}
    fetch = _fetch(hub, tmp_path, Recorder())
    assert fetch.status.phase == "ready"
    size = (tiny_repo / "model.safetensors").stat().st_size
    assert (_snapshot(tmp_path) / "model.safetensors").read_bytes() == (
        tiny_repo / "model.safetensors"
    ).read_bytes()
    # The second request asked only for what was not on disk yet (at most a piece more).
    assert hub.log.ranged("model.safetensors")
    assert hub.log.bytes_sent["model.safetensors"] <= size + (1 << 14)


@pytest.mark.parametrize("down", ["error 500", "unreachable"])
def test_a_hub_that_fails_leaves_the_embedded_engine_with_one_log_line(
    hub: ModelHub, tmp_path: Path, caplog: pytest.LogCaptureFixture, down: str
) -> None:
    hub.failing = True
    recorder = Recorder()
    endpoint = "http://127.0.0.1:9" if down == "unreachable" else ""
    with caplog.at_level(logging.INFO, logger="bot.services.model_fetch"):
        fetch = _fetch(hub, tmp_path, recorder, endpoint)
    assert fetch.status.phase == "failed" and not recorder.ready.is_set()
    assert recorder.converted == []
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1
    assert "extractive engine stays" in warnings[0].getMessage()


def test_too_little_disk_space_downloads_nothing(
    hub: ModelHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from types import SimpleNamespace

    import bot.services.model_fetch as model_fetch

    # A disk with 1 KiB free.
    monkeypatch.setattr(model_fetch.shutil, "disk_usage", lambda path: SimpleNamespace(free=1024))
    recorder = Recorder()
    fetch = _fetch(hub, tmp_path, recorder)
    assert fetch.status.phase == "failed" and "disk space" in fetch.status.describe()
    assert not any(method == "GET" and "/resolve/" in path for method, path, _ in hub.log.requests)


def test_a_failed_conversion_keeps_the_embedded_engine(hub: ModelHub, tmp_path: Path) -> None:
    recorder = Recorder(problem="conversion failed (out of memory)")
    fetch = _fetch(hub, tmp_path, recorder)
    assert fetch.status.phase == "failed" and not recorder.ready.is_set()
    assert "out of memory" in fetch.status.describe()


def test_only_the_default_model_on_auto_is_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.services.model_fetch as model_fetch

    monkeypatch.setattr(model_fetch, "locate_model", lambda model: None)
    assert wanted_model("auto", None) == DEFAULT_MODEL
    assert wanted_model("auto", DEFAULT_MODEL) == DEFAULT_MODEL
    assert wanted_model("auto", "none") is None
    assert wanted_model("extractive", None) is None
    assert wanted_model("auto", "/models/my-own") is None


def test_a_model_downloaded_but_never_converted_is_converted(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import bot.services.model_fetch as model_fetch
    from summarizer.engines.locate import ModelFiles

    here = ModelFiles(DEFAULT_MODEL, tmp_path, None, None)
    monkeypatch.setattr(model_fetch, "locate_model", lambda model: here)
    monkeypatch.setattr(model_fetch, "fast_runtime", lambda: "onnx")
    assert wanted_model("auto", None) == DEFAULT_MODEL
    converted = ModelFiles(DEFAULT_MODEL, tmp_path, None, tmp_path)
    monkeypatch.setattr(model_fetch, "locate_model", lambda model: converted)
    assert wanted_model("auto", None) is None


def test_stats_shows_how_the_fetch_stands(monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.services.model_fetch as model_fetch
    from bot.services.engines import EngineBox
    from bot.settings import Settings
    from tests.support.fake_engine import FakeEngine

    monkeypatch.setattr(model_fetch, "locate_model", lambda model: None)
    box = EngineBox("auto", None, FakeEngine())
    fetch = model_fetch.start_model_fetch(Settings(token="1:x"), box)
    assert fetch is not None and fetch.join(10)
    # The suite runs offline: the fetch ends at once, and /stats says why.
    assert "HF_HUB_OFFLINE" in box.describe() and DEFAULT_MODEL in box.describe()
    assert model_fetch.start_model_fetch(Settings(token="1:x", model="none"), box) is None

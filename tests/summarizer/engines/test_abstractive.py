"""The abstractive engine on tiny real models, loaded the way a user's model is loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.cleaning import clean_page
from summarizer.digest import Length
from summarizer.engines.abstractive import AbstractiveEngine
from summarizer.engines.base import EngineUnavailable
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.select import load_engine
from summarizer.pipeline import summarize
from tests.summarizer.engines.conftest import TRAINED_SUMMARY, TinyModels
from tests.summarizer.engines.samples import RecordingEngine


def test_auto_picks_the_local_model_and_the_digest_says_so(tiny_models: TinyModels) -> None:
    engine = load_engine("auto", str(tiny_models.trained))
    digest = summarize(tiny_models.text, Length.SHORT, engine)
    assert (digest.engine, digest.model, digest.fallback) == (
        "abstractive", str(tiny_models.trained), False
    )
    assert digest.summary == TRAINED_SUMMARY


def test_officials_and_decisions_come_from_the_article(tiny_models: TinyModels) -> None:
    ours = summarize(tiny_models.text, Length.SHORT, load_engine("auto", str(tiny_models.trained)))
    plain = summarize(tiny_models.text, Length.SHORT, ExtractiveEngine())
    assert ours.summary != plain.summary
    assert (ours.officials, ours.decisions) == (plain.officials, plain.decisions)


def test_a_long_article_reaches_the_model_whole_in_chunks(tiny_models: TinyModels) -> None:
    engine = RecordingEngine(str(tiny_models.trained))
    article = clean_page(tiny_models.text)
    progress: list[tuple[int, int]] = []
    engine.summarize(article, Length.MEDIUM, lambda i, n: progress.append((i, n)))
    limit = engine.chunk_limit()
    mapped = [text for call in engine.calls[:-1] for text in call]
    assert len(mapped) > 3
    assert all(engine.count_tokens(text) <= limit for text in mapped)
    assert " ".join(mapped).split() == " ".join(article.sentences).split()
    assert engine.calls[-1] == [" ".join([TRAINED_SUMMARY] * len(mapped))]  # the reduce step
    assert progress[0] == (0, len(mapped) + 1) and progress[-1] == (len(mapped) + 1,) * 2
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)


def test_generation_is_deterministic_across_runs_and_runtimes(tiny_models: TinyModels) -> None:
    article = clean_page(tiny_models.text)
    torch_engine = AbstractiveEngine(str(tiny_models.trained), runtime="transformers")
    fast = AbstractiveEngine(str(tiny_models.trained_ct2), compute_type="float32", threads=1)
    assert fast.runtime == "ctranslate2" and torch_engine.runtime == "transformers"
    first = torch_engine.summarize(article, Length.SHORT)
    assert first == torch_engine.summarize(article, Length.SHORT) == TRAINED_SUMMARY
    assert fast.summarize(article, Length.SHORT) == first


def test_int8_fast_path_is_used_automatically_when_converted(
    tiny_models: TinyModels, tmp_path: Path
) -> None:
    from summarizer.engines import ct2

    model = tmp_path / "model"
    model.symlink_to(tiny_models.trained, target_is_directory=True)
    ct2.convert(tiny_models.trained, tmp_path / "model-ct2", "tiny", quantization="int8")
    engine = load_engine("abstractive", str(model))
    assert isinstance(engine, AbstractiveEngine) and engine.runtime == "ctranslate2"
    digest = summarize(tiny_models.text, Length.SHORT, engine)
    assert digest.engine == "abstractive" and not digest.fallback
    assert digest.summary == TRAINED_SUMMARY


def test_a_degenerate_model_output_falls_back_to_extractive(tiny_models: TinyModels) -> None:
    engine = load_engine("abstractive", str(tiny_models.silent))
    digest = summarize(tiny_models.text, Length.SHORT, engine)
    plain = summarize(tiny_models.text, Length.SHORT, ExtractiveEngine())
    assert digest.fallback is True
    assert (digest.engine, digest.summary) == ("extractive", plain.summary)


def test_auto_without_a_model_uses_extractive(tmp_path: Path) -> None:
    assert load_engine("auto", str(tmp_path / "missing")).name == "extractive"


def test_abstractive_without_a_model_says_how_to_get_it() -> None:
    with pytest.raises(EngineUnavailable) as caught:
        load_engine("abstractive", "VietAI/not-downloaded-here")
    message = str(caught.value)
    assert "'VietAI/not-downloaded-here'" in message
    assert "tomtat model download VietAI/not-downloaded-here" in message


def test_unknown_engine_kind_is_refused_clearly() -> None:
    with pytest.raises(EngineUnavailable, match="choose one of auto, extractive, abstractive"):
        load_engine("magic")


def test_a_broken_model_directory_fails_with_a_message_not_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "half-downloaded"
    broken.mkdir()
    (broken / "config.json").write_text('{"model_type": "t5"}', encoding="utf-8")
    (broken / "model.safetensors").write_bytes(b"not really weights")
    engine = load_engine("abstractive", str(broken))
    with pytest.raises(EngineUnavailable, match="could not load the model"):
        engine.summarize(clean_page("Tiêu đề\nMột câu văn."), Length.SHORT)

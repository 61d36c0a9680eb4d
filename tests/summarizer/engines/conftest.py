"""Tiny T5 models built once per session from our own Vietnamese fixture text."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# The engine tests never touch the network (set before huggingface_hub reads it).
os.environ["HF_HUB_OFFLINE"] = "1"

from tests.support.tiny_t5 import (
    FIXTURE,
    INPUT_LIMIT,
    TRAINED_SUMMARY,
    _model,
    _tokenizer,
    _train_to_write,
    fixture_sentences,
)

__all__ = ["FIXTURE", "INPUT_LIMIT", "TRAINED_SUMMARY", "TinyModels", "fixture_sentences"]


@dataclass(frozen=True)
class TinyModels:
    """Paths of the models the engine tests load exactly as a user's model is loaded."""

    trained: Path  # writes TRAINED_SUMMARY then stops
    silent: Path  # writes nothing useful: every output token is padding
    trained_ct2: Path  # `trained` converted to CTranslate2 (float32 weights)
    text: str


@pytest.fixture(scope="session", autouse=True)
def _one_torch_thread() -> Iterator[None]:
    """Tiny models run fastest on one thread; the CI machine's two cores are shared."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> TinyModels:
    """Build, train briefly, save and convert the tiny models (once per test session)."""
    import torch

    from summarizer.engines import ct2

    root = tmp_path_factory.mktemp("tiny-models")
    text = FIXTURE.read_text(encoding="utf-8")
    sentences = fixture_sentences(text)
    tokenizer = _tokenizer(root, sentences)
    trained = _model(len(tokenizer))
    _train_to_write(trained, tokenizer, sentences)
    silent = _model(len(tokenizer))
    with torch.no_grad():
        silent.lm_head.weight.zero_()  # every logit ties, so argmax is token 0: padding
    paths = {"trained": root / "trained", "silent": root / "silent"}
    for name, model in (("trained", trained), ("silent", silent)):
        model.save_pretrained(paths[name])
        tokenizer.save_pretrained(paths[name])
    converted = ct2.convert(paths["trained"], root / "trained-float32-ct2", "tiny-trained",
                            quantization="float32")
    return TinyModels(paths["trained"], paths["silent"], converted, text)

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
    _model,
    _tokenizer,
    fixture_sentences,
)

# What the trained tiny model writes for any article, then it stops (end-of-sequence).
TRAINED_SUMMARY = "Tỉnh Lâm Hà khởi công tuyến đường ven sông mới."
__all__ = ["FIXTURE", "INPUT_LIMIT", "TRAINED_SUMMARY", "TinyModels", "fixture_sentences"]


@dataclass(frozen=True)
class TinyModels:
    """Paths of the models the engine tests load exactly as a user's model is loaded."""

    trained: Path  # writes TRAINED_SUMMARY then stops
    silent: Path  # writes nothing useful: every output token is padding
    trained_ct2: Path  # `trained` converted to CTranslate2 (float32 weights)
    text: str


def _train_to_write(model, tokenizer, sentences: list[str]) -> None:  # type: ignore[no-untyped-def]
    import torch

    inputs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences) - 3)]
    enc = tokenizer(inputs, max_length=48, truncation=True, padding=True,
                    return_tensors="pt")
    target = tokenizer([TRAINED_SUMMARY], return_tensors="pt").input_ids
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
    generator = torch.Generator().manual_seed(0)
    model.train()
    for _ in range(60):
        rows = torch.randint(0, len(inputs), (8,), generator=generator)
        loss = model(input_ids=enc.input_ids[rows], attention_mask=enc.attention_mask[rows],
                     labels=target.repeat(len(rows), 1)).loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()


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

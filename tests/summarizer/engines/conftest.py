"""Engine tests: one torch thread; tiny models come once per session from tests/conftest.py."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

# The engine tests never touch the network (set before huggingface_hub reads it).
os.environ["HF_HUB_OFFLINE"] = "1"

from tests.support.tiny_t5 import TRAINED_SUMMARY, TinyModels, fixture_sentences

__all__ = ["TRAINED_SUMMARY", "TinyModels", "fixture_sentences"]


@pytest.fixture(scope="session", autouse=True)
def _one_torch_thread() -> Iterator[None]:
    """Tiny models run fastest on one thread; the CI machine's two cores are shared."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)

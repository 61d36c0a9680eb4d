"""Shared fixtures: original Vietnamese test articles live in tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.tiny_t5 import TinyModels, build_tiny_models

FIXTURES = Path(__file__).parent / "fixtures"
pytest_plugins = ("tests.support.postgres",)  # postgres_cluster, postgres_url


@pytest.fixture
def fixtures_dir() -> Path:
    """Directory of the hand-written Vietnamese fixture texts."""
    return FIXTURES


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> TinyModels:
    """Tiny T5 models (tests/support/tiny_t5.py), built once per test session."""
    return build_tiny_models(tmp_path_factory.mktemp("tiny-models"))

"""Shared fixtures: original Vietnamese test articles live in tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures_dir() -> Path:
    """Directory of the hand-written Vietnamese fixture texts."""
    return FIXTURES

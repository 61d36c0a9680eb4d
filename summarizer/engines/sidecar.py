"""The small JSON record written beside a converted model, saying what it was made from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# Written by `tomtat model convert` next to CTranslate2 weights.
SOURCE_FILE = "tomtat-source.json"
# Written beside an ONNX export (`tomtat model convert --runtime onnx`).
ONNX_META_FILE = "tomtat-onnx.json"


def write_sidecar(model_dir: Path, name: str, record: dict[str, Any]) -> None:
    """Write the record as `name` in the model's directory."""
    (model_dir / name).write_text(json.dumps(record), encoding="utf-8")


def read_sidecar(model_dir: Path, name: str = SOURCE_FILE) -> dict[str, Any] | None:
    """The record beside a converted copy; None when it is missing, unreadable or no object."""
    try:
        data = json.loads((model_dir / name).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def sidecar_text(model_dir: Path, key: str, name: str = SOURCE_FILE) -> str | None:
    """One string field of the record (`source`, `model_type`); None when absent."""
    value = (read_sidecar(model_dir, name) or {}).get(key)
    return value if isinstance(value, str) else None

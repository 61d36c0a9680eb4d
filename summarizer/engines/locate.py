"""Finding a model on this machine: a local directory, the HF cache, or a converted CT2 copy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from summarizer.engines.sidecar import ONNX_META_FILE, SOURCE_FILE, sidecar_text

# Where `tomtat model convert` puts a hub model's CTranslate2 copy when no DEST is given.
DEFAULT_CT2_ROOT = Path.home() / ".cache" / "tomtat" / "ct2"
# Where `tomtat model convert --runtime onnx` puts a hub model's ONNX export.
DEFAULT_ONNX_ROOT = Path.home() / ".cache" / "tomtat" / "onnx"
# The two graphs of an ONNX export, beside its ONNX_META_FILE.
ENCODER_FILE = "encoder.onnx"
DECODER_FILE = "decoder.onnx"
_WEIGHTS = ("model.safetensors", "model.safetensors.index.json", "pytorch_model.bin")


@dataclass(frozen=True)
class ModelFiles:
    """Where the files of one model are; at least one of the directories is set."""

    model_id: str
    hf_dir: Path | None
    ct2_dir: Path | None
    onnx_dir: Path | None = None

    @property
    def tokenizer_dir(self) -> Path:
        """Directory holding the tokenizer files (converted copies carry their own)."""
        found = self.hf_dir or self.ct2_dir or self.onnx_dir
        assert found is not None
        return found


def is_ct2_dir(path: Path) -> bool:
    """True when the directory holds a converted CTranslate2 model."""
    return (path / "model.bin").is_file()


def is_onnx_dir(path: Path) -> bool:
    """True when the directory holds an ONNX export (`tomtat model convert --runtime onnx`)."""
    return all((path / n).is_file() for n in (ONNX_META_FILE, ENCODER_FILE, DECODER_FILE))


def is_hf_dir(path: Path) -> bool:
    """True when the directory holds a transformers model (config and weights)."""
    return (path / "config.json").is_file() and any((path / w).is_file() for w in _WEIGHTS)


def default_ct2_dir(model: str, root: Path = DEFAULT_CT2_ROOT, suffix: str = "-ct2") -> Path:
    """The conventional place of a model's converted copy."""
    local = Path(model).expanduser()
    if local.is_dir():
        return local.with_name(local.name + suffix)
    return root / model.replace("/", "--")


def default_onnx_dir(model: str, root: Path = DEFAULT_ONNX_ROOT) -> Path:
    """The conventional place of a model's ONNX export."""
    return default_ct2_dir(model, root, suffix="-onnx")


def _hub_snapshot(model_id: str, cache_dir: Path | None) -> Path | None:
    """The cached snapshot of a hub model, never touching the network."""
    if Path(model_id).is_absolute() or model_id.count("/") > 1:
        return None
    try:
        from huggingface_hub import snapshot_download
        from huggingface_hub.errors import HFValidationError, LocalEntryNotFoundError
    except ImportError:  # pragma: no cover - huggingface_hub is a dependency
        return None
    try:
        found = Path(snapshot_download(model_id, local_files_only=True, cache_dir=cache_dir))
    except (LocalEntryNotFoundError, HFValidationError, OSError, ValueError):
        return None
    return found if is_hf_dir(found) else None


def source_of(ct2_dir: Path, record: str = SOURCE_FILE) -> str | None:
    """The model id a copy was converted from, when `tomtat model convert` recorded it."""
    return sidecar_text(ct2_dir, "source", record)


def locate_model(
    model: str, ct2_root: Path = DEFAULT_CT2_ROOT, hf_cache: Path | None = None,
    onnx_root: Path = DEFAULT_ONNX_ROOT,
) -> ModelFiles | None:
    """Find the model locally; None when neither its weights nor a converted copy are here."""
    local = Path(model).expanduser()
    if local.is_dir():
        if is_ct2_dir(local):
            return ModelFiles(source_of(local) or model, None, local)
        if is_onnx_dir(local):
            return ModelFiles(source_of(local, ONNX_META_FILE) or model, None, None, local)
        hf_dir = local if is_hf_dir(local) else None
    else:
        hf_dir = _hub_snapshot(model, hf_cache)
    ct2 = default_ct2_dir(model, ct2_root)
    ct2_dir = ct2 if is_ct2_dir(ct2) else None
    onnx = default_onnx_dir(model, onnx_root)
    onnx_dir = onnx if is_onnx_dir(onnx) else None
    if hf_dir is None and ct2_dir is None and onnx_dir is None:
        return None
    return ModelFiles(model, hf_dir, ct2_dir, onnx_dir)

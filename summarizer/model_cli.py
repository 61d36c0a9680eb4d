"""`tomtat model download [ID]` and `tomtat model convert SRC [DEST]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from summarizer.engines.base import EngineUnavailable
from summarizer.engines.generation import DEFAULT_MODEL
from summarizer.engines.locate import (
    default_ct2_dir,
    default_onnx_dir,
    is_ct2_dir,
    is_onnx_dir,
    locate_model,
)
from summarizer.engines.sidecar import ONNX_META_FILE, SOURCE_FILE, read_sidecar

EXIT_FAILED = 2
# Weights for other frameworks are never needed here and can be gigabytes.
_SKIP = ["*.h5", "*.msgpack", "*.ot", "tf_model*", "flax_model*", "*.onnx", "rust_model*"]


def add_model_parser(sub: Any) -> None:
    """Register `model` (download, convert) on the top-level sub-command parser."""
    p = sub.add_parser("model", help="download or convert the abstractive model")
    msub = p.add_subparsers(dest="model_command", required=True)
    d = msub.add_parser("download", help="fetch a model from the Hugging Face hub into its cache")
    d.add_argument("id", nargs="?", default=DEFAULT_MODEL, help=f"hub id (default {DEFAULT_MODEL})")
    c = msub.add_parser("convert", help="make an int8 copy for a fast runtime (needs tomtat[fast])")
    c.add_argument("src", help="hub id (already downloaded) or local model directory")
    c.add_argument("dest", nargs="?", default=None,
                   help="output directory (default: where the engine looks for it)")
    c.add_argument("--quantization", default="int8",
                   choices=["int8", "int8_float32", "int16", "float32"])
    c.add_argument("--force", action="store_true", help="replace an existing DEST")
    c.add_argument("--runtime", default="ctranslate2", choices=["ctranslate2", "onnx"],
                   help="onnx: ONNX Runtime export, T5-family models only (int8 or float32)")


def _fail(message: str) -> int:
    print(f"tomtat: {message}", file=sys.stderr)
    return EXIT_FAILED


def download(model_id: str) -> int:
    """Fetch the model's files (tqdm progress bars on stderr); exit code."""
    from huggingface_hub import constants, snapshot_download
    from huggingface_hub.errors import HfHubHTTPError, RepositoryNotFoundError

    if constants.HF_HUB_OFFLINE:
        return _fail(
            "HF_HUB_OFFLINE is set, so nothing can be downloaded; unset it and run again, "
            "or copy the model directory here and pass it with --model"
        )
    try:
        path = snapshot_download(model_id, ignore_patterns=_SKIP)
    except RepositoryNotFoundError:
        return _fail(f"no model {model_id!r} on the Hugging Face hub (check the id)")
    except (HfHubHTTPError, OSError, ValueError) as exc:
        return _fail(f"could not download {model_id!r}: {exc}")
    print(f"tomtat: {model_id} is ready in {path}")
    print(f"tomtat: for the fast path run `.venv/bin/tomtat model convert {model_id}`")
    return 0


def convert_model(src: str, dest: str | None, quantization: str, force: bool,
                  runtime: str = "ctranslate2") -> int:
    """Convert a local or cached model to CTranslate2 or ONNX; exit code."""
    from summarizer.engines import ct2, onnx_export

    files = locate_model(src)
    if files is None or files.hf_dir is None:
        return _fail(f"{src!r} is not on this machine; "
                     "get it first with `.venv/bin/tomtat model download`")
    default = default_onnx_dir(src) if runtime == "onnx" else default_ct2_dir(src)
    target = Path(dest).expanduser() if dest else default
    if target.exists() and any(target.iterdir()) and not force:
        if not _same_export(target, runtime, files.model_id, quantization):
            return _fail(f"{target} already exists; pass --force to replace it")
        print(f"tomtat: {target} already holds this conversion; reusing it "
              "(pass --force to convert again)")
        return 0
    try:
        if runtime == "onnx":
            out = onnx_export.export(files.hf_dir, target, files.model_id, quantization, force)
        else:
            out = ct2.convert(files.hf_dir, target, files.model_id, quantization, force)
    except EngineUnavailable as exc:
        return _fail(str(exc))
    except (OSError, ValueError, NotImplementedError) as exc:
        return _fail(f"could not convert {src!r}: {exc}")
    print(f"tomtat: converted {src} to {out} ({quantization})")
    if dest and out != default:
        print(f"tomtat: use it with --model {out}")
    return 0


def _same_export(target: Path, runtime: str, source: str, quantization: str) -> bool:
    """True when `target` is a finished conversion of `source` for this runtime and quantization."""
    is_export, record = (
        (is_onnx_dir, ONNX_META_FILE) if runtime == "onnx" else (is_ct2_dir, SOURCE_FILE))
    sidecar = read_sidecar(target, record) or {}
    return (is_export(target) and sidecar.get("source") == source
            and sidecar.get("quantization") == quantization)


def run_model(args: argparse.Namespace) -> int:
    """Execute `tomtat model …`; return the process exit code."""
    if args.model_command == "download":
        return download(args.id)
    return convert_model(args.src, args.dest, args.quantization, args.force, args.runtime)

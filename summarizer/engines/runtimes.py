"""Which runtime runs a model's files: the one place that decides, for loading and selection."""

from __future__ import annotations

from pathlib import Path

from summarizer.engines import ct2, ort
from summarizer.engines.base import FAST_HINT
from summarizer.engines.locate import ModelFiles

RUNTIMES = ("auto", "onnxruntime", "ctranslate2", "transformers")


def runtime_dir(files: ModelFiles, runtime: str) -> Path | None:
    """The directory of the copy a named runtime runs; None when that copy is not here."""
    if runtime == "onnxruntime":
        return files.onnx_dir
    if runtime == "ctranslate2":
        return files.ct2_dir
    if runtime == "transformers":
        return files.hf_dir
    raise ValueError(f"runtime must be one of {RUNTIMES}")


def pick_runtime(files: ModelFiles, runtime: str = "auto") -> str | None:
    """The runtime that will run the model; in `auto` the fastest copy with its runtime installed.

    None when no copy here can be run that way. A runtime asked for by name is picked as soon
    as its copy is here; loading it then says how to install it when it is missing.
    """
    if runtime != "auto":
        return runtime if runtime_dir(files, runtime) is not None else None
    # An ONNX export (T5 family only) beats CTranslate2 on greedy decoding: prefer it.
    if files.onnx_dir is not None and ort.available():
        return "onnxruntime"
    if files.ct2_dir is not None and ct2.available():
        return "ctranslate2"
    if files.hf_dir is not None:
        return "transformers"
    return None


def no_runtime_message(files: ModelFiles, runtime: str = "auto") -> str:
    """What a user reads when `pick_runtime` finds nothing to run the model with."""
    model_id = files.model_id
    if runtime == "onnxruntime":
        return (f"no ONNX export of {model_id!r}; "
                f"make one with `tomtat model convert --runtime onnx {model_id}`")
    if runtime == "ctranslate2":
        return (f"no CTranslate2 copy of {model_id!r}; "
                f"make one with `tomtat model convert {model_id}`")
    if runtime == "transformers":
        return f"{model_id!r} has no transformers weights here, only a converted copy"
    # Only a converted copy is here and its runtime is not installed.
    copy = "a CTranslate2" if files.ct2_dir is not None else "an ONNX"
    return f"{model_id!r} is only here as {copy} copy; {FAST_HINT}"

"""Converting a downloaded model for the fast runtime, in a child process (heavy, minutes)."""

from __future__ import annotations

import logging
import subprocess
import sys

from summarizer.engines.base import runtime_available

log = logging.getLogger(__name__)

# ViT5-base's ONNX export takes about a minute and ~4 GB on a laptop; this is a generous cap.
CONVERT_TIMEOUT_S = 1800
# The conversion takes minutes of CPU; the bot's replies should not wait for it.
CONVERT_NICE = 10
# (os.nice in the child itself: preexec_fn is unsafe in a process with threads.)
_CODE = (
    f"import os, sys; hasattr(os, 'nice') and os.nice({CONVERT_NICE}); "
    "from bot.cli import main; sys.exit(main(sys.argv[1:]))"
)


def fast_runtime() -> str | None:
    """The fast runtime to convert for: ONNX Runtime first (faster on T5), then CTranslate2."""
    if runtime_available("onnxruntime"):
        return "onnx"
    if runtime_available("ctranslate2"):
        return "ctranslate2"
    return None


def convert_fast(model_id: str) -> str | None:
    """Convert with `tomtat model convert` in a child process; None on success, else why not."""
    runtime = fast_runtime()
    if runtime is None:
        # transformers runs the downloaded weights as they are, only slower.
        log.info("model %s: no fast runtime installed (pip install 'tomtat[fast]'); "
                 "using it with transformers", model_id)
        return None
    command = [sys.executable, "-c", _CODE, "model", "convert", "--runtime", runtime, model_id]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False,
                              timeout=CONVERT_TIMEOUT_S)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"conversion failed ({type(exc).__name__}: {exc})"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        return f"conversion failed ({last})"
    return None

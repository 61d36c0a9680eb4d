"""The product as it was at a git ref: `tomtat summarize --jsonl` run in a temporary worktree.

Benchmarks use it for a baseline measured in the same run as the checkout they score.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def digests_at(
    ref: str, texts: list[tuple[str, str]], lengths: Iterable[str]
) -> dict[str, list[dict[str, Any]]]:
    """Per length, the JSON digests of (id, text) items by the extractive engine at `ref`."""
    with tempfile.TemporaryDirectory(prefix="tomtat-baseline-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), ref],
            check=True,
            capture_output=True,
        )
        try:
            src = Path(tmp) / "in.jsonl"
            src.write_text(
                "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in texts),
                encoding="utf-8",
            )
            return {length: _run_cli(tree, src, length) for length in lengths}
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                check=False,
                capture_output=True,
            )


def _run_cli(tree: Path, src: Path, length: str) -> list[dict[str, Any]]:
    code = (
        "import sys; from bot.cli import main; "
        "sys.exit(main(['summarize', '--jsonl', sys.argv[1], '--engine', 'extractive', "
        "'--length', sys.argv[2]]))"
    )
    # Exit status 2 only says some lines were refused: their `error` objects still come out.
    out = subprocess.run(
        [sys.executable, "-c", code, str(src), length],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"},
        check=False,
        capture_output=True,
        text=True,
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]

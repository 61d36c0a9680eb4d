"""`tomtat summarize`: a thin shell over `summarizer.summarize`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from typing import IO, Any

from summarizer.digest import Decision, Digest, Length
from summarizer.engines.base import Engine, EngineUnavailable
from summarizer.input_rule import MAX_INPUT_CHARS, InputError

EXIT_BAD_INPUT = 2


def add_summarize_parser(sub: Any) -> None:
    """Register `summarize` on the top-level sub-command parser."""
    p = sub.add_parser("summarize", help="summarise an article from a file or stdin")
    p.add_argument("file", nargs="?", default="-", help="text file, or - for stdin")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--jsonl", metavar="FILE", help="summarise every {id, text} line of FILE")
    p.add_argument("--length", choices=[x.value for x in Length], default=Length.MEDIUM.value)
    p.add_argument("--engine", choices=["auto", "extractive", "abstractive"], default=None)
    p.add_argument("--model", default=None, help="hub id or local directory of the model")


def _read_text(stream: IO[bytes]) -> str:
    raw = stream.read(MAX_INPUT_CHARS * 4 + 1)
    if len(raw) > MAX_INPUT_CHARS * 4:
        raise InputError(f"input is too large (limit {MAX_INPUT_CHARS:,} characters)")
    if b"\x00" in raw:
        raise InputError("input looks binary, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("input is not UTF-8 text") from exc


def _decision_line(decision: Decision, digest: Digest) -> str:
    """One decision as the chat shows it: its actor first unless the clause opens with it."""
    actor = decision.actor_to_show(digest.officials)
    return f"  - {actor}: {decision.text}" if actor else f"  - {decision.text}"


def render_text(digest: Digest) -> str:
    """Human-readable digest for the terminal."""
    lines = [digest.title, "", digest.summary, ""]
    if digest.officials:
        lines.append("Quan chức chính:")
        lines += [f"  - {o.name} — {', '.join(o.titles)}" for o in digest.officials]
        lines.append("")
    if digest.decisions:
        lines.append("Quyết định / chỉ đạo:")
        lines += [_decision_line(d, digest) for d in digest.decisions]
        lines.append("")
    model = f" ({digest.model})" if digest.model else ""
    fallback = " [fallback]" if digest.fallback else ""
    lines.append(
        f"[{digest.engine}{model}{fallback}] {digest.input_words} → {digest.summary_words} "
        f"words, {digest.elapsed_ms} ms"
    )
    return "\n".join(lines)


def _jsonl_items(path: str) -> Iterator[tuple[int, Any, str | None]]:
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                yield number, item.get("id"), item["text"]
            except (ValueError, KeyError, AttributeError):
                yield number, None, None


def run_summarize(args: argparse.Namespace, engine_kind: str, model: str | None) -> int:
    """Execute `tomtat summarize`; return the process exit code."""
    # Imported here: `tomtat run --role ingress` builds this parser but runs no engine.
    from summarizer.engines.select import load_engine
    from summarizer.pipeline import summarize

    try:
        engine: Engine = load_engine(args.engine or engine_kind, args.model or model)
    except EngineUnavailable as exc:
        print(f"tomtat: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    # No "engine …" line here: errors stay one line, and every digest names its engine.
    if args.jsonl:
        return _run_jsonl(args.jsonl, args.length, engine)
    try:
        if args.file == "-":
            text = _read_text(sys.stdin.buffer)
        else:
            with open(args.file, "rb") as handle:
                text = _read_text(handle)
        digest = summarize(text, args.length, engine)
    except OSError as exc:
        print(f"tomtat: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (InputError, EngineUnavailable) as exc:
        print(f"tomtat: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    out = json.dumps(digest.to_json(), ensure_ascii=False) if args.json else render_text(digest)
    return _emit(out)


def _emit(text: str) -> int:
    """Print to stdout; a reader that closed the pipe early (`| head`) is not an error."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        _silence_stdout()
    return 0


def _silence_stdout() -> None:
    """Point stdout at /dev/null once its reader is gone."""
    # Python would complain again at exit while flushing the dead pipe.
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115


def _run_jsonl(path: str, length: str, engine: Engine) -> int:
    from summarizer.pipeline import summarize

    failures = 0
    try:
        for number, item_id, text in _jsonl_items(path):
            if text is None:
                print(f"tomtat: line {number}: not a JSON object with 'text'", file=sys.stderr)
                failures += 1
                continue
            try:
                out = summarize(text, length, engine).to_json()
            except InputError as exc:
                print(f"tomtat: line {number}: {exc}", file=sys.stderr)
                out = {"error": str(exc)}
                failures += 1
            print(json.dumps({"id": item_id, **out}, ensure_ascii=False), flush=True)
    except BrokenPipeError:
        # The reader has all it wanted (`| head -1`): stop, as `_emit` does.
        _silence_stdout()
        return 0
    except OSError as exc:
        print(f"tomtat: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UnicodeDecodeError:
        print(f"tomtat: {path} is not UTF-8 text", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_BAD_INPUT if failures else 0

"""Abstractive engine: a Vietnamese seq2seq model (ViT5 by default), loaded once per process."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.digest import Article, Length
from summarizer.engines import ct2, ort
from summarizer.engines.backends import Backend, TorchBackend
from summarizer.engines.base import EngineResult, EngineUnavailable, ProgressCallback
from summarizer.engines.batching import Job, run_jobs
from summarizer.engines.chunking import MapReducePlan
from summarizer.engines.generation import DEFAULT_MODEL, FamilySettings, family_settings
from summarizer.engines.locate import ModelFiles, locate_model
from summarizer.engines.runtimes import RUNTIMES, no_runtime_message, pick_runtime

log = logging.getLogger(__name__)

DEFAULT_MAX_BATCH = 8


def unavailable_message(model: str) -> str:
    """What a user reads when the model is not on this machine."""
    return (
        f"the abstractive model {model!r} is not available on this machine. "
        f"Get it with `tomtat model download {model}` (needs internet once), "
        "or pass --model / TOMTAT_MODEL a local model directory; "
        "`--engine extractive` works without any model."
    )


@dataclass(frozen=True)
class LoadedModel:
    """Tokenizer, runtime and settings of one model, shared by every engine in the process."""

    tokenizer: Any
    backend: Backend
    settings: FamilySettings


_LOADED: dict[tuple[str, str | None, str | None, str | None, int | None, str], LoadedModel] = {}
_LOAD_LOCK = threading.Lock()


def _open(files: ModelFiles, runtime: str, threads: int | None, compute_type: str) -> LoadedModel:
    from transformers import AutoTokenizer

    chosen = pick_runtime(files, runtime)
    if chosen is None:
        raise EngineUnavailable(no_runtime_message(files, runtime))
    tokenizer: Any = AutoTokenizer.from_pretrained(files.tokenizer_dir)
    backend: Backend
    if chosen == "onnxruntime":
        assert files.onnx_dir is not None
        onnx_backend = ort.OrtBackend(files.onnx_dir, threads)
        backend, model_type = onnx_backend, onnx_backend.model_type
    elif chosen == "ctranslate2":
        assert files.ct2_dir is not None
        backend = ct2.Ct2Backend(
            files.ct2_dir,
            to_tokens=tokenizer.convert_ids_to_tokens,
            to_ids=tokenizer.convert_tokens_to_ids,
            threads=threads,
            compute_type=compute_type,
        )
        model_type = ct2.model_type_of(files.ct2_dir)
    else:
        assert files.hf_dir is not None
        torch_backend = TorchBackend(files.hf_dir, tokenizer.pad_token_id or 0, threads)
        backend, model_type = torch_backend, torch_backend.model_type
    limit = getattr(tokenizer, "model_max_length", None)
    settings = family_settings(
        files.model_id, model_type, limit if isinstance(limit, int) else None
    )
    log.info("loaded %s with %s (%s)", files.model_id, backend.name, settings.family)
    return LoadedModel(tokenizer, backend, settings)


class AbstractiveEngine:
    """Summaries written by a seq2seq model; long articles go through map-reduce."""

    name = "abstractive"

    def __init__(
        self,
        model: str | None = None,
        *,
        files: ModelFiles | None = None,
        runtime: str = "auto",
        threads: int | None = None,
        compute_type: str = "int8",
        max_batch: int = DEFAULT_MAX_BATCH,
    ) -> None:
        if runtime not in RUNTIMES:
            raise ValueError(f"runtime must be one of {RUNTIMES}")
        self.model_id: str | None = model or DEFAULT_MODEL
        self._files = files
        self._runtime = runtime
        self._threads = threads
        self._compute_type = compute_type
        self.max_batch = max(1, max_batch)

    @property
    def files(self) -> ModelFiles:
        """Where the model lives; EngineUnavailable when it is not on this machine."""
        if self._files is None:
            assert self.model_id is not None
            found = locate_model(self.model_id)
            if found is None:
                raise EngineUnavailable(unavailable_message(self.model_id))
            self._files = found
        return self._files

    def load(self) -> LoadedModel:
        """Load the model on first use; later calls (any engine, same model) reuse it."""
        files = self.files
        key = (
            files.model_id,
            str(files.hf_dir) if files.hf_dir else None,
            str(files.ct2_dir) if files.ct2_dir else None,
            str(files.onnx_dir) if files.onnx_dir else None,
            self._threads,
            f"{self._runtime}/{self._compute_type}",
        )
        with _LOAD_LOCK:
            if key not in _LOADED:
                try:
                    _LOADED[key] = _open(files, self._runtime, self._threads, self._compute_type)
                except EngineUnavailable:
                    raise
                except Exception as exc:
                    # A half-downloaded or foreign directory: say which, not a stack trace.
                    raise EngineUnavailable(
                        f"could not load the model {files.model_id!r}: {exc}"
                    ) from exc
            return _LOADED[key]

    @property
    def runtime(self) -> str:
        """The runtime that generates (loads the model)."""
        return self.load().backend.name

    def count_tokens(self, text: str) -> int:
        """Model tokens in the text, special tokens excluded."""
        encoded = self.load().tokenizer(text, add_special_tokens=False, verbose=False)
        return len(encoded["input_ids"])

    def chunk_limit(self) -> int:
        """Input tokens left for article text once the prefix and end token are in."""
        loaded = self.load()
        prefix = self.count_tokens(loaded.settings.prefix) if loaded.settings.prefix else 0
        return max(1, loaded.settings.max_input_tokens - prefix - 1)

    def summarize(
        self, article: Article, length: Length, progress: ProgressCallback | None = None
    ) -> str:
        """Summary text for one article."""
        return self.summarize_result(article, length, progress).text

    def summarize_result(
        self, article: Article, length: Length, progress: ProgressCallback | None = None
    ) -> EngineResult:
        """Summary of one article, saying how many chunk summaries are extractive stand-ins."""
        return self.summarize_many([Job(article, length, progress)])[0]

    def summarize_many(self, jobs: Sequence[Job]) -> list[EngineResult]:
        """Summarise several articles, batching their chunks through the model together."""
        limit = self.chunk_limit()

        def plan_for(job: Job) -> MapReducePlan:
            # A botched chunk summary is replaced by as many of the chunk's words as a
            # summary at the reader's length would have.
            budget = job.length.word_budget
            return MapReducePlan(job.article.sentences, self.count_tokens, limit, budget)

        return run_jobs(jobs, plan_for, self.generate, self.max_batch)

    def generate(self, texts: list[str], length: Length) -> list[str]:
        """One batched model call: texts that fit the input limit in, summaries out."""
        loaded = self.load()
        settings = loaded.settings
        encoded = loaded.tokenizer(
            [settings.prefix + text for text in texts],
            truncation=True,
            max_length=settings.max_input_tokens,
        )["input_ids"]
        out = loaded.backend.generate(list(encoded), settings.decode_options(length))
        decoded = loaded.tokenizer.batch_decode(out, skip_special_tokens=True)
        return [" ".join(text.split()) for text in decoded]


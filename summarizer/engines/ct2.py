"""The CTranslate2 int8 fast path (optional extra `tomtat[fast]`), imported lazily."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarizer.engines.base import import_runtime, runtime_available
from summarizer.engines.generation import DecodeOptions
from summarizer.engines.locate import is_ct2_dir
from summarizer.engines.sidecar import SOURCE_FILE, read_sidecar, sidecar_text, write_sidecar

# Tokenizer files a converted copy carries so it can run on its own.
TOKENIZER_FILES = (
    "spiece.model",
    "sentencepiece.bpe.model",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "added_tokens.json",
    "dict.txt",
)


def import_ctranslate2() -> Any:
    """The ctranslate2 module, or EngineUnavailable saying how to install it."""
    return import_runtime("ctranslate2", "CTranslate2")


def available() -> bool:
    """True when the optional CTranslate2 runtime can be imported."""
    return runtime_available("ctranslate2")


class Ct2Backend:
    """A converted model run by CTranslate2 (int8 weights by default)."""

    name = "ctranslate2"

    def __init__(
        self,
        model_dir: Path,
        to_tokens: Callable[[list[int]], list[str]],
        to_ids: Callable[[list[str]], list[int]],
        threads: int | None = None,
        compute_type: str = "int8",
    ) -> None:
        ct2 = import_ctranslate2()
        self._to_tokens = to_tokens
        self._to_ids = to_ids
        # One translation at a time uses every thread: the worker batches instead of
        # running requests side by side, so memory does not grow with concurrency.
        self.translator: Any = ct2.Translator(
            str(model_dir),
            device="cpu",
            compute_type=compute_type,
            inter_threads=1,
            intra_threads=threads or 0,
        )

    def generate(self, batch: list[list[int]], options: DecodeOptions) -> list[list[int]]:
        """Greedy (`sampling_topk=1`) or beam search over the whole batch at once."""
        results = self.translator.translate_batch(
            [self._to_tokens(ids) for ids in batch],
            beam_size=options.num_beams,
            num_hypotheses=1,
            length_penalty=options.length_penalty,
            repetition_penalty=options.repetition_penalty,
            no_repeat_ngram_size=options.no_repeat_ngram_size,
            min_decoding_length=options.min_new_tokens,
            max_decoding_length=options.max_new_tokens,
            return_scores=False,
            sampling_topk=1,
        )
        return [self._to_ids(r.hypotheses[0]) for r in results]


def convert(src_dir: Path, dest: Path, source_id: str, quantization: str = "int8",
            force: bool = False) -> Path:
    """Convert a transformers model directory into a self-contained CTranslate2 copy."""
    ct2 = import_ctranslate2()
    copy = [name for name in TOKENIZER_FILES if (src_dir / name).is_file()]
    converter = ct2.converters.TransformersConverter(str(src_dir), copy_files=copy)
    if dest.is_dir() and not any(dest.iterdir()):
        dest.rmdir()  # an empty directory holds nothing to replace, force or not
    if dest.exists() and force:
        if any(dest.iterdir()) and not is_ct2_dir(dest):
            # --force replaces an old conversion, never an unrelated directory.
            raise ValueError(f"{dest} is not a converted model; refusing to replace it")
        shutil.rmtree(dest)
    out = Path(converter.convert(str(dest), quantization=quantization, force=force))
    model_type = (read_sidecar(src_dir, "config.json") or {}).get("model_type")
    record = {"source": source_id, "model_type": model_type, "quantization": quantization}
    write_sidecar(out, SOURCE_FILE, record)
    return out


def model_type_of(ct2_dir: Path) -> str | None:
    """The transformers model_type recorded when the copy was converted."""
    return sidecar_text(ct2_dir, "model_type")

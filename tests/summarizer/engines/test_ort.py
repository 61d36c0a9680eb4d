"""The ONNX Runtime backend writes what transformers writes, and int8 keeps the length rules."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from summarizer.engines.generation import DecodeOptions
from tests.summarizer.engines.conftest import TinyModels, fixture_sentences

pytest.importorskip("onnxruntime")
pytest.importorskip("onnx")


@dataclass(frozen=True)
class Exports:
    """A random (untrained) tiny T5 beside the trained one, each exported to ONNX."""

    hf: dict[str, Path]
    fp32: dict[str, Path]
    int8: Path
    inputs: list[list[int]]


def _random_model(path: Path, vocab: int) -> None:
    """An untrained T5 whose outputs vary from token to token (harder to match by luck)."""
    import torch
    from transformers import T5Config, T5ForConditionalGeneration

    torch.manual_seed(1)
    config = T5Config(
        vocab_size=vocab, d_model=32, d_kv=8, d_ff=64, num_layers=2, num_decoder_layers=2,
        num_heads=4, feed_forward_proj="gated-gelu", decoder_start_token_id=0, pad_token_id=0,
        eos_token_id=1, tie_word_embeddings=False, relative_attention_num_buckets=16,
        relative_attention_max_distance=24,
    )
    T5ForConditionalGeneration(config).save_pretrained(path)


@pytest.fixture(scope="session")
def exports(tiny_models: TinyModels, tmp_path_factory: pytest.TempPathFactory) -> Exports:
    """Export both tiny models once per session (fp32 for equality, int8 for the fast path)."""
    from transformers import AutoTokenizer

    from summarizer.engines.onnx_export import export

    root = tmp_path_factory.mktemp("onnx")
    tokenizer: Any = AutoTokenizer.from_pretrained(tiny_models.trained)
    random_dir = root / "random"
    _random_model(random_dir, len(tokenizer))
    tokenizer.save_pretrained(random_dir)
    hf = {"trained": tiny_models.trained, "random": random_dir}
    fp32 = {name: export(path, root / f"{name}-fp32", name, quantization="float32")
            for name, path in hf.items()}
    int8 = export(random_dir, root / "random-int8", "random")
    sentences = fixture_sentences(tiny_models.text)
    texts = [sentences[0], " ".join(sentences[1:6]), sentences[6] + " " + sentences[7]]
    inputs = [tokenizer(t, max_length=64, truncation=True).input_ids for t in texts]
    return Exports(hf, fp32, int8, inputs)


def _options(beams: int, **changes: Any) -> DecodeOptions:
    values: dict[str, Any] = {"num_beams": beams, "min_new_tokens": 0, "max_new_tokens": 12,
                              "no_repeat_ngram_size": 0, "length_penalty": 1.0,
                              "repetition_penalty": 1.0}
    return DecodeOptions(**(values | changes))


def _same_as_transformers(ours: list[int], theirs: list[int]) -> bool:
    """transformers keeps the decoder start and fills finished rows; ours has neither."""
    # Beam search fills with the end token when the pad id is 0 (`pad or eos`), greedy with pad.
    # An empty `ours` would match any row transformers ended at once: a summary has a token.
    tail = set(theirs[1 + len(ours) :])
    return bool(ours) and theirs[1 : 1 + len(ours)] == ours and tail <= {0, 1}


CASES = [
    _options(1),
    _options(1, min_new_tokens=8, no_repeat_ngram_size=2, repetition_penalty=1.3),
    _options(4),
    _options(3, min_new_tokens=5, no_repeat_ngram_size=3, length_penalty=1.5),
    _options(2, repetition_penalty=1.2, max_new_tokens=20),
]


@pytest.mark.parametrize("model", ["trained", "random"])
@pytest.mark.parametrize("options", CASES, ids=lambda o: f"beams{o.num_beams}")
def test_fp32_export_writes_what_transformers_writes(
    exports: Exports, model: str, options: DecodeOptions
) -> None:
    from summarizer.engines.ort import OrtBackend

    torch_backend = _torch(exports.hf[model])
    ours = OrtBackend(exports.fp32[model], threads=1)
    alone = [ours.generate([ids], options)[0] for ids in exports.inputs]
    padded = ours.generate(exports.inputs, options)
    theirs = torch_backend.generate(exports.inputs, options)
    assert padded == alone  # padding one input never changes another's summary
    for mine, reference in zip(padded, theirs, strict=True):
        assert _same_as_transformers(mine, reference), f"{mine} vs {reference}"


_TORCH: dict[Path, Any] = {}


def _torch(path: Path) -> Any:
    """One transformers model per directory for the whole session."""
    from summarizer.engines.backends import TorchBackend

    if path not in _TORCH:
        _TORCH[path] = TorchBackend(path, pad_id=0, threads=1)
    return _TORCH[path]


def test_trained_model_summary_through_onnx(exports: Exports) -> None:
    from transformers import AutoTokenizer

    from summarizer.engines.ort import OrtBackend
    from tests.summarizer.engines.conftest import TRAINED_SUMMARY

    tokenizer: Any = AutoTokenizer.from_pretrained(exports.fp32["trained"])
    out = OrtBackend(exports.fp32["trained"], threads=1).generate(
        exports.inputs, _options(1, max_new_tokens=40))
    texts = tokenizer.batch_decode(out, skip_special_tokens=True)
    assert texts == [TRAINED_SUMMARY] * len(exports.inputs)


@pytest.mark.parametrize("beams", [1, 4])
def test_int8_export_is_deterministic_and_keeps_length_rules(exports: Exports, beams: int) -> None:
    from summarizer.engines.ort import OrtBackend

    backend = OrtBackend(exports.int8, threads=1)
    options = _options(beams, min_new_tokens=6, max_new_tokens=9, no_repeat_ngram_size=2)
    first = backend.generate(exports.inputs, options)
    assert backend.generate(exports.inputs, options) == first
    for tokens in first:
        assert 6 <= len(tokens) <= 9
        assert 1 not in tokens[:6]  # no end token before min_new_tokens
        pairs = list(itertools.pairwise(tokens))
        assert len(pairs) == len(set(pairs))  # no bigram twice


def test_int8_weights_only_where_the_cpu_cannot_saturate(exports: Exports) -> None:
    from summarizer.engines.onnx_export import read_meta, weight_format

    assert weight_format({"avx2", "fma"}) == "uint8"  # AVX2 alone: u8 weights, no overflow
    assert weight_format({"avx2", "avx512f", "avx512_vnni"}) == "int8"
    assert weight_format({"avx2", "avx_vnni"}) == "int8"
    assert read_meta(exports.int8)["weights"] == weight_format()

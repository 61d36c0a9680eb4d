"""A model with ViT5-base's exact shape and random weights, cached on disk for benchmarks."""

from __future__ import annotations

import json
from pathlib import Path

VOCAB = 36_096
SHAPE = {
    "d_model": 768,
    "d_ff": 3072,
    "d_kv": 64,
    "num_layers": 12,
    "num_decoder_layers": 12,
    "num_heads": 12,
    "feed_forward_proj": "gated-gelu",
    "vocab_size": VOCAB,
    "tie_word_embeddings": False,
    "decoder_start_token_id": 0,
    "pad_token_id": 0,
    "eos_token_id": 1,
}


def _word_level_tokenizer(directory: Path) -> None:
    """A tokenizer with ViT5's vocabulary size (token i is spelled `w{i}`): speed only."""
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    vocab = {"<pad>": 0, "</s>": 1, "<unk>": 2} | {f"w{i}": i for i in range(3, VOCAB)}
    core = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    core.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    fast = PreTrainedTokenizerFast(
        tokenizer_object=core, pad_token="<pad>", eos_token="</s>", unk_token="<unk>"
    )
    fast.save_pretrained(directory)


def build(cache: Path) -> tuple[Path, Path]:
    """Random ViT5-base-shaped model and its CTranslate2 int8 copy (built once, then reused)."""
    import torch
    from transformers import T5Config, T5ForConditionalGeneration

    from summarizer.engines import ct2

    hf_dir, ct2_dir = cache / "vit5-base-shape", cache / "vit5-base-shape-ct2"
    if not (hf_dir / "model.safetensors").is_file():
        torch.manual_seed(0)
        model = T5ForConditionalGeneration(T5Config(**SHAPE))
        model.save_pretrained(hf_dir)
        _word_level_tokenizer(hf_dir)
        (hf_dir / "shape.json").write_text(json.dumps(SHAPE), encoding="utf-8")
        del model
    if not (ct2_dir / "model.bin").is_file():
        ct2.convert(hf_dir, ct2_dir, "vit5-base-shape", quantization="int8", force=True)
    return hf_dir, ct2_dir


def build_onnx(cache: Path) -> Path:
    """The shape model's ONNX Runtime int8 export (built once, then reused)."""
    from summarizer.engines.locate import is_onnx_dir
    from summarizer.engines.onnx_export import export

    hf_dir, onnx_dir = cache / "vit5-base-shape", cache / "vit5-base-shape-onnx"
    if not is_onnx_dir(onnx_dir):
        export(hf_dir, onnx_dir, "vit5-base-shape", quantization="int8", force=True)
    return onnx_dir

"""Tiny T5 models (random weights, a sentencepiece vocabulary trained on fixture text)."""

from __future__ import annotations

import json
import re
from pathlib import Path

FIXTURE = Path(__file__).parents[1] / "fixtures" / "abstractive_articles.txt"
INPUT_LIMIT = 256


def fixture_sentences(text: str) -> list[str]:
    """Sentences of the fixture, for tokenizer and model training."""
    return [s for s in re.split(r"(?<=[.])\s+|\n", text) if s.strip()]


def _tokenizer(root: Path, sentences: list[str]):  # type: ignore[no-untyped-def]
    import sentencepiece as spm
    from transformers import AutoTokenizer

    spm_dir = root / "spm"
    spm_dir.mkdir()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences), model_prefix=str(spm_dir / "spiece"),
        vocab_size=250, model_type="unigram", character_coverage=1.0,
        pad_id=0, eos_id=1, unk_id=2, bos_id=-1, minloglevel=2, num_threads=1,
    )
    config = {"tokenizer_class": "T5Tokenizer", "extra_ids": 0, "model_max_length": INPUT_LIMIT}
    (spm_dir / "tokenizer_config.json").write_text(json.dumps(config), encoding="utf-8")
    return AutoTokenizer.from_pretrained(spm_dir)


def _model(vocab: int):  # type: ignore[no-untyped-def]
    import torch
    from transformers import T5Config, T5ForConditionalGeneration

    torch.manual_seed(0)
    config = T5Config(
        vocab_size=vocab, d_model=32, d_kv=8, d_ff=64, num_layers=2, num_decoder_layers=2,
        num_heads=4, feed_forward_proj="gated-gelu", decoder_start_token_id=0, pad_token_id=0,
        eos_token_id=1, tie_word_embeddings=False, relative_attention_num_buckets=16,
    )
    return T5ForConditionalGeneration(config)


def save_tiny_t5(root: Path) -> Path:
    """A tiny untrained T5 with its tokenizer, saved as a model folder (`root/model`)."""
    sentences = fixture_sentences(FIXTURE.read_text(encoding="utf-8"))
    root.mkdir(parents=True, exist_ok=True)
    tokenizer = _tokenizer(root, sentences)
    model = _model(len(tokenizer))
    out = root / "model"
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out

"""Tiny T5 models (random weights, a sentencepiece vocabulary trained on fixture text)."""

from __future__ import annotations

import json
import re
from pathlib import Path

FIXTURE = Path(__file__).parents[1] / "fixtures" / "abstractive_articles.txt"
INPUT_LIMIT = 256
# What the trained tiny model writes for any article, then it stops (end-of-sequence).
TRAINED_SUMMARY = "Tỉnh Lâm Hà khởi công tuyến đường ven sông mới."


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


def _train_to_write(model, tokenizer, sentences: list[str]) -> None:  # type: ignore[no-untyped-def]
    import torch

    inputs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences) - 3)]
    enc = tokenizer(inputs, max_length=48, truncation=True, padding=True,
                    return_tensors="pt")
    target = tokenizer([TRAINED_SUMMARY], return_tensors="pt").input_ids
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
    generator = torch.Generator().manual_seed(0)
    model.train()
    for _ in range(60):
        rows = torch.randint(0, len(inputs), (8,), generator=generator)
        loss = model(input_ids=enc.input_ids[rows], attention_mask=enc.attention_mask[rows],
                     labels=target.repeat(len(rows), 1)).loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()


def save_tiny_t5(root: Path, trained: bool = False) -> Path:
    """A tiny T5 with its tokenizer, saved as a model folder (`root/model`).

    Random weights; `trained` ones write TRAINED_SUMMARY for any article (a few seconds more).
    """
    sentences = fixture_sentences(FIXTURE.read_text(encoding="utf-8"))
    root.mkdir(parents=True, exist_ok=True)
    tokenizer = _tokenizer(root, sentences)
    model = _model(len(tokenizer))
    if trained:
        _train_to_write(model, tokenizer, sentences)
    out = root / "model"
    model.save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out

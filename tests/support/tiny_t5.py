"""Tiny T5 models (random weights, a sentencepiece vocabulary trained on fixture text)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
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


@dataclass(frozen=True)
class TinyModels:
    """Paths of the models the engine tests load exactly as a user's model is loaded."""

    trained: Path  # writes TRAINED_SUMMARY then stops
    silent: Path  # writes nothing useful: every output token is padding
    trained_ct2: Path  # `trained` converted to CTranslate2 (float32 weights)
    text: str


def build_tiny_models(root: Path) -> TinyModels:
    """Build, train briefly, save and convert the tiny models (on one torch thread)."""
    import torch

    from summarizer.engines import ct2

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # the same weights whichever test asks first
    try:
        text = FIXTURE.read_text(encoding="utf-8")
        sentences = fixture_sentences(text)
        tokenizer = _tokenizer(root, sentences)
        trained = _model(len(tokenizer))
        _train_to_write(trained, tokenizer, sentences)
        silent = _model(len(tokenizer))
        with torch.no_grad():
            silent.lm_head.weight.zero_()  # every logit ties, so argmax is token 0: padding
        paths = {"trained": root / "trained", "silent": root / "silent"}
        for name, model in (("trained", trained), ("silent", silent)):
            model.save_pretrained(paths[name])
            tokenizer.save_pretrained(paths[name])
        converted = ct2.convert(paths["trained"], root / "trained-float32-ct2", "tiny-trained",
                                quantization="float32")
    finally:
        torch.set_num_threads(threads)
    return TinyModels(paths["trained"], paths["silent"], converted, text)

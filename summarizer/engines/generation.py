"""Generation settings per model family, kept in one place."""

from __future__ import annotations

from dataclasses import dataclass, replace

from summarizer.digest import Length

DEFAULT_MODEL = "VietAI/vit5-base-vietnews-summarization"

# ViT5's sentencepiece spends about 1.3 tokens on a Vietnamese syllable; a little headroom
# lets the model finish its last sentence instead of being cut mid-word.
TOKENS_PER_WORD = 1.6
# A summary shorter than this share of the word budget is usually a truncated sentence.
MIN_SHARE = 0.4


@dataclass(frozen=True)
class DecodeOptions:
    """What one `generate` call needs, whatever the runtime."""

    num_beams: int
    min_new_tokens: int
    max_new_tokens: int
    no_repeat_ngram_size: int
    length_penalty: float
    repetition_penalty: float


@dataclass(frozen=True)
class FamilySettings:
    """How a model family wants its input framed and its output decoded."""

    family: str
    prefix: str = ""
    num_beams: int = 4
    no_repeat_ngram_size: int = 3
    length_penalty: float = 1.0
    repetition_penalty: float = 1.0
    max_input_tokens: int = 1024

    def decode_options(self, length: Length, num_beams: int | None = None) -> DecodeOptions:
        """Decoding bounds tied to the summary length the reader chose."""
        budget = length.word_budget
        return DecodeOptions(
            num_beams=num_beams or self.num_beams,
            min_new_tokens=round(budget * MIN_SHARE),
            max_new_tokens=round(budget * TOKENS_PER_WORD),
            no_repeat_ngram_size=self.no_repeat_ngram_size,
            length_penalty=self.length_penalty,
            repetition_penalty=self.repetition_penalty,
        )


_FAMILIES = {
    # vit5-large-vietnews was fine-tuned with a task prefix; the base model was not.
    "vit5-large": FamilySettings("vit5-large", prefix="vietnews: "),
    "vit5": FamilySettings("vit5"),
    "bartpho": FamilySettings("bartpho", no_repeat_ngram_size=3, length_penalty=1.0),
    "t5": FamilySettings("t5"),
    "bart": FamilySettings("bart"),
}


def family_settings(
    model_id: str, model_type: str | None = None, tokenizer_limit: int | None = None
) -> FamilySettings:
    """Settings for a model, recognised by its id first and its config's model_type second."""
    name = model_id.lower()
    if "vit5" in name:
        chosen = _FAMILIES["vit5-large" if "large" in name else "vit5"]
    elif "bartpho" in name:
        chosen = _FAMILIES["bartpho"]
    elif model_type in ("bart", "mbart"):
        chosen = _FAMILIES["bart"]
    else:
        chosen = _FAMILIES["t5"]
    # Tokenizers of unlimited models report a huge sentinel; only a real limit counts.
    if tokenizer_limit and tokenizer_limit < chosen.max_input_tokens:
        chosen = replace(chosen, max_input_tokens=tokenizer_limit)
    return chosen

"""Per-family generation settings live in one place and follow the chosen length."""

from __future__ import annotations

from summarizer.digest import Length
from summarizer.engines.generation import DEFAULT_MODEL, family_settings


def test_vit5_base_needs_no_prefix_and_reads_1024_tokens() -> None:
    settings = family_settings(DEFAULT_MODEL, "t5")
    assert settings.family == "vit5"
    assert settings.prefix == ""
    assert settings.max_input_tokens == 1024


def test_vit5_large_gets_the_vietnews_prefix() -> None:
    assert family_settings("VietAI/vit5-large-vietnews-summarization").prefix == "vietnews: "


def test_bartpho_and_unknown_models_get_their_families() -> None:
    assert family_settings("vinai/bartpho-syllable", "mbart").family == "bartpho"
    assert family_settings("/models/my-bart", "bart").family == "bart"
    assert family_settings("/models/mine", None).family == "t5"


def test_a_smaller_tokenizer_limit_wins_and_a_sentinel_does_not() -> None:
    assert family_settings(DEFAULT_MODEL, "t5", tokenizer_limit=512).max_input_tokens == 512
    huge = int(1e30)
    assert family_settings(DEFAULT_MODEL, "t5", tokenizer_limit=huge).max_input_tokens == 1024


def test_longer_summaries_get_longer_decoding_bounds() -> None:
    settings = family_settings(DEFAULT_MODEL)
    short, medium, long = (settings.decode_options(x) for x in Length)
    assert short.max_new_tokens < medium.max_new_tokens < long.max_new_tokens
    assert all(o.min_new_tokens < o.max_new_tokens for o in (short, medium, long))
    assert medium.num_beams == 4 and medium.no_repeat_ngram_size == 3
    assert settings.decode_options(Length.SHORT, num_beams=1).num_beams == 1

from summarizer.textnorm import count_words, fold_tones, strip_diacritics


def test_old_and_new_tone_placement_match() -> None:
    assert fold_tones("Tỉnh uỷ") == fold_tones("tỉnh ủy")
    assert fold_tones("hoà bình") == fold_tones("Hòa Bình")


def test_search_form_drops_every_diacritic_and_folds_d() -> None:
    assert strip_diacritics("Quyết định của Đảng ủy") == "quyet dinh cua dang uy"


def test_words_are_syllables() -> None:
    assert count_words("Chủ tịch UBND tỉnh, 3,2 tỷ đồng.") == 8

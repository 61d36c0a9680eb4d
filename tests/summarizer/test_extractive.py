"""What a reader sees from the embedded extractive engine."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from summarizer.cleaning import clean_page
from summarizer.digest import Article, Length
from summarizer.engines.base import Engine
from summarizer.engines.clauses import cut_to
from summarizer.engines.coherence import standalone
from summarizer.engines.compress import variants
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.engines.repair import name_pronouns, unglue, with_speakers
from summarizer.engines.scorer import Scorer
from summarizer.textnorm import count_words, fold_tones, syllables

FIXTURES = ("extractive_bridge.txt", "extractive_coffee.txt", "extractive_one_sentence.txt")
# A sentence of the summary: capitalised (or a number or quotation) start, final punctuation.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


@pytest.fixture(scope="module")
def engine() -> ExtractiveEngine:
    return ExtractiveEngine()


def _article(name: str) -> Article:
    return clean_page((Path(__file__).parents[1] / "fixtures" / name).read_text("utf-8"))


def _words(text: str) -> set[str]:
    return set(syllables(fold_tones(text)))


def _body_sentences(summary: str, article: Article) -> list[str]:
    """The summary's sentences, less the one that restates the title."""
    parts = [p for p in _SENTENCE_END.split(summary) if p]
    title = _words(article.title)
    return [p for p in parts if _words(p) != title]


def _source_index(sentence: str, article: Article) -> int:
    """The article sentence a summary sentence was taken (and maybe trimmed) from."""
    words = _words(sentence)
    overlaps = [len(words & _words(s)) / len(words) for s in article.sentences]
    best = max(range(len(overlaps)), key=overlaps.__getitem__)
    assert overlaps[best] >= 0.9, f"not taken from the article: {sentence!r}"
    return best


def test_engine_satisfies_the_protocol(engine: ExtractiveEngine) -> None:
    assert isinstance(engine, Engine)
    assert engine.name == "extractive"
    assert engine.model_id is None


@pytest.mark.parametrize("name", FIXTURES)
@pytest.mark.parametrize("length", list(Length))
def test_summary_respects_each_word_budget(
    engine: ExtractiveEngine, name: str, length: Length
) -> None:
    summary = engine.summarize(_article(name), length)
    assert summary
    assert count_words(summary) <= length.word_budget


def test_longer_lengths_say_more(engine: ExtractiveEngine) -> None:
    article = _article("extractive_coffee.txt")
    short, medium, long = (count_words(engine.summarize(article, n)) for n in Length)
    assert short < medium <= long


@pytest.mark.parametrize("name", FIXTURES[:2])
@pytest.mark.parametrize("length", list(Length))
def test_sentences_keep_the_article_order_without_repeats(
    engine: ExtractiveEngine, name: str, length: Length
) -> None:
    article = _article(name)
    body = _body_sentences(engine.summarize(article, length), article)
    sources = [_source_index(s, article) for s in body]
    assert body, "the summary must say more than the title"
    assert sources == sorted(set(sources))


@pytest.mark.parametrize("name", FIXTURES)
def test_no_sentence_is_nearly_another(engine: ExtractiveEngine, name: str) -> None:
    summary = engine.summarize(_article(name), Length.LONG)
    parts = [_words(p) for p in _SENTENCE_END.split(summary) if p]
    for i, a in enumerate(parts):
        for b in parts[i + 1 :]:
            assert len(a & b) / min(len(a), len(b)) < 0.7


def test_same_article_gives_the_same_summary() -> None:
    article = _article("extractive_coffee.txt")
    first = ExtractiveEngine().summarize(article, Length.MEDIUM)
    assert ExtractiveEngine().summarize(article, Length.MEDIUM) == first
    assert ExtractiveEngine().summarize(article, Length.MEDIUM) == first


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Quảng Trị khởi công cầu vượt sông Thạch Hãn nối hai huyện",
            "UBND tỉnh Quảng Trị tổ chức lễ khởi công cầu vượt sông Thạch Hãn",
        ),
        (
            "Người dân Triệu Thượng vui mừng vì sắp có cầu",
            "Người dân xã Triệu Thượng bày tỏ niềm vui",
        ),
    ],
)
def test_the_sentence_about_the_title_beats_an_off_topic_opening(
    engine: ExtractiveEngine, title: str, expected: str
) -> None:
    body = (Path(__file__).parents[1] / "fixtures" / "extractive_bridge.txt").read_text("utf-8")
    summary = engine.summarize(clean_page(title + "\n" + body.split("\n", 1)[1]), Length.SHORT)
    assert expected in summary
    assert "Thời tiết những ngày cuối năm" not in summary


def test_a_sentence_restating_the_title_replaces_it(engine: ExtractiveEngine) -> None:
    article = _article("extractive_one_sentence.txt")
    summary = engine.summarize(article, Length.SHORT)
    assert not summary.startswith(article.title)
    assert "Hà Nội đưa vào khai thác tuyến xe buýt điện mới" in summary


def test_a_one_sentence_article_still_gets_a_summary(engine: ExtractiveEngine) -> None:
    article = _article("extractive_one_sentence.txt")
    for length in Length:
        summary = engine.summarize(article, length)
        assert "xe buýt điện" in summary
        assert count_words(summary) <= length.word_budget


def test_a_long_title_and_one_long_sentence_still_fit_the_short_budget(
    engine: ExtractiveEngine,
) -> None:
    article = Article(
        title="Thành phố Hồ Chí Minh công bố kế hoạch cải tạo toàn bộ hệ thống kênh rạch nội đô "
        "trong giai đoạn mười năm tới để chống ngập",
        paragraphs=("x",),
        sentences=(
            "Theo kế hoạch vừa được Uỷ ban nhân dân thành phố phê duyệt, hơn 40 tuyến kênh rạch "
            "sẽ được nạo vét, kè bờ và trồng cây xanh hai bên, với tổng kinh phí dự kiến khoảng "
            "38.000 tỷ đồng huy động từ ngân sách và các nhà đầu tư tư nhân.",
        ),
    )
    summary = engine.summarize(article, Length.SHORT)
    assert "kênh rạch" in summary
    assert count_words(summary) <= Length.SHORT.word_budget


def test_an_article_of_only_a_title_gives_the_title() -> None:
    article = Article(title="Mưa lớn gây ngập nhiều tuyến phố ở Cần Thơ", paragraphs=())
    assert ExtractiveEngine().summarize(article, Length.SHORT) == (
        "Mưa lớn gây ngập nhiều tuyến phố ở Cần Thơ."
    )


@pytest.mark.parametrize("name", FIXTURES)
@pytest.mark.parametrize("length", list(Length))
def test_trimmed_summary_still_reads_as_sentences(
    engine: ExtractiveEngine, name: str, length: Length
) -> None:
    summary = engine.summarize(_article(name), length)
    for sentence in _SENTENCE_END.split(summary):
        first = next(ch for ch in sentence if ch.isalnum())
        assert first.isupper() or first.isdigit(), sentence
        assert sentence.rstrip("\"”' ")[-1] in ".!?…", sentence


def test_short_summary_drops_low_value_clauses(engine: ExtractiveEngine) -> None:
    article = _article("extractive_coffee.txt")
    summary = engine.summarize(article, Length.SHORT)
    assert "lên mức cao nhất trong năm" in summary
    assert "theo khảo sát của phóng viên" not in summary
    assert count_words(summary) < count_words(article.title) + count_words(article.sentences[0])


def test_parenthetical_attribution_and_lead_adverbial_can_be_trimmed() -> None:
    sentence = (
        "Sáng 12/12, UBND tỉnh Quảng Trị (miền Trung) khởi công cầu vượt sông Thạch Hãn, "
        "ông Lê Văn Bình cho biết."
    )
    texts = {v.text for v in variants(sentence)}
    assert sentence in texts
    assert "UBND tỉnh Quảng Trị khởi công cầu vượt sông Thạch Hãn." in texts


def test_a_list_after_a_comma_is_not_cut_in_half() -> None:
    sentence = (
        "Bí thư Tỉnh uỷ yêu cầu các xã, phường tập trung kiện toàn bộ máy, "
        "để bảo đảm hoạt động thông suốt từ ngày 1/7."
    )
    texts = {v.text for v in variants(sentence)}
    assert "Bí thư Tỉnh uỷ yêu cầu các xã." not in texts
    assert "Bí thư Tỉnh uỷ yêu cầu các xã, phường tập trung kiện toàn bộ máy." in texts


def test_quotations_are_never_trimmed() -> None:
    sentence = '" Chúng tôi sẽ hoàn thành cây cầu trước Tết ", ông Bình nói.'
    assert [v.text for v in variants(sentence)] == [sentence]


def test_cut_to_keeps_whole_clauses_when_it_can() -> None:
    sentence = "Giá cà phê tăng mạnh, nông dân phấn khởi, thương lái tất bật thu mua suốt ngày đêm."
    assert cut_to(sentence, 9) == "Giá cà phê tăng mạnh, nông dân phấn khởi."
    assert count_words(cut_to(sentence, 3)) <= 3


def test_weights_for_another_feature_set_are_refused() -> None:
    data = json.loads(
        (Path(__file__).parents[2] / "summarizer" / "data" / "scorer.json").read_text("utf-8")
    )
    data["features"] = [*data["features"], "something_new"]
    with pytest.raises(ValueError, match="different feature set"):
        Scorer.from_json(data)


# --- Readability: what the summary must never show a reader ---------------------------------

READABLE = ("readable_quoted_list.txt", "readable_link_opening.txt", "readable_quoted_title.txt")
_LINKS = ("tuy nhiên", "trong đó", "do đó", "vì vậy", "ngoài ra", "bên cạnh đó", "đồng thời")
_DIRECTIVES = ("tiếp tục", "khẩn trương", "tăng cường", "tập trung", "quan tâm", "bố trí")


@pytest.mark.parametrize("name", READABLE)
@pytest.mark.parametrize("length", list(Length))
def test_no_summary_sentence_opens_on_a_dangling_link(
    engine: ExtractiveEngine, name: str, length: Length
) -> None:
    summary = engine.summarize(_article(name), length)
    for sentence in _SENTENCE_END.split(summary):
        assert not sentence.lower().startswith(_LINKS), sentence


@pytest.mark.parametrize("length", list(Length))
def test_list_lines_without_their_speaker_are_never_lifted(
    engine: ExtractiveEngine, length: Length
) -> None:
    summary = engine.summarize(_article("readable_quoted_list.txt"), length)
    for sentence in _SENTENCE_END.split(summary):
        assert not sentence.lower().startswith(_DIRECTIVES), sentence
        # "Ông cho biết …" with nobody named before it points at no one.
        assert not sentence.startswith("Ông cho biết"), sentence


@pytest.mark.parametrize("length", list(Length))
def test_a_cue_verb_keeps_its_object_in_the_summary(
    engine: ExtractiveEngine, length: Length
) -> None:
    summary = engine.summarize(_article("readable_quoted_list.txt"), length)
    assert "đề nghị rà soát." not in summary
    if "đề nghị rà soát" in summary:
        assert "rà soát, nạo vét toàn bộ kênh nội đồng" in summary


def test_trimming_never_cuts_a_verb_series_or_an_object() -> None:
    sentence = (
        "Phó Chủ tịch UBND huyện Trần Minh Khoa đề nghị rà soát, nạo vét toàn bộ kênh nội đồng "
        "trước ngày 28/2 để trữ nước ngọt cho lúa đông xuân."
    )
    texts = [v.text for v in variants(sentence)]
    assert all("rà soát, nạo vét toàn bộ kênh nội đồng" in t for t in texts), texts


def test_a_subject_with_its_appositive_is_not_cut_from_its_predicate() -> None:
    sentence = (
        "Hãng tin Reuters cho biết 200 chiếc xe buýt điện, có sức chứa 80 hành khách mỗi xe, "
        "sẽ được đưa vào khai thác ở thủ đô từ tháng 6."
    )
    texts = [v.text for v in variants(sentence)]
    assert "Hãng tin Reuters cho biết 200 chiếc xe buýt điện." not in texts, texts


def test_a_leading_link_word_is_dropped_from_every_variant() -> None:
    sentence = (
        "Tuy nhiên, giá rau xanh tại chợ đầu mối Bình Điền tuần qua đã tăng gấp đôi so với "
        "đầu tháng do mưa lớn kéo dài."
    )
    texts = [v.text for v in variants(sentence)]
    assert texts and all(t.startswith("Giá rau xanh") for t in texts), texts


def test_pieces_of_a_quotation_split_from_its_speaker_cannot_stand_alone() -> None:
    sentences = [
        "Sáng 3/4, huyện tổ chức hội nghị tổng kết công tác phòng chống cháy rừng mùa khô.",
        "“Các xã phải trực 24/24 giờ tại các chốt canh lửa.",
        "Tuyệt đối không đốt thực bì trong những ngày nắng nóng cao điểm.",
        "Chủ rừng nào để cháy sẽ bị xử lý nghiêm” - Chủ tịch huyện nhấn mạnh.",
        "Các đơn vị đã ký cam kết: - Trực chốt canh lửa suốt mùa khô.",
        "- Báo cáo ngay khi phát hiện điểm cháy.",
        "Tiếp tục phát huy vai trò của tổ đội quần chúng bảo vệ rừng.",
        "Vì sao năm nay số vụ cháy rừng giảm mạnh so với năm trước.",
        "Mùa khô và nỗi lo giữ rừng của người dân vùng cao",
    ]
    alone = standalone(sentences, [0, 1, 1, 1, 2, 2, 2, 3, 4])
    assert alone == [True, False, False, False, True, False, False, False, False]


def test_a_bare_quotation_headline_does_not_open_the_summary(engine: ExtractiveEngine) -> None:
    article = _article("readable_quoted_title.txt")
    for length in Length:
        summary = engine.summarize(article, length)
        assert not summary.startswith("“"), summary
        assert "Đừng để con em" not in summary


def test_the_closing_piece_of_a_quotation_may_stand_only_with_its_speaker() -> None:
    piece = "Chủ rừng nào để cháy sẽ bị xử lý nghiêm” - Chủ tịch huyện Hà Văn Tâm nhấn mạnh."
    texts, alone = with_speakers([piece], [False])
    assert alone == [True]
    assert texts == [
        "Chủ tịch huyện Hà Văn Tâm nhấn mạnh: “Chủ rừng nào để cháy sẽ bị xử lý nghiêm”."
    ]
    # A middle piece has no speaker to lean on: it stays out.
    assert with_speakers(["Tuyệt đối không đốt thực bì."], [False]) == (
        ["Tuyệt đối không đốt thực bì."],
        [False],
    )


def test_a_subheading_glued_to_a_sentence_is_left_out() -> None:
    glued = (
        "Mùa lũ và nỗi lo của người dân Trong tuần qua, mực nước sông Hồng tại Hà Nội đã lên "
        "nhanh, nhiều bãi giữa bị ngập sâu."
    )
    assert unglue(glued).startswith("Trong tuần qua, mực nước sông Hồng")
    plain = "Ông Trần Văn Nam cho biết mực nước sông Hồng tại Hà Nội đã lên nhanh."
    assert unglue(plain) == plain


def test_a_bare_pronoun_opening_gets_the_name_said_just_before() -> None:
    sentences = [
        "Tại buổi làm việc, ông Trần Quốc Bảo, Giám đốc Sở Xây dựng, báo cáo tiến độ dự án.",
        "Ông cho biết cây cầu sẽ thông xe trước Tết Nguyên đán.",
        "Bà cho biết chợ sẽ mở cửa lại vào tuần sau.",
    ]
    named = name_pronouns(sentences)
    assert named[1] == "Ông Trần Quốc Bảo cho biết cây cầu sẽ thông xe trước Tết Nguyên đán."
    # No woman was named before: "Bà" stays as written rather than take a wrong name.
    assert named[2] == sentences[2]


def test_a_noun_series_is_not_cut_after_its_first_item() -> None:
    sentence = (
        "Trạm y tế xã hiện có đủ ba loại vắc xin bắt buộc cho trẻ nhỏ là vắc xin sởi, "
        "vắc xin bại liệt và vắc xin viêm gan B."
    )
    texts = [v.text for v in variants(sentence)]
    assert not any(t.endswith("vắc xin sởi.") for t in texts), texts

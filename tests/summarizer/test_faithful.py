"""Summaries a reader can trust: no title twice, lead dates kept, no captions or fragments."""

from __future__ import annotations

import pytest

from summarizer.cleaning import clean_page
from summarizer.digest import Length
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.textnorm import fold_tones, syllables


@pytest.fixture(scope="module")
def engine() -> ExtractiveEngine:
    return ExtractiveEngine()


def _words(text: str) -> list[str]:
    return syllables(fold_tones(text))


# The first sentence of the body restates the headline word for word.
TITLE_AGAIN = (
    "Đà Lạt mở lại chợ đêm sau hai tháng sửa chữa\n\n"
    "Đà Lạt mở lại chợ đêm sau hai tháng sửa chữa.\n\n"
    "Tối 20/10, khu chợ đêm trước chợ Đà Lạt đón khách trở lại với 120 gian hàng ăn uống "
    "và đồ lưu niệm được bố trí lại gọn gàng hơn.\n\n"
    "Ban quản lý chợ cho biết mặt đường đã được lát đá mới, hệ thống thoát nước được nâng "
    "cấp để không còn ngập khi mưa lớn.\n\n"
    "Các tiểu thương phải niêm yết giá và không được lấn chiếm lối đi của du khách."
)


@pytest.mark.parametrize("length", list(Length))
def test_the_summary_never_opens_by_repeating_the_title(
    engine: ExtractiveEngine, length: Length
) -> None:
    article = clean_page(TITLE_AGAIN)
    summary = engine.summarize(article, length)
    title = _words(article.title)
    assert _words(summary)[: len(title)] != title
    assert "120 gian hàng" in summary


# The lead opens on its time phrase and is longer than the short budget: it must be trimmed.
DATED_LEAD = (
    "Cháy rừng cao su ở Bình Phước\n\n"
    "Sáng 13/6, ông Phạm Quốc Việt - chủ tịch UBND xã Tân Lập, huyện Đồng Phú, Bình Phước - "
    "cho biết lực lượng kiểm lâm và dân quân đã dập tắt đám cháy rừng cao su rộng hơn 12 ha "
    "sau gần sáu giờ.\n\n"
    "Đám cháy bùng lên từ khoảng 2h sáng, gió mạnh khiến lửa lan nhanh sang các lô cao su "
    "của ba hộ dân.\n\n"
    "Hơn 200 người đã được huy động để chữa cháy, cùng bốn xe chuyên dụng của công an tỉnh.\n\n"
    "Nguyên nhân vụ cháy đang được cơ quan chức năng điều tra làm rõ."
)


@pytest.mark.parametrize("length", list(Length))
def test_the_lead_keeps_its_time_phrase_when_used(
    engine: ExtractiveEngine, length: Length
) -> None:
    summary = engine.summarize(clean_page(DATED_LEAD), length)
    assert "dập tắt đám cháy rừng cao su" in summary
    assert summary.startswith("Sáng 13/6, ông Phạm Quốc Việt")


# The lead's time is a weekday after a time word, with no date; the lead is longer than the
# short budget, so it must be trimmed.
WEEKDAY_LEAD = (
    "Nhóm bạn trẻ hát miễn phí bên bờ biển Nha Trang\n\n"
    "Tối thứ Năm hằng tuần, nhóm bạn trẻ ở phường Vĩnh Hải (TP Nha Trang, Khánh Hòa) lại mang "
    "đàn ghi-ta ra công viên bờ biển để hát miễn phí cho người đi dạo nghe đến khuya, từ "
    "những bản nhạc xưa đến các ca khúc mới.\n\n"
    "Nhóm được lập từ ba năm trước, nay có gần 30 thành viên là sinh viên và công nhân.\n\n"
    "Tiền khán giả tự nguyện góp được nhóm dùng để mua sách cho trẻ em vùng biển.\n\n"
    "Chính quyền phường đã bố trí đèn chiếu sáng và chỗ ngồi cho buổi biểu diễn."
)


@pytest.mark.parametrize("length", list(Length))
def test_a_weekday_in_the_lead_is_kept_like_a_date(
    engine: ExtractiveEngine, length: Length
) -> None:
    summary = engine.summarize(clean_page(WEEKDAY_LEAD), length)
    assert "mang đàn ghi-ta ra công viên bờ biển" in summary
    assert summary.startswith("Tối thứ Năm hằng tuần, nhóm bạn trẻ")


@pytest.mark.parametrize("length", list(Length))
def test_a_trim_never_leaves_a_subject_without_its_verb(
    engine: ExtractiveEngine, length: Length
) -> None:
    # Keeping only the first clause would leave "Ông Phạm Quốc Việt - chủ tịch UBND xã Tân Lập."
    summary = engine.summarize(clean_page(DATED_LEAD), length)
    assert "Tân Lập." not in summary
    assert "ông Phạm Quốc Việt cho biết" in summary or "Bình Phước - cho biết" in summary


# A photo caption with its credit glued to the lead by a flattened page.
CAPTION_GLUED = (
    "Hải Phòng thả 2 triệu con giống xuống vịnh Lan Hạ\n\n"
    "Ngư dân thả cá giống xuống vùng biển Cát Bà. Ảnh: MINH KHÔIChiều 2/4, Sở Nông nghiệp "
    "Hải Phòng phối hợp với huyện Cát Hải thả 2 triệu con cá, tôm giống xuống vịnh Lan Hạ "
    "để tái tạo nguồn lợi thủy sản.\n\n"
    "Các loài được thả gồm cá song, cá giò, tôm sú và ốc hương do trại giống địa phương "
    "nuôi.\n\n"
    "Huyện Cát Hải cấm khai thác thủy sản ở khu vực thả giống trong ba tháng."
)


@pytest.mark.parametrize("length", list(Length))
def test_captions_and_credits_never_reach_the_summary(
    engine: ExtractiveEngine, length: Length
) -> None:
    summary = engine.summarize(clean_page(CAPTION_GLUED), length)
    assert "Ảnh" not in summary and "KHÔI" not in summary
    assert "Ngư dân thả cá giống xuống vùng biển Cát Bà" not in summary
    assert "thả 2 triệu con cá, tôm giống" in summary


# "Theo đó" (no comma) leans on the decision named in the sentence before it.
BACK_REFERENCE = (
    "Quảng Ngãi tạm dừng khai thác cát trên sông Trà Khúc\n\n"
    "UBND tỉnh Quảng Ngãi vừa có văn bản tạm dừng toàn bộ hoạt động khai thác cát trên sông "
    "Trà Khúc sau nhiều vụ sạt lở bờ sông ở xã Nghĩa Hà.\n\n"
    "Hàng chục hộ dân ven sông phải di dời đồ đạc vì nước xoáy sát chân nhà trong mùa lũ "
    "năm nay.\n\n"
    "Theo đó các doanh nghiệp khai thác cát có 10 ngày để đưa tàu thuyền, máy móc ra khỏi "
    "khu vực mỏ và hoàn thổ bãi tập kết."
)


@pytest.mark.parametrize("length", list(Length))
def test_a_sentence_leaning_on_one_left_out_is_not_used(
    engine: ExtractiveEngine, length: Length
) -> None:
    summary = engine.summarize(clean_page(BACK_REFERENCE), length)
    assert "tạm dừng toàn bộ hoạt động khai thác cát" in summary
    if "Theo đó" in summary:
        assert "Hàng chục hộ dân" in summary
    assert not summary.startswith("Theo đó")


def test_trimmed_variants_keep_the_verb_and_its_object() -> None:
    # Cutting after the appositive would leave "Ông Lê Minh Tuấn, Giám đốc Sở Xây dựng."
    sentence = (
        "Ông Lê Minh Tuấn, Giám đốc Sở Xây dựng tỉnh Bình Định, ký quyết định thu hồi giấy "
        "phép của ba công ty vi phạm, sau đợt kiểm tra kéo dài một tháng."
    )
    from summarizer.engines.faithful import has_predicate, trusted_variants

    texts = [v.text for v in trusted_variants(sentence, lead=False)]
    assert texts[0] == sentence
    assert all(has_predicate(t) and "ký quyết định" in t for t in texts)


def test_a_say_verb_left_with_only_a_date_is_not_a_sentence() -> None:
    from summarizer.engines.faithful import has_predicate

    assert not has_predicate("Anh Nguyễn Văn Hùng (ngụ quận 7) cho biết năm 2001.")
    assert not has_predicate("Các bộ trưởng của khối ASEAN.")
    assert has_predicate("“Chúng tôi sẽ trồng lại rừng”, ông Hùng cho biết.")


def test_a_photo_caption_naming_who_stands_where_is_not_summary_material(
    engine: ExtractiveEngine,
) -> None:
    article = clean_page(
        "Long An trao nhà tình nghĩa cho gia đình chính sách\n\n"
        "Ông Nguyễn Văn Út (trái) và bà Lê Thị Hoa tại lễ trao nhà ở xã Mỹ Yên.\n\n"
        "Chiều 27/7, UBND huyện Bến Lức trao 15 căn nhà tình nghĩa cho các gia đình chính "
        "sách có hoàn cảnh khó khăn.\n\n"
        "Mỗi căn nhà trị giá 80 triệu đồng, do các doanh nghiệp trên địa bàn đóng góp."
    )
    for length in Length:
        summary = engine.summarize(article, length)
        assert "(trái)" not in summary and "15 căn nhà tình nghĩa" in summary


def test_a_verb_of_saying_left_with_the_first_words_of_what_was_said_is_cut() -> None:
    from summarizer.engines.faithful import has_predicate

    assert not has_predicate("Công ty Minh Phát cho rằng thời gian qua.")


def test_an_appositive_between_dashes_may_go_but_a_route_stays() -> None:
    from summarizer.engines.compress import variants

    said = (
        "Sáng 8-9, ông Phạm Quốc Việt - chủ tịch UBND xã Tân Lập, huyện Đồng Phú - cho biết "
        "lực lượng kiểm lâm đã dập tắt đám cháy."
    )
    assert "Sáng 8-9, ông Phạm Quốc Việt cho biết lực lượng kiểm lâm đã dập tắt đám cháy." in {
        v.text for v in variants(said)
    }
    route = "Cao tốc Hà Nội - Hải Phòng - Quảng Ninh sẽ được mở rộng lên 8 làn xe trong năm tới."
    assert all("Hải Phòng" in v.text for v in variants(route))


def test_a_credit_glued_to_a_sentence_opening_on_the_hour_is_cut() -> None:
    from summarizer.engines.faithful import without_caption

    assert without_caption(
        "Ảnh: CTV 5h ngày 12/3, đám cháy bùng lên ở kho hàng trên đường Lê Văn Lương."
    ) == "5h ngày 12/3, đám cháy bùng lên ở kho hàng trên đường Lê Văn Lương."


def test_a_first_clause_that_opens_on_its_verb_is_not_kept_alone() -> None:
    from summarizer.engines.faithful import trusted_variants

    sentence = (
        "Trao đổi với phóng viên chiều 3/1 tại trụ sở ủy ban, ông Trần Văn Nam cho biết xã "
        "sẽ hoàn thành việc di dời 40 hộ dân trước mùa mưa."
    )
    texts = [v.text for v in trusted_variants(sentence, lead=False)]
    assert "Trao đổi với phóng viên chiều 3/1 tại trụ sở ủy ban." not in texts
    assert all("cho biết" in t or not t.startswith("Trao đổi") for t in texts)

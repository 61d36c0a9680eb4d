"""Officials in the patterns the hand rules used to miss (issue 11), on made-up sentences."""

from __future__ import annotations

from summarizer.digest import Article
from summarizer.officials import extract_officials
from summarizer.textnorm import fold_tones


def _found(*paragraphs: str) -> dict[str, tuple[str, ...]]:
    officials = extract_officials(Article(title="Tin địa phương", paragraphs=paragraphs))
    return {o.name: o.titles for o in officials}


def _has(titles: tuple[str, ...], words: str) -> bool:
    return any(fold_tones(words) in fold_tones(t) for t in titles)


def test_position_given_by_appointment_verb():
    found = _found(
        "Chiều 3/9, ông Trịnh Minh Khải được bổ nhiệm giữ chức Phó Giám đốc Sở Xây dựng "
        "tỉnh Kon Tum kể từ ngày 1/10."
    )
    assert _has(found["Trịnh Minh Khải"], "Phó Giám đốc Sở Xây dựng")


def test_position_left_by_verb_counts():
    found = _found(
        "HĐND huyện đã miễn nhiệm, bà Lâm Thị Thu Hà thôi giữ chức Chủ tịch UBND huyện "
        "Đắk Glei để nhận nhiệm vụ mới."
    )
    assert _has(found["Lâm Thị Thu Hà"], "Chủ tịch UBND huyện")


def test_deputies_are_officials():
    found = _found(
        "Tại phiên chất vấn sáng nay, đại biểu Quốc hội Phan Thanh Bình (đoàn Đồng Nai) "
        "hỏi về tiến độ cao tốc.",
        "ĐBQH Lò Thị Mai cho rằng cần sớm sửa luật đất đai.",
    )
    assert "Phan Thanh Bình" in found
    assert "Lò Thị Mai" in found


def test_lower_case_words_continue_a_title():
    found = _found(
        "Ông Trương Đình Lộc, Chủ tịch Hiệp hội chế biến và xuất khẩu thuỷ sản Việt Nam, "
        "cho biết giá cá tra đã tăng ba tuần liền."
    )
    assert _has(found["Trương Đình Lộc"], "Chủ tịch Hiệp hội chế biến")


def test_province_between_title_and_name_stays_out_of_the_name():
    found = _found("Bí thư Tỉnh uỷ Bình Dương Võ Văn Xuyên đã thị sát công trình cầu Phú Cường.")
    assert list(found) == ["Võ Văn Xuyên"]
    assert _has(found["Võ Văn Xuyên"], "Bí thư Tỉnh uỷ")


def test_groups_and_voters_are_not_officials():
    found = _found(
        "Nhóm G7 chưa lên tiếng về đề xuất này.",
        "Cử tri Hà Văn Lực đề nghị sớm sửa đường liên xã trước mùa mưa.",
    )
    assert found == {}


def test_model_file_loads_offline():
    found = _found("Thủ tướng Lê Minh Quang chủ trì phiên họp Chính phủ thường kỳ.")
    assert found == {"Lê Minh Quang": ("Thủ tướng",)}


def test_posts_abroad_and_in_the_ranks_are_positions():
    found = _found(
        "Phát biểu tại Washington hôm qua, thượng nghị sĩ Mỹ Rowan Pettigrew kêu gọi "
        "nối lại đối thoại thương mại.",
        "Tham dự lễ tưởng niệm có hạm trưởng Lương Văn Khởi cùng nhiều cựu binh.",
    )
    assert _has(found["Rowan Pettigrew"], "thượng nghị sĩ")
    assert _has(found["Lương Văn Khởi"], "hạm trưởng")


def test_a_lower_case_word_after_a_name_is_not_part_of_it():
    found = _found(
        "Tại buổi tiếp xúc của Chủ tịch nước Hồ Văn Ngạn cùng tổ đại biểu Quốc hội số 3 "
        "(Đoàn Đại biểu Quốc hội tỉnh Long An) với cử tri huyện Đức Hoà chiều 5/11, "
        "nhiều ý kiến về đất đai đã được nêu."
    )
    assert "Hồ Văn Ngạn" in found
    assert not any(name.endswith("cùng") for name in found)


def test_particles_stay_inside_foreign_names():
    found = _found(
        "Ngoại trưởng Jordan Hamid al - Rashidi đã gặp người đồng cấp tại Amman hôm thứ Ba.",
        "Thủ tướng Hà Lan Karel van der Hoeven cho biết sẽ tăng ngân sách quốc phòng.",
    )
    assert "Hamid al - Rashidi" in found
    assert "Karel van der Hoeven" in found


def test_a_company_after_a_position_is_not_a_person():
    found = _found(
        "Vụ bắt Phó Chủ tịch Zentrix có thể làm đàm phán thương mại thêm rắc rối.",
        "Ông Lê Quang Vĩnh, Thứ trưởng Bộ Công thương, cho biết sẽ theo dõi sát vụ việc.",
    )
    assert "Zentrix" not in found
    assert "Lê Quang Vĩnh" in found


def test_less_common_surnames_open_the_name():
    found = _found(
        "Chủ tịch UBND huyện Kỳ Sơn Đậu Xuân Lộc cho biết con đường sẽ xong trong tháng tới.",
        "Hạm trưởng Ngụy Văn Khiêm đã báo cáo kết quả chuyến tuần tra với Bộ Tư lệnh.",
    )
    assert "Đậu Xuân Lộc" in found
    assert "Ngụy Văn Khiêm" in found


def test_two_leaders_joined_by_a_dash_in_a_headline_are_two_people():
    officials = extract_officials(
        Article(
            title="Cuộc gặp Macron - Scholz",
            paragraphs=(
                "Tổng thống Pháp Macron và Thủ tướng Đức Scholz đã gặp nhau tại Berlin chiều qua "
                "để bàn về giá điện.",
                "Tổng thống Macron nói hai nước sẽ cùng mua khí đốt, còn Thủ tướng Scholz cho biết "
                "Berlin sẵn sàng chia sẻ kho dự trữ.",
            ),
        )
    )
    found = {o.name: o.titles for o in officials}
    assert set(found) == {"Macron", "Scholz"}
    assert _has(found["Scholz"], "Thủ tướng Đức")


def test_a_position_closed_by_punctuation_keeps_its_lower_case_words():
    found = _found(
        "Cơ quan điều tra đã triệu tập ông Đinh Công Hậu (Giám đốc một công ty gỗ ở Bình Phước) "
        "để làm rõ nguồn gốc lô hàng.",
        "Ông Lương Văn Tài, phó trưởng phòng dự báo Đài khí tượng khu vực Tây Nguyên, cho biết "
        "mưa lớn sẽ kéo dài.",
    )
    assert _has(found["Đinh Công Hậu"], "Giám đốc một công ty gỗ ở Bình Phước")
    assert _has(found["Lương Văn Tài"], "phó trưởng phòng dự báo Đài khí tượng")


def test_a_post_held_at_the_time_reaches_the_name_after_it():
    found = _found(
        "Theo kết luận thanh tra, Giám đốc Sở Tài chính thời điểm đó là ông Hà Văn Khải đã ký "
        "văn bản cho phép doanh nghiệp chậm nộp tiền thuê đất."
    )
    assert _has(found["Hà Văn Khải"], "Giám đốc Sở Tài chính")


def test_a_full_name_closing_a_long_committee_title_is_its_holder():
    found = _found(
        "Trước đó, báo cáo giải trình về dự án luật, Chủ nhiệm Uỷ ban Văn hoá, Giáo dục và "
        "Thanh niên Đoàn Thị Thu Hằng cho biết nhiều ý kiến đề nghị giữ nguyên điều khoản này."
    )
    assert list(found) == ["Đoàn Thị Thu Hằng"]
    assert _has(found["Đoàn Thị Thu Hằng"], "Chủ nhiệm Uỷ ban Văn hoá")


def test_a_company_in_lower_case_stays_in_the_position_the_sentence_does_not():
    found = _found(
        "Trước đó, ngày 12/3, ông Nguyễn Phú Hào, Giám đốc công ty TNHH Đầu tư Cầu đường Bến Lức "
        "cũng thông tin với phóng viên rằng trạm sẽ thu phí trở lại."
    )
    assert _has(found["Nguyễn Phú Hào"], "Giám đốc công ty TNHH Đầu tư Cầu đường Bến Lức")
    assert not _has(found["Nguyễn Phú Hào"], "thông tin")


def test_a_position_between_two_names_goes_to_the_one_it_introduces():
    found = _found(
        "Sau phát biểu của ông Kowalski, Thủ tướng Ba Lan, ông Donald Tusk lập tức lên tiếng "
        "ủng hộ kế hoạch."
    )
    assert list(found) == ["Donald Tusk"]


def test_in_a_list_each_position_stays_with_the_name_before_it():
    found = _found(
        "Dự buổi làm việc có ông Lê Văn Hưng, Phó Chủ tịch UBND tỉnh, ông Trần Minh Đức, "
        "Giám đốc Sở Tài chính và bà Phạm Thị Lan, Giám đốc Sở Y tế."
    )
    assert found == {
        "Lê Văn Hưng": ("Phó Chủ tịch UBND tỉnh",),
        "Trần Minh Đức": ("Giám đốc Sở Tài chính",),
        "Phạm Thị Lan": ("Giám đốc Sở Y tế",),
    }


def test_a_news_channel_is_not_a_person():
    found = _found(
        "Phát biểu với Sky News, Bộ trưởng Quốc phòng Anh xác nhận hai tàu chiến đã lên đường."
    )
    assert "Sky News" not in found

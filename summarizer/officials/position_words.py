"""Word lists that shape position phrases: what may sit inside one and what ends it."""

from __future__ import annotations

from summarizer.gazetteers import fold


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


def _pairs(phrases: str) -> frozenset[tuple[str, ...]]:
    """Comma-separated two-word phrases, folded (tone placement no longer matters)."""
    return frozenset(tuple(fold(w) for w in phrase.split()) for phrase in phrases.split(","))


# Lower-case words that may sit inside a position on their own ("Chủ tịch UBND tỉnh").
BODY_WORDS = _folded("tỉnh huyện xã phường quận nước đảng bộ sở ban")
# Two-word parts of a position ("Uỷ viên dự khuyết", "Phó Bí thư Thường trực").
BODY_PAIRS = _pairs(
    "thành phố,thị xã,thị trấn,thường trực,thường vụ,dự khuyết,đại biểu,quốc hội,trung ương,"
    "uỷ ban,chính phủ,cơ quan,đại diện,nhân dân,nông thôn,chấp hành,công an,mặt trận,tổ quốc,"
    "đảng uỷ,tỉnh uỷ,thành uỷ,huyện uỷ,quận uỷ,quản trị,quản lý,điều hành,thành viên,hội đồng"
)
# Words that open a place name; the capitalised words after them are the place, nothing more.
PLACE_TYPES = _folded("tỉnh phố huyện xã phường quận trấn tp thủ đô")
# Joiners allowed only between two capitalised parts ("Tuyên giáo và Dân vận", "UNESCO tại Hà Nội").
JOINERS = _folded("và tại của")
# Lower-case words that never continue a name of an organisation: verbs and function words.
STOP = _folded(
    "là cho nói đã đang sẽ vừa phát khẳng nhấn yêu đề chỉ trả ký kêu tuyên bày chia gửi tiếp "
    "chủ tham thăm làm có được bị về với trong ngày sáng chiều tối hôm khi thì mà này đó cùng "
    "của tới đến ra vào lên xuống không chưa rất để nhằm cũng lại còn đi nêu trao hỏi đánh "
    "thừa ghi mời dẫn giải đặt bổ lúc từ theo qua vì do như năm tháng người các những một"
)
# Verbs and particles that end an appositive: what follows is the sentence, not the position.
VERBS = _folded(
    "là cho nói đã đang sẽ vừa phát khẳng nhấn yêu đề chỉ trả ký kêu tuyên bày chia gửi tiếp "
    "cũng được bị thì mà không chưa có làm nêu cho biết thông báo hỏi đánh giá ghi mời dẫn "
    "giải đặt trình báo nhận kiến nghị ra vào lên xuống đến tới"
)
TAIL_STOP = VERBS | (STOP - {fold("của")})
CLOSERS = frozenset({",", ")", "(", "-", "–", "—", ";", "."})
MAX_TAIL = 10
PREFIXES = _folded("nguyên cựu tân quyền")
PREFIX_COMPOUNDS = _folded("chính thẩm chủ nhân đặc bình toàn tài")
# Words between a separator and an appositive position ("(thời điểm giữ chức Chủ tịch …)").
LEAD_INS = _folded("một hiện là đang thời điểm giữ chức vụ khi đó lúc bấy giờ ấy này đương kim nay")
# "Bí thư Thành uỷ lúc bấy giờ là ông Võ Văn Kiệt": time words before "là".
WHEN = _folded("lúc bấy giờ khi đó ấy hiện nay")
SEPARATORS = frozenset({",", "-", "–", "—", "(", "là", "kiêm"})
# "ông X từng làm Phó Chủ tịch …": a verb of holding office works as a separator.
HOLDING = _pairs("từng làm,từng là,hiện là,đang là,từng giữ,hiện giữ,đang giữ")
MAX_BODY = 16
# Family words: a position after them belongs to the relative ("(vợ ông Chủ tịch xã)").
RELATIVES = _folded("vợ chồng con cha mẹ bố anh chị em cháu ông bà cô chú bác dì")
# Heads that name a role loosely: read only right before a name ("nhà lãnh đạo Triều Tiên X").
WEAK_HEADS = _pairs("nhà lãnh đạo")

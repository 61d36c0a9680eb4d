"""Original pages that are not articles: a home page, a search page, a login wall."""

from __future__ import annotations

_TEASERS = (
    ("Phó Thủ tướng yêu cầu hoàn thành giải ngân vốn đầu tư công", "Nhiều dự án chậm tiến độ."),
    ("Tỉnh họp khẩn ứng phó sạt lở bờ sông", "Bảy căn nhà phải di dời khẩn cấp."),
    ("Khởi công trường nội trú cho học sinh vùng biên", "Công trình có vốn 196 tỷ đồng."),
    ("Giá lúa Thu Đông tăng nhẹ, nông dân phấn khởi", "Thương lái thu mua tại ruộng."),
    ("Đội tuyển bóng đá nữ tập trung chuẩn bị giải Đông Nam Á", "Ban huấn luyện gọi 30 cầu thủ."),
    ("Hà Nội thí điểm phân luồng giao thông giờ cao điểm", "Áp dụng từ đầu tháng tới."),
)


def _teasers(prefix: str) -> str:
    return "\n".join(
        f'<div class="story"><h3><a href="{prefix}/{i}.html">{title}</a></h3>'
        f'<p class="sapo">{sapo}</p><span class="time">{i + 1} giờ trước</span></div>'
        for i, (title, sapo) in enumerate(_TEASERS)
    )


def home_page() -> str:
    """A news site's front page: menus and teasers, no article."""
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Báo Thời Sự Quốc Gia - Tin tức mới nhất trong ngày</title>
<meta property="og:type" content="website">
<meta name="description" content="Tin tức thời sự, kinh tế, xã hội mới nhất trong ngày">
</head><body><header><nav><a href="/chinh-tri">Chính trị</a> <a href="/kinh-te">Kinh tế</a>
<a href="/xa-hoi">Xã hội</a></nav></header>
<main><section class="top-stories"><h2>Tin nổi bật</h2>
{_teasers("/thoi-su")}
</section></main><footer>© Báo Thời Sự Quốc Gia</footer></body></html>"""


def search_page(query: str) -> str:
    """The site's search results for `query`."""
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Kết quả tìm kiếm: {query}</title></head><body>
<h1>Tìm thấy 6 kết quả cho từ khóa "{query}"</h1>
{_teasers("/tim-kiem/kq")}
<div class="pager"><a href="?q={query}&amp;p=2">Trang sau</a></div></body></html>"""


def login_wall() -> str:
    """A members-only article: a two-line teaser, then a sign-in form."""
    return """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Toàn cảnh thị trường bất động sản cuối năm</title>
<meta property="og:type" content="article"></head><body>
<article><h1>Toàn cảnh thị trường bất động sản cuối năm</h1>
<p class="sapo">Thị trường căn hộ tại các đô thị lớn có dấu hiệu phục hồi sau nhiều tháng trầm lắng.</p>
<div class="paywall"><p>Bài viết dành cho thành viên. Vui lòng đăng nhập để đọc tiếp.</p>
<form action="/dang-nhap" method="post"><input name="email" placeholder="Email">
<input type="password" name="password"><button>Đăng nhập</button></form></div>
</article></body></html>"""

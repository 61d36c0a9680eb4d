"""Original test pages in the shapes of Vietnamese news sites, built around fixture articles."""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parents[1] / "fixtures"
TONES = "\u0300\u0301\u0303\u0309\u0323"  # the marks windows-1258 writes after the letter


@dataclass(frozen=True)
class NewsArticle:
    """A fixture article: title, lead and body paragraphs."""

    title: str
    lead: str
    paragraphs: tuple[str, ...]

    @property
    def pasted(self) -> str:
        """The article's text as a reader would paste it."""
        return "\n\n".join((self.title, self.lead, *self.paragraphs))


def articles() -> list[NewsArticle]:
    """The hand-written articles of tests/fixtures/link_articles.txt."""
    raw = (FIXTURES / "link_articles.txt").read_text(encoding="utf-8")
    found = []
    for item in raw.split("====="):
        title, lead, *body = [p.strip() for p in item.strip().split("\n\n") if p.strip()]
        found.append(NewsArticle(title, lead, tuple(body)))
    return found


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _paragraphs(article: NewsArticle) -> str:
    return "\n".join(f"<p>{_e(p)}</p>" for p in article.paragraphs)


def national_daily(article: NewsArticle, canonical: str) -> str:
    """A national daily: menus, a sapo, figure captions, related box, comments, footer."""
    half = len(article.paragraphs) // 2
    first = NewsArticle(article.title, article.lead, article.paragraphs[:half])
    rest = NewsArticle(article.title, article.lead, article.paragraphs[half:])
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{_e(article.title)} | Báo Thời Sự Quốc Gia</title>
<link rel="canonical" href="{_e(canonical)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{_e(article.title)}">
<meta property="og:site_name" content="Báo Thời Sự Quốc Gia">
<meta property="article:published_time" content="2025-11-14T17:30:00+07:00">
<meta name="author" content="Minh Châu">
<script>window.dataLayer = [{{"page": "detail"}}];</script>
</head><body>
<header class="site-header"><a href="/">Trang chủ</a>
<nav><ul><li><a href="/chinh-tri">Chính trị</a></li><li><a href="/kinh-te">Kinh tế</a></li>
<li><a href="/xa-hoi">Xã hội</a></li><li><a href="/the-thao">Thể thao</a></li></ul></nav>
<form action="/tim-kiem"><input name="q" placeholder="Tìm kiếm"></form></header>
<main><div class="breadcrumb"><a href="/kinh-te">Kinh tế</a> › <a href="/kinh-te/dau-tu">Đầu tư</a></div>
<article class="detail">
<h1 class="detail-title">{_e(article.title)}</h1>
<div class="detail-meta"><span class="author">Minh Châu</span> <time datetime="2025-11-14T17:30:00+07:00">Thứ Sáu, 14/11/2025 17:30</time></div>
<h2 class="detail-sapo">{_e(article.lead)}</h2>
<div class="detail-content">
{_paragraphs(first)}
<figure class="image"><img src="/img/hop.jpg" alt="">
<figcaption>Quang cảnh cuộc họp trực tuyến. Ảnh: Trần Hải</figcaption></figure>
{_paragraphs(rest)}
</div>
<div class="share"><a href="#">Chia sẻ Facebook</a> <a href="#">Zalo</a></div>
<div class="tags">Từ khóa: <a href="/tag/dau-tu-cong">đầu tư công</a></div>
</article>
<section class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/kinh-te/a1.html">Nhiều địa phương xin trả lại vốn vì không kịp giải ngân</a></li>
<li><a href="/kinh-te/a2.html">Cao tốc phía Nam thiếu cát đắp nền, nhà thầu kêu khó</a></li>
</ul></section>
<section class="comments"><h3>Bình luận (2)</h3>
<div class="comment"><b>Hoàng Nam</b><p>Năm nào cũng cuối năm mới dồn giải ngân, đề nghị xử lý nghiêm.</p></div>
<div class="comment"><b>Thu Trang</b><p>Cần công khai danh sách dự án chậm để người dân cùng giám sát.</p></div>
</section></main>
<footer>© Báo Thời Sự Quốc Gia. Giấy phép số 123/GP-BTTTT. Địa chỉ: 12 phố Hàng Bông, Hà Nội.</footer>
</body></html>"""


def provincial(article: NewsArticle, og_url: str) -> str:
    """A provincial paper: date and weather lines, follow prompts, captions, byline, teasers."""
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{_e(article.title)}</title>
<meta property="og:url" content="{_e(og_url)}">
<meta property="og:type" content="article">
</head><body>
<div class="top-bar">Thứ năm, 20-11-25 09:15:02 · Hậu Giang, 29°C/ 27°C - 31°C Icon thời tiết mưa</div>
<div class="follow">Theo dõi Báo Hậu Giang điện tử trên <a href="#">Google News</a></div>
<div class="menu"><a href="/">Trang chủ</a> | <a href="/thoi-su">Thời sự</a> | <a href="/kinh-te">Kinh tế</a></div>
<div id="content">
<h1>{_e(article.title)}</h1>
<div class="sapo"><b>Báo Hậu Giang</b> {_e(article.lead)}</div>
<div class="img-caption"><img src="/up/sat-lo.jpg"><em>Điểm sạt lở tại ấp Phú Lợi, xã Phú Hữu. Ảnh: Thanh Tâm</em></div>
{_paragraphs(article)}
<p class="author" style="text-align:right"><strong>THANH TÂM</strong></p>
</div>
<div class="other-news"><h4>Tin khác</h4>
<div><a href="/n/1.html">Hậu Giang ra quân thu hoạch lúa Thu Đông</a> (20/11/2025)</div>
<div><a href="/n/2.html">Khánh thành cầu nông thôn tại xã Tân Hòa</a> (19/11/2025)</div>
<div><a href="/n/3.html">Hội nghị sơ kết phong trào thi đua yêu nước</a> (19/11/2025)</div>
</div>
<div class="footer">Báo Hậu Giang điện tử · Tổng Biên tập: Nguyễn Văn A · Đường dây nóng: 0293 000 000</div>
</body></html>"""


def amp(article: NewsArticle, canonical: str) -> str:
    """An AMP copy of an article, pointing at the full page as its canonical."""
    return f"""<!doctype html>
<html ⚡ lang="vi"><head><meta charset="utf-8">
<script async src="https://cdn.ampproject.org/v0.js"></script>
<title>{_e(article.title)}</title>
<link rel="canonical" href="{_e(canonical)}">
<meta name="viewport" content="width=device-width">
<style amp-custom>body{{font-family:sans-serif}}</style>
</head><body>
<header><amp-img src="/logo.png" width="120" height="30" alt="Báo Thời Sự Quốc Gia"></amp-img></header>
<article>
<h1>{_e(article.title)}</h1>
<p class="sapo"><strong>{_e(article.lead)}</strong></p>
{_paragraphs(article)}
<amp-img src="/img/hop.jpg" width="600" height="400" layout="responsive"></amp-img>
</article>
<amp-social-share type="facebook"></amp-social-share>
<footer><a href="{_e(canonical)}">Xem bản đầy đủ</a></footer>
</body></html>"""


def cp1258_bytes(text: str) -> bytes:
    """`text` in windows-1258 as old Vietnamese sites write it: base letter, then tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            marks = "".join(c for c in parts if c in TONES)
            out += base.encode("cp1258", errors="replace") + marks.encode("cp1258")
    return bytes(out)


def legacy_page(article: NewsArticle) -> str:
    """An old-style table layout page (to be served as windows-1258)."""
    rows = "".join(f"<p class=MsoNormal>{_e(p)}</p>\n" for p in article.paragraphs)
    return f"""<HTML><HEAD><META http-equiv=Content-Type content="text/html; charset=windows-1258">
<TITLE>{_e(article.title)}</TITLE></HEAD><BODY>
<TABLE width=760><TR><TD class=menu><A href="/">Trang chủ</A> | <A href="/gd">Giáo dục</A></TD></TR>
<TR><TD><H2 class=title>{_e(article.title)}</H2>
<P class=lead><B>{_e(article.lead)}</B></P>
{rows}</TD></TR>
<TR><TD class=footer>Cổng thông tin điện tử tỉnh · Ghi rõ nguồn khi phát hành lại thông tin từ website này.</TD></TR>
</TABLE></BODY></HTML>"""


def express_layout(article: NewsArticle) -> str:
    """A national daily of another layout: a description paragraph, a captioned photo inside
    the text, the byline as the last paragraph, then a related-stories box."""
    half = len(article.paragraphs) // 2
    body = [f'<p class="Normal">{_e(p)}</p>' for p in article.paragraphs]
    return f"""<html><head><meta charset="utf-8"><title>{_e(article.title)} - Tin Nhanh Việt</title>
<meta name="description" content="{_e(article.lead)}"><meta property="og:type" content="article"></head><body>
<header>Mới nhất · Thời sự · Góc nhìn · Thế giới · Kinh doanh</header>
<section class="page-detail"><span class="date">Thứ năm, 20/11/2025, 10:00 (GMT+7)</span>
<h1 class="title-detail">{_e(article.title)}</h1><p class="description">{_e(article.lead)}</p>
<article class="fck_detail">{"".join(body[:half])}
<figure><img src="/anh/1.jpg"><figcaption><p class="Image">Quang cảnh buổi làm việc. Ảnh: Cửu Long</p></figcaption></figure>
{"".join(body[half:])}
<p class="Normal" style="text-align:right;"><strong>Cửu Long</strong></p></article>
<div class="box-tinlienquanv2"><article><h4><a href="/y.html">Nhiều nơi sạt lở trong đêm</a></h4>
<p>Nhiều nhà dân bị ảnh hưởng khi nước lên nhanh.</p></article></div>
</section><footer>Báo điện tử Tin Nhanh Việt</footer></body></html>"""

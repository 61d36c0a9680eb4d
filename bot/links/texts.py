"""What the reader is told about links, in Vietnamese and English (merged into bot.views.texts)."""

from __future__ import annotations

LINK_TEXTS: dict[str, tuple[str, str]] = {
    "link_source": ("Nguồn:", "Source:"),
    "link_too_many": (
        "Tôi đang đọc {taken} link đầu tiên. {left} link còn lại, bạn gửi lại khi có bản tóm "
        "tắt nhé.",
        "I'm reading the first {taken} links. Send the other {left} again once their digests "
        "arrive.",
    ),
    "link_not_found": (
        "Không tìm thấy trang này (lỗi {status}): bài có thể đã bị gỡ hoặc đường link sai. "
        "Hãy kiểm tra lại link, hoặc dán nội dung bài vào đây.",
        "That page was not found (error {status}): the article may have been removed or the "
        "link is wrong. Check the link, or paste the article's text here.",
    ),
    "link_unavailable": (
        "Trang báo không trả lời đúng lúc này ({status}). Hãy thử lại sau ít phút, hoặc dán "
        "nội dung bài vào đây.",
        "The news site did not answer properly just now ({status}). Try again in a few "
        "minutes, or paste the article's text here.",
    ),
    "link_unreachable": (
        "Tôi không kết nối được tới {host}. Hãy thử lại sau, hoặc dán nội dung bài vào đây.",
        "I could not connect to {host}. Try again later, or paste the article's text here.",
    ),
    "link_broken": (
        "Trang báo gửi về dữ liệu hỏng nên tôi không đọc được. Hãy thử lại sau, hoặc dán nội "
        "dung bài vào đây.",
        "The news site sent back damaged data, so I could not read it. Try again later, or "
        "paste the article's text here.",
    ),
    "link_no_host": (
        "Không có trang web nào tên {host}. Hãy kiểm tra lại đường link.",
        "There is no website called {host}. Check the link.",
    ),
    "link_timeout": (
        "Trang báo phản hồi quá chậm (quá {seconds} giây) nên tôi đã dừng. Hãy thử lại sau, "
        "hoặc dán nội dung bài vào đây.",
        "The news site was too slow (over {seconds} s), so I stopped. Try again later, or "
        "paste the article's text here.",
    ),
    "link_too_large": (
        "Trang này quá lớn (hơn {limit_mb} MB) nên tôi không tải về. Hãy dán nội dung bài "
        "vào đây.",
        "That page is too large (over {limit_mb} MB) to download. Paste the article's text "
        "here instead.",
    ),
    "link_not_html": (
        "Link này dẫn tới một tệp {kind}, không phải trang bài báo. Tôi chỉ đọc được trang "
        "web và văn bản.",
        "That link leads to a {kind} file, not an article page. I can only read web pages and "
        "text.",
    ),
    "link_paywall": (
        "Bài này cần đăng nhập hoặc trả phí nên tôi chỉ thấy vài dòng đầu. Nếu bạn đọc được, "
        "hãy dán nội dung bài vào đây.",
        "That article needs a login or a subscription, so I only see its first lines. If you "
        "can read it, paste its text here.",
    ),
    "link_redirects": (
        "Trang này chuyển hướng vòng vòng (quá {limit} lần) nên tôi đã dừng. Hãy mở bài trong "
        "trình duyệt và gửi link cuối cùng, hoặc dán nội dung bài.",
        "That page keeps redirecting (more than {limit} times), so I stopped. Open it in a "
        "browser and send the final link, or paste the article's text.",
    ),
    "link_scheme": (
        "Tôi chỉ mở được link http:// hoặc https://, không mở được {scheme}://.",
        "I can only open http:// or https:// links, not {scheme}://.",
    ),
    "link_invalid": (
        "Đường link này không hợp lệ. Hãy sao chép lại link đầy đủ của bài.",
        "That link is not a valid address. Copy the article's full link again.",
    ),
    "link_blocked": (
        # The guard's reason (loopback, private, …) is network jargon: it goes to the log only.
        "Tôi không mở link tới {host}: đó là địa chỉ nội bộ, không phải trang báo công khai.",
        "I won't open a link to {host}: it is an internal address, not a public news site.",
    ),
    "link_port": (
        "Tôi chỉ mở link trên các cổng web thông thường (80, 443, 8080, 8443), không mở cổng "
        "{port} của {host}. Hãy gửi link thường của bài, hoặc dán nội dung bài vào đây.",
        "I only open links on the usual web ports (80, 443, 8080, 8443), not port {port} of "
        "{host}. Send the article's ordinary link, or paste its text here.",
    ),
    "link_unreadable": (
        "Tôi không đọc được trang này trong thời gian cho phép. Hãy dán nội dung bài vào đây.",
        "I could not read that page in the time allowed. Paste the article's text here instead.",
    ),
    "link_not_article": (
        "Trang này không phải một bài báo (trang chủ, trang tìm kiếm hay danh sách tin). Hãy "
        "gửi link của chính bài viết.",
        "That page is not an article (a home page, a search page or a list of stories). Send "
        "the link of the article itself.",
    ),
}

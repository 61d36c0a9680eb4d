"""What the bot says about its work and results: progress, digests, history, settings (vi, en)."""

from __future__ import annotations

RESULT_TEXTS: dict[str, tuple[str, str]] = {
    # work in progress and results
    "delivering": ("Đang gửi kết quả…", "Sending the result…"),
    "queued": (
        "Đang tóm tắt… vị trí {position} trong hàng đợi",
        "Summarising… position {position} in the queue",
    ),
    "working": ("Đang tóm tắt…", "Summarising…"),
    "working_progress": ("Đang tóm tắt… phần {done}/{total}", "Summarising… part {done}/{total}"),
    "failed": (
        "Xin lỗi, tôi chưa tóm tắt được bài này (lỗi tạm thời). "
        "Hãy gửi lại sau ít phút.",
        "Sorry, I could not summarise this article (a temporary error). Please send it again "
        "in a few minutes.",
    ),
    "duplicate": (
        "Bài này đã được tóm tắt trước đây (#{number}):",
        "This article was already summarised (#{number}):",
    ),
    "officials_heading": ("Quan chức chính", "Key officials"),
    "decisions_heading": ("Quyết định / chỉ đạo", "Decisions / directives"),
    "footer": (
        "{engine} · {words_in} từ → {words_out} từ · #{number}",
        "{engine} · {words_in|word|words} → {words_out|word|words} · #{number}",
    ),
    "fallback": ("dự phòng", "fallback"),
    "engine_unavailable": ("{wanted} chưa chạy được ở đây", "{wanted} can't run here"),
    "partly_extractive": (
        "{stand_ins}/{parts} đoạn lấy nguyên câu từ bài",
        "{stand_ins} of {parts} parts quoted from the article",
    ),
    # history, search, officials
    "history_header": (
        "<b>Lịch sử</b> ({total} bản tóm tắt)", "<b>History</b> ({total|digest|digests})"
    ),
    "history_empty": (
        "Chưa có bản tóm tắt nào. Hãy dán một bài báo!",
        "No digests yet. Paste an article!",
    ),
    "search_usage": ("Gõ /search kèm từ cần tìm, ví dụ: /search ngan sach", "Type /search and "
                     "the words to find, e.g. /search ngan sach"),
    "search_header": (
        "<b>Kết quả cho {query}</b> ({total})",
        "<b>Results for {query}</b> ({total})",
    ),
    "search_header_many": (
        "<b>Kết quả cho {query}</b> (hơn {cap} kết quả)",
        "<b>Results for {query}</b> (more than {cap} results)",
    ),
    "search_empty": ("Không tìm thấy {query}.", "Nothing found for {query}."),
    "official_usage": ("Gõ /official kèm tên, ví dụ: /official Nguyễn Văn A", "Type /official "
                       "and a name, e.g. /official Nguyen Van A"),
    "official_header": (
        "<b>Các bài nhắc tới “{name}”</b> ({total})",
        "<b>Digests naming “{name}”</b> ({total})",
    ),
    "official_empty": ("Chưa bài nào nhắc tới “{name}”.", "No digest names “{name}”."),
    "officials_header": (
        "<b>Quan chức được nhắc nhiều nhất</b>", "<b>Most mentioned officials</b>"
    ),
    "officials_empty": ("Chưa có quan chức nào trong lịch sử.", "No officials in the history yet."),
    "mentions": ("{count} bài", "{count|digest|digests}"),
    "show_usage": ("Gõ /show kèm số, ví dụ: /show 3", "Type /show and a number, e.g. /show 3"),
    "delete_usage": ("Gõ /delete kèm số, ví dụ: /delete 3", "Type /delete and a number, "
                     "e.g. /delete 3"),
    "not_found": ("Không có bản tóm tắt #{number}.", "There is no digest #{number}."),
    "deleted": ("Đã xoá bản tóm tắt #{number}.", "Deleted digest #{number}."),
    "clear_confirm": (
        "Xoá toàn bộ {total} bản tóm tắt của cuộc trò chuyện này?",
        "Delete all {total|digest|digests} of this chat?",
    ),
    "original_button": ("Bài gốc", "Original"),
    "delete_button": ("Xoá", "Delete"),
    "delete_yes": ("Xoá bản #{number}", "Delete #{number}"),
    "delete_no": ("Giữ lại", "Keep it"),
    "original_caption": (
        "Bài gốc của bản tóm tắt #{number}", "The article of digest #{number}"
    ),
    "clear_refused": (
        "Trong nhóm, chỉ quản trị viên mới xoá được toàn bộ lịch sử.",
        "In a group, only its admins can delete the whole history.",
    ),
    "delete_refused": (
        "Chỉ người đã gửi bài hoặc quản trị viên nhóm mới xoá được bản tóm tắt này.",
        "Only whoever sent the article or a group admin can delete this digest.",
    ),
    "original_link": (
        "Bài gốc của bản tóm tắt #{number}: <a href=\"{link}\">{link}</a>",
        "The original of digest #{number}: <a href=\"{link}\">{link}</a>",
    ),
    "resummarizing": ("Đang tóm tắt lại…", "Summarising again…"),
    "resummarize_failed": (
        "Xin lỗi, tôi chưa viết lại được bản tóm tắt #{number} (lỗi tạm thời); bản cũ vẫn còn. "
        "Hãy bấm lại sau ít phút.",
        "Sorry, I could not rewrite digest #{number} (a temporary error); the old one is kept. "
        "Please press the button again in a few minutes.",
    ),
    "clear_yes": ("Xoá hết", "Delete all"),
    "clear_no": ("Huỷ", "Cancel"),
    "cleared": ("Đã xoá {count} bản tóm tắt.", "Deleted {count|digest|digests}."),
    "clear_cancelled": ("Đã huỷ, lịch sử vẫn còn.", "Cancelled; the history is kept."),
    "not_your_button": ("Nút này dành cho người đã gõ lệnh.", "This button belongs to whoever "
                        "typed the command."),
    "export_empty": ("Chưa có gì để tải về.", "Nothing to export yet."),
    "export_caption": ("Lịch sử tóm tắt ({total} bản)", "Digest history ({total|digest|digests})"),
    "page_of": ("Trang {page}/{pages}", "Page {page}/{pages}"),
    "page_n": ("Trang {page}", "Page {page}"),
    "newer": ("◀ Mới hơn", "◀ Newer"),
    "older": ("Cũ hơn ▶", "Older ▶"),
    "export_jsonl": (
        "dữ liệu đầy đủ, mỗi dòng một bản (JSON)", "full data, one digest a line (JSON)"
    ),
    "export_md": ("bản dễ đọc (Markdown)", "readable copy (Markdown)"),
    "export_md_title": (
        "Tóm Tắt — lịch sử ({total} bản tóm tắt)", "Tóm Tắt — history ({total|digest|digests})"
    ),
    "export_untitled": ("Không có tiêu đề", "Untitled"),
    "export_officials": ("Quan chức", "Officials"),
    "export_decisions": ("Quyết định, chỉ đạo", "Decisions and directives"),
    "button_expired": ("Nút này đã hết hạn.", "This button has expired."),
    # settings
    "settings_header": (
        "<b>Cài đặt</b>\nĐộ dài: {length} · Ngôn ngữ: {language}\nMúi giờ: {zone}",
        "<b>Settings</b>\nLength: {length} · Language: {language}\nTime zone: {zone}",
    ),
    "settings_engine": ("Cách tóm tắt: {engine}", "Summaries: {engine}"),
    "engine_auto": ("tự động", "automatic"),
    "engine_extractive": ("trích câu từ bài", "sentences from the article"),
    "engine_abstractive": ("viết lại (ViT5)", "rewritten (ViT5)"),
    "zone_vietnam": ("Việt Nam ({offset})", "Việt Nam ({offset})"),
    "close": ("Đóng", "Close"),
    "settings_closed": ("Đã lưu cài đặt.", "Settings saved."),
    "settings_refused": (
        "Trong nhóm, chỉ quản trị viên mới đổi được cài đặt.",
        "In a group, only its admins can change the settings.",
    ),
    "zone_unknown": (
        "Tôi không biết múi giờ “{zone}”. Hãy dùng tên như Asia/Ho_Chi_Minh, UTC hay "
        "Europe/Paris: /settings timezone Asia/Ho_Chi_Minh",
        "I don't know the time zone “{zone}”. Use a name such as Asia/Ho_Chi_Minh, UTC or "
        "Europe/Paris: /settings timezone Europe/Paris",
    ),
    "length_short": ("Ngắn", "Short"),
    "length_medium": ("Vừa", "Medium"),
    "length_long": ("Dài", "Long"),
    "language_auto": ("Theo Telegram", "Follow Telegram"),
    "language_vi": ("Tiếng Việt", "Tiếng Việt"),
    "language_en": ("English", "English"),
    "stats": (
        "<b>Thống kê</b>\nBản tóm tắt: {digests}\nCuộc trò chuyện: {chats}\n"
        "Hàng đợi: {queue}\nThời gian trung vị: {median_ms} ms\nBộ máy: {engine}",
        "<b>Statistics</b>\nDigests: {digests}\nChats: {chats}\nQueue: {queue}\n"
        "Median latency: {median_ms} ms\nEngine: {engine}",
    ),
}

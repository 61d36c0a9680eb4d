"""What the bot says about itself and about what it was sent: help, refusals, limits (vi, en)."""

from __future__ import annotations

CHAT_TEXTS: dict[str, tuple[str, str]] = {
    "start": (
        "Xin chào! Tôi là <b>Tóm Tắt</b>. Hãy dán (hoặc chuyển tiếp) một bài báo tiếng Việt, "
        "tôi sẽ gửi lại bản tóm tắt, các quan chức chính và các quyết định / chỉ đạo.\n"
        "Gõ /help để xem các lệnh.",
        "Hello! I am <b>Tóm Tắt</b>. Paste (or forward) a Vietnamese news article and I will "
        "send back a summary, the key officials and the decisions / directives.\n"
        "Type /help for the commands.",
    ),
    "help": (
        "<b>Cách dùng</b>\n"
        "Dán cả trang báo (kể cả phần thừa), gửi link bài báo, gửi tệp .txt/.md/.html, hoặc "
        "trả lời một tin bằng /summarize.\n\n"
        "/history — lịch sử tóm tắt\n/show N — xem bản #N (không số: bản mới nhất)\n"
        "/search CỤM TỪ — tìm đúng cụm từ (không cần dấu; \"…\" đúng dấu; A OR B)\n"
        "/official TÊN — các bài nhắc tới một người\n/officials — người được nhắc nhiều nhất\n"
        "/delete N — xoá bản #N\n/clear — xoá toàn bộ lịch sử\n/export — tải lịch sử\n"
        "/settings — độ dài, ngôn ngữ, cách tóm tắt, múi giờ",
        "<b>How to use</b>\n"
        "Paste a whole news page (clutter included), send an article's link, send a "
        ".txt/.md/.html file, or reply to a message with /summarize.\n\n"
        "/history — your digests\n/show N — open digest #N (no number: the latest)\n"
        "/search PHRASE — find the phrase (accents optional; \"…\" exact; A OR B)\n"
        "/official NAME — articles naming a person\n/officials — most mentioned\n"
        "/delete N — delete #N\n/clear — delete all history\n/export — download history\n"
        "/settings — length, language, summaries, time zone",
    ),
    "cmd_start": ("Bắt đầu", "Start"),
    "cmd_help": ("Hướng dẫn", "Help"),
    "cmd_summarize": (
        "Tóm tắt văn bản / tin được trả lời", "Summarise text or the replied message"
    ),
    "cmd_history": ("Lịch sử tóm tắt", "Digest history"),
    "cmd_show": ("Xem bản tóm tắt số N", "Open digest number N"),
    "cmd_search": ("Tìm trong lịch sử", "Search the history"),
    "cmd_official": ("Các bài nhắc tới một quan chức", "Digests naming a person"),
    "cmd_officials": ("Quan chức được nhắc nhiều nhất", "Most mentioned officials"),
    "cmd_delete": ("Xoá bản tóm tắt số N", "Delete digest number N"),
    "cmd_clear": ("Xoá toàn bộ lịch sử", "Delete all history"),
    "cmd_export": ("Tải lịch sử (.jsonl, .md)", "Download history (.jsonl, .md)"),
    "cmd_settings": ("Cài đặt", "Settings"),
    "cmd_stats": ("Thống kê (quản trị)", "Statistics (admins)"),
    # input problems
    "short": (
        "Tin này ngắn quá để tóm tắt. Hãy dán cả bài báo (ít nhất vài câu), hoặc gõ /help.",
        "This is too short to summarise. Paste a whole article (a few sentences at least), "
        "or type /help.",
    ),
    "empty": (
        "Tin nhắn trống — hãy dán nội dung bài báo.", "The message is empty — paste an article."
    ),
    "no_letters": (
        "Tôi không thấy chữ nào để tóm tắt. Hãy dán nội dung bài báo.",
        "I see no words to summarise. Please paste the article's text.",
    ),
    "only_url": (
        "Tôi không mở được đường link này. Hãy gửi link đầy đủ của bài (bắt đầu bằng https://), "
        "hoặc mở bài, chọn tất cả rồi dán nội dung vào đây.",
        "I can't open that link. Send the article's full link (starting with https://), or open "
        "the article, select all and paste its text here.",
    ),
    "too_long": (
        "Bài quá dài ({chars} ký tự; tối đa {limit}). Hãy gửi từng bài một.",
        "That is too long ({chars} characters; the limit is {limit}). Send one article at a time.",
    ),
    "paste_too_long": (
        "Các tin bạn vừa dán, gộp lại, quá dài ({chars} ký tự; tối đa {limit}) nên tôi chưa lưu"
        " gì cả. Hãy dán từng bài một, hoặc chỉ phần chính của bài.",
        "Your pasted messages add up to too much ({chars} characters; the limit is {limit}), so"
        " nothing was kept. Paste one article at a time, or just its main part.",
    ),
    "paste_overflow": (
        "Phần bạn dán vượt quá độ dài một bài ({limit} ký tự): tôi giữ phần đầu để tóm tắt và bỏ"
        " {dropped} tin gửi sau đó. Hãy gửi từng bài một.",
        "What you pasted went past one article's length ({limit} characters): I kept the first"
        " part to summarise and dropped the {dropped} message(s) after it. Send one article at"
        " a time.",
    ),
    "not_vietnamese": (
        "Văn bản này có vẻ không phải tiếng Việt. Tôi chỉ tóm tắt tin tiếng Việt.",
        "This text does not look Vietnamese. I only summarise Vietnamese news.",
    ),
    "not_article": (
        "Tôi không tìm thấy nội dung bài báo để tóm tắt trong tin này.",
        "I could not find an article to summarise in this message.",
    ),
    "media_no_text": (
        "Tôi chỉ đọc được chữ. Hãy gửi nội dung bài báo dạng văn bản (hoặc kèm chú thích).",
        "I can only read text. Send the article as text (or add a caption).",
    ),
    "doc_type": (
        "Tôi chỉ đọc tệp .txt, .md hoặc .html.",
        "I can only read .txt, .md or .html files.",
    ),
    "doc_too_big": (
        "Tệp quá lớn ({size} KB; tối đa {limit} KB).",
        "The file is too large ({size} KB; the limit is {limit} KB).",
    ),
    "doc_binary": (
        "Tệp này không phải văn bản, hoặc dùng bảng mã tôi không nhận ra. Hãy lưu lại dạng UTF-8.",
        "This file is not text, or uses an encoding I don't recognise. Save it as UTF-8.",
    ),
    "doc_failed": (
        "Tôi không tải được tệp này, hãy thử lại sau.",
        "I could not download this file; please try again later.",
    ),
    "doc_unreadable": (
        "Tôi không đọc được tệp này: nội dung bị hỏng hoặc quá rối. Hãy mở tệp, chép phần bài "
        "báo và dán vào đây.",
        "I can't read this file: its content is broken or too tangled. Open it, copy the "
        "article and paste it here.",
    ),
    "doc_bad_bytes": (
        "Tệp có {count} byte lỗi mã hoá; tôi đã thay chúng bằng dấu � và đọc phần còn lại.",
        "The file has {count} byte(s) that are not valid text; I replaced them with � and read "
        "the rest.",
    ),
    "edited": (
        "Tôi không tóm tắt lại tin đã sửa. Nếu muốn, hãy gửi lại bài dưới dạng tin mới.",
        "I don't re-summarise edited messages. Send the article again as a new message if needed.",
    ),
    "unknown_command": (
        "Tôi không biết lệnh này. Gõ /help để xem các lệnh.",
        "I don't know that command. Type /help for the list.",
    ),
    "summarize_usage": (
        "Gõ /summarize kèm nội dung bài, hoặc trả lời một tin có bài báo bằng /summarize.",
        "Type /summarize followed by the text, or reply to a message holding an article.",
    ),
    # access and limits
    "refused": (
        "Xin lỗi, bạn chưa được phép dùng bot này. Mã của bạn là <code>{user_id}</code> "
        "— hãy gửi mã này cho quản trị viên.",
        "Sorry, you are not allowed to use this bot. Your id is <code>{user_id}</code> "
        "— send it to an admin.",
    ),
    "rate_limited": (
        "Bạn gửi hơi nhanh. Hãy thử lại sau {seconds} giây.",
        "You are sending a bit fast. Try again in {seconds} s.",
    ),
    "pending_cap": (
        "Bạn đang có {count} bài chờ tóm tắt. Hãy gửi tiếp khi chúng xong (khoảng {seconds} giây).",
        "You already have {count|article|articles} waiting. Send more when they are done "
        "(about {seconds} s).",
    ),
    "queue_full": (
        "Bot đang quá tải. Hãy thử lại sau {seconds} giây nhé.",
        "The bot is overloaded right now. Please try again in {seconds} s.",
    ),
    "error": (
        "Xin lỗi, đã có lỗi bất ngờ. Tin của bạn không bị mất; hãy thử lại sau ít phút.",
        "Sorry, something unexpected went wrong. Nothing you sent is lost; please try again "
        "in a few minutes.",
    ),
    "admin_only": ("Lệnh này chỉ dành cho quản trị viên.", "This command is for admins only."),
}

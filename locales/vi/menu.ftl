# Menu lệnh, /help, /lang, /cancel, nhóm chat, tin nhắn không rõ.

command-start = Giới thiệu và tham gia
command-report = Trả lời câu hỏi báo cáo của đơn vị
command-status = Xem tiến độ nộp báo cáo
command-newround = Mở kỳ báo cáo mới
command-rounds = Danh sách các kỳ báo cáo
command-remind = Nhắc các đơn vị chưa nộp
command-review = Xem, chấp nhận hoặc trả lại báo cáo đơn vị
command-compile = Tổng hợp dự thảo báo cáo (.docx)
command-export = Xuất câu trả lời ra tệp CSV
command-units = Quản lý danh sách đơn vị
command-invite = Tạo đường liên kết mời
command-help = Các lệnh Anh/Chị được dùng
command-lang = Đổi ngôn ngữ (Tiếng Việt / English)
command-cancel = Dừng thao tác đang làm

help-title = Các lệnh Anh/Chị có thể dùng:
help-stranger = Anh/Chị chưa tham gia. Để tham gia, Anh/Chị mở đường liên kết mời (t.me/…?start=…) do Văn phòng hoặc quản trị viên gửi.
help-reporter = Anh/Chị báo cáo cho: { $units }. Gõ /report để trả lời; có thể dừng giữa chừng và tiếp tục bất cứ lúc nào.

cancel-done = Đã dừng. Các câu trả lời đã lưu vẫn còn nguyên; gõ /report để tiếp tục.
cancel-done-draft = Đã dừng. { $count } phần Anh/Chị gửi cho câu đang trả lời dở (chưa bấm «Xong») không được lưu; các câu trả lời đã lưu vẫn còn nguyên. Gõ /report để tiếp tục.
cancel-nothing = Hiện không có thao tác nào đang dở.

lang-choose = Chọn ngôn ngữ / Choose a language:
lang-name-vi = Tiếng Việt
lang-name-en = English
lang-set = Đã chuyển sang tiếng Việt.
lang-stranger = Ngôn ngữ đang theo cài đặt Telegram của Anh/Chị. Sau khi tham gia, Anh/Chị có thể đổi bằng lệnh /lang.

group-private-only = Tôi chỉ nhận câu trả lời báo cáo trong cuộc trò chuyện riêng để bảo mật thông tin của đơn vị. Anh/Chị vui lòng nhắn riêng cho tôi: https://t.me/{ $bot }
group-private-only-toast = Vui lòng dùng cuộc trò chuyện riêng với bot.

fallback-non-text = Tôi chỉ đọc được tin nhắn chữ. Gõ /report để trả lời báo cáo hoặc /help để xem các lệnh.
fallback-unknown-command = Tôi không có lệnh { $command }. Gõ /help để xem các lệnh Anh/Chị được dùng.
fallback-hint = Tôi chưa rõ Anh/Chị cần gì. Gõ /report để trả lời báo cáo hoặc /help để xem các lệnh.

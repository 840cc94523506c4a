error-try-again = Xin lỗi, hệ thống đang bận hoặc gặp sự cố. Anh/Chị vui lòng thử lại sau ít phút; các câu trả lời đã lưu không bị mất.
start-org-fallback = cơ quan
start-intro =
    Xin chào Anh/Chị! Tôi là trợ lý Tổng hợp của { $org }.
    Mỗi kỳ báo cáo, tôi gửi cho từng đơn vị các câu hỏi của báo cáo, nhắc trước hạn nộp và tổng hợp các câu trả lời thành dự thảo báo cáo chung (.docx) cho Văn phòng.
start-no-role =
    Anh/Chị chưa được gắn với đơn vị hay vai trò nào.
    Để tham gia, Anh/Chị hãy mở đường liên kết mời (t.me/…?start=…) do Văn phòng hoặc quản trị viên gửi; tôi sẽ ghi nhận Anh/Chị vào đúng đơn vị.
start-reporter =
    Anh/Chị báo cáo cho: { $units }.
    Gõ /report để trả lời các câu hỏi của kỳ báo cáo đang mở; Anh/Chị có thể dừng giữa chừng và tiếp tục bất cứ lúc nào.
start-secretary = Với vai trò Văn phòng, Anh/Chị có thể mở kỳ báo cáo (/newround), theo dõi tiến độ (/status), nhắc các đơn vị chậm nộp (/remind) và nhận dự thảo báo cáo tổng hợp (/compile).
start-admin = Với vai trò quản trị, Anh/Chị quản lý đơn vị (/units) và tạo đường liên kết mời (/invite).
start-help-hint = Gõ /help để xem toàn bộ lệnh Anh/Chị được dùng.

# Tham gia bằng đường liên kết mời; người chưa tham gia.

join-refused-unknown = Mã mời này không đúng. Anh/Chị kiểm tra lại đường liên kết (mở đúng đường liên kết được gửi, không gõ lại bằng tay) hoặc đề nghị người gửi tạo đường liên kết mới.
join-refused-used = Mã mời này đã được sử dụng. Mỗi đường liên kết chỉ dùng được một lần; Anh/Chị đề nghị quản trị viên tạo đường liên kết mới.
join-refused-used-by-you = Anh/Chị đã tham gia bằng mã mời này rồi. Gõ /help để xem các lệnh Anh/Chị được dùng.
join-refused-expired = Mã mời này đã hết hạn lúc { $time }. Anh/Chị đề nghị quản trị viên tạo đường liên kết mới.
join-refused-revoked = Mã mời này đã bị thu hồi. Anh/Chị đề nghị quản trị viên tạo đường liên kết mới.
join-refused-unit-inactive = Đơn vị của mã mời này đã ngừng hoạt động nên không tham gia được. Anh/Chị liên hệ quản trị viên.
join-refused-rate-limited = Anh/Chị đã nhập sai mã mời quá nhiều lần. Để bảo vệ hệ thống, vui lòng thử lại sau { $minutes } phút.
join-already-member = Anh/Chị đã có vai trò này từ trước; không có gì thay đổi.
join-welcome-reporter =
    Chào mừng Anh/Chị { $name }! Anh/Chị đã được ghi nhận là người báo cáo của { $unit } ({ $org }).
    Mỗi kỳ báo cáo, tôi sẽ gửi Anh/Chị từng câu hỏi; Anh/Chị trả lời ngay trong cuộc trò chuyện này, có thể dừng và tiếp tục bất cứ lúc nào, xem lại rồi nộp.
join-next-open-round = Hiện đang có kỳ báo cáo mở: Anh/Chị gõ /report để bắt đầu trả lời.
join-next-wait = Hiện chưa có kỳ báo cáo nào đang mở. Khi Văn phòng mở kỳ báo cáo, tôi sẽ nhắn Anh/Chị kèm nút «Bắt đầu trả lời».
join-welcome-secretary =
    Chào mừng Anh/Chị { $name }! Anh/Chị đã được ghi nhận với vai trò Văn phòng (thư ký tổng hợp) của { $org }.
    Anh/Chị có thể mở kỳ báo cáo, theo dõi tiến độ các đơn vị, nhắc đơn vị chậm nộp và nhận dự thảo báo cáo tổng hợp.
join-welcome-admin =
    Chào mừng Anh/Chị { $name }! Anh/Chị đã được ghi nhận là quản trị viên của { $org }.
    Anh/Chị quản lý danh sách đơn vị (/units) và tạo đường liên kết mời cho người báo cáo và Văn phòng (/invite).
stranger-refusal =
    Xin lỗi, Anh/Chị chưa tham gia hệ thống báo cáo nên tôi chưa thể thực hiện yêu cầu này.
    Để tham gia, Anh/Chị mở đường liên kết mời (t.me/…?start=…) do Văn phòng hoặc quản trị viên gửi; tôi sẽ ghi nhận Anh/Chị vào đúng đơn vị.
stranger-refusal-short = Anh/Chị chưa tham gia. Hãy mở đường liên kết mời do quản trị viên gửi.

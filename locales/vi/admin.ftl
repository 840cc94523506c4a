# Quản trị: đơn vị (/units) và đường liên kết mời (/invite).

admin-only = Xin lỗi, chỉ quản trị viên mới dùng được chức năng này.

units-title = Danh sách đơn vị ({ $count }):
units-line = { $number }. { $name } — { $kind } · mã { $code }
units-line-inactive = { $number }. ⏸ { $name } — { $kind } · mã { $code } (ngừng hoạt động)
units-empty = Chưa có đơn vị nào. Quản trị viên có thể nhập danh sách bằng lệnh «npm run import -- org.yaml» hoặc bấm «Thêm đơn vị».
units-button-add = ➕ Thêm đơn vị
units-button-rename = ✏️ Đổi tên
units-button-toggle = ⏯ Ngừng / mở lại
units-ask-name = Anh/Chị gửi tên đơn vị mới (tối đa { $max } ký tự). Gõ /cancel để thôi.
units-ask-kind = Chọn loại đơn vị cho «{ $name }»:
units-pick-kind-first = Anh/Chị bấm chọn loại đơn vị ở tin nhắn trên (hoặc gõ /cancel để thôi).
units-pick-rename = Chọn đơn vị cần đổi tên:
units-pick-toggle = Chọn đơn vị cần ngừng hoạt động hoặc mở lại:
units-ask-new-name = Anh/Chị gửi tên mới cho «{ $name }» (tối đa { $max } ký tự). Gõ /cancel để thôi.
units-name-invalid = Tên đơn vị phải có từ 1 đến { $max } ký tự (tên vừa gửi dài { $length } ký tự). Anh/Chị gửi lại.
units-name-not-text = Anh/Chị vui lòng gõ tên đơn vị bằng chữ (hoặc gõ /cancel để thôi).
units-added = ✅ Đã thêm đơn vị «{ $name }» (mã { $code }).
units-renamed = ✅ Đã đổi tên thành «{ $name }».
units-activated = ✅ Đơn vị «{ $name }» hoạt động trở lại.
units-deactivated = ⏸ Đơn vị «{ $name }» đã ngừng hoạt động: không được hỏi trong các kỳ báo cáo mới và không nhận lời mời mới; câu trả lời cũ vẫn được giữ.
units-no-organisation = Chưa có thông tin cơ quan. Quản trị viên cần nhập trước bằng lệnh «npm run import -- org.yaml».

unit-kind-department = phòng chuyên môn
unit-kind-affiliated = đơn vị trực thuộc
unit-kind-trade-union = công đoàn
unit-kind-youth-union = chi đoàn
unit-kind-party-cell = chi bộ
unit-kind-other = khác

invite-choose-role = Tạo đường liên kết mời cho ai?
invite-button-reporter = 👤 Người báo cáo của một đơn vị
invite-button-secretary = 🗂 Văn phòng (thư ký tổng hợp)
invite-pick-unit = Chọn đơn vị của người báo cáo:
invite-unit-unavailable = Đơn vị này không còn hoạt động hoặc không tồn tại. Gõ /invite để chọn lại.
invite-link-reporter =
    Đường liên kết mời người báo cáo của { $unit } (chỉ dùng một lần, hết hạn lúc { $until }):
    { $link }
    Anh/Chị gửi đường liên kết này cho đúng người; khi họ mở, tôi sẽ ghi nhận họ vào đơn vị.
invite-link-secretary =
    Đường liên kết mời Văn phòng (chỉ dùng một lần, hết hạn lúc { $until }):
    { $link }
    Anh/Chị gửi đường liên kết này cho đúng người.

## Kỳ báo cáo: mở kỳ mới (/newround), danh sách và quản lý kỳ (/rounds), nhắc ngay các đơn vị chưa nộp (/remind).

## Mở kỳ báo cáo mới

newround-no-organisation = Chưa có thông tin cơ quan. Quản trị viên cần nhập cơ quan và đơn vị trước (lệnh «npm run import -- org.yaml»), sau đó Anh/Chị mới mở được kỳ báo cáo.
newround-pick-template =
    🆕 Mở kỳ báo cáo mới
    Bước 1. Anh/Chị chọn mẫu báo cáo:
newround-pick-kind =
    🆕 Mở kỳ báo cáo mới — { $template }
    Bước 2. Anh/Chị chọn loại kỳ báo cáo:
newround-kind-month = Tháng
newround-kind-quarter = Quý
newround-kind-half-year = 6 tháng
newround-kind-nine-months = 9 tháng
newround-kind-year = Năm
newround-pick-period =
    🆕 Mở kỳ báo cáo mới — { $template }
    Bước 2. Loại kỳ: { $kind }. Anh/Chị chọn kỳ gợi ý dưới đây hoặc bấm «Kỳ khác».
newround-button-other-period = 📅 Kỳ khác…
newround-pick-number =
    🆕 Mở kỳ báo cáo mới — { $template }
    Bước 2. Anh/Chị chọn kỳ ({ $kind }):
newround-pick-year =
    🆕 Mở kỳ báo cáo mới — { $template }
    Bước 2. Anh/Chị chọn năm của kỳ báo cáo:
newround-ask-deadline =
    🆕 Kỳ báo cáo { $period } — { $template }
    Bước 3. Anh/Chị gõ hạn nộp theo dạng ngày/tháng/năm, ví dụ 10/10/2024 (hạn là 17:00 ngày đó), hoặc kèm giờ, ví dụ 10/10/2024 16:30.
    Gõ /cancel để thôi.
newround-ask-request =
    Hạn nộp: { $deadline }.
    Bước 4. Anh/Chị gõ văn bản yêu cầu báo cáo, ví dụ: Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở.
    Nếu không có văn bản, Anh/Chị bấm nút dưới đây.
newround-button-no-request = ⏭ Không có văn bản, bỏ qua
newround-request-empty = Văn bản yêu cầu đang trống. Anh/Chị gõ lại, hoặc bấm «Không có văn bản, bỏ qua» ở tin nhắn trên.
newround-request-too-long = Văn bản yêu cầu dài { $length } ký tự, vượt giới hạn { $max } ký tự. Anh/Chị chỉ cần ghi số, ngày và cơ quan ban hành văn bản.
newround-ask-recipients =
    Bước 5. Nơi nhận báo cáo («Kính gửi») theo mặc định:
    { $recipients }
    Anh/Chị bấm «Giữ nguyên», hoặc gõ danh sách khác, mỗi nơi nhận một dòng (tối đa { $max } dòng).
newround-ask-recipients-none =
    Bước 5. Mẫu báo cáo và cơ quan chưa có nơi nhận («Kính gửi») mặc định.
    Anh/Chị gõ danh sách nơi nhận, mỗi nơi nhận một dòng (tối đa { $max } dòng).
newround-button-keep-recipients = ✅ Giữ nguyên
newround-recipients-empty = Danh sách nơi nhận đang trống. Anh/Chị gõ mỗi nơi nhận một dòng.
newround-recipients-too-many = Danh sách có { $length } nơi nhận, nhiều hơn mức tối đa { $max }. Anh/Chị gõ lại danh sách ngắn hơn.
newround-recipients-too-long = Có một nơi nhận dài { $length } ký tự, vượt giới hạn { $max } ký tự. Anh/Chị gõ lại.
newround-summary =
    Bước 6. Anh/Chị kiểm tra lại trước khi mở kỳ báo cáo:
    • Mẫu báo cáo: { $template }
    • Kỳ báo cáo: { $period }
    • Hạn nộp: { $deadline }
    • Văn bản yêu cầu: { $request }
    • Kính gửi:
    { $recipients }
    • Đơn vị được hỏi: { $units } đơn vị
newround-summary-no-request = (không có)
newround-summary-no-recipients = (chưa có)
newround-summary-no-reporter = ⚠️ { $count } đơn vị chưa có người báo cáo: { $units }. Kỳ báo cáo vẫn mở được; quản trị viên có thể mời họ bằng /invite.
newround-button-confirm = ✅ Mở kỳ báo cáo
newround-button-cancel = ✖️ Hủy
newround-cancelled = Đã hủy; chưa có kỳ báo cáo nào được mở.
newround-nothing-to-cancel = Không có kỳ báo cáo nào đang soạn.
newround-stale-button = Nút này đã cũ (bước này đã qua hoặc đã hủy); không có gì thay đổi. Anh/Chị gõ /newround để bắt đầu lại.
newround-use-buttons = Anh/Chị vui lòng bấm chọn ở tin nhắn trên (hoặc gõ /cancel để thôi).
newround-deadline-passed-meanwhile = Hạn nộp { $deadline } đã qua trong lúc chờ xác nhận. Anh/Chị gõ hạn nộp mới; các thông tin khác vẫn được giữ.
newround-duplicate = Kỳ báo cáo { $round } đang mở rồi nên tôi không mở thêm. Anh/Chị dùng /rounds để dời hạn, đóng hoặc mở lại kỳ đó.
newround-no-units = Mẫu báo cáo này không hỏi đơn vị nào đang hoạt động nên chưa mở kỳ báo cáo. Anh/Chị kiểm tra danh sách đơn vị (/units) và loại đơn vị.
newround-opened =
    ✅ Đã mở kỳ báo cáo { $round }.
    Hạn nộp: { $deadline }.
    Đã tạo báo cáo cho { $units } đơn vị.
newround-opened-prompted = 📣 Đã gửi lời mời trả lời tới { $count } người báo cáo.
newround-opened-no-reporter = ⚠️ { $count } đơn vị chưa có người báo cáo: { $units }. Quản trị viên có thể mời họ bằng /invite.
newround-opened-unreachable = ⚠️ Không nhắn được cho { $count } người (đã chặn bot hoặc không còn dùng Telegram); Anh/Chị vui lòng liên hệ trực tiếp.
newround-opened-failed = ⚠️ Chưa gửi được lời mời tới { $count } người; họ vẫn nhận nhắc việc theo lịch.
newround-opened-prompt-error = ⚠️ Chưa gửi được lời mời trả lời lúc này; người báo cáo vẫn nhận nhắc việc theo lịch và có thể gõ /report để trả lời.
newround-opened-reminders = 🔔 Đã lên lịch { $count } lượt nhắc việc cho các đơn vị chưa nộp và Văn phòng.

## Hạn nộp gõ vào (mở kỳ mới, dời hạn)

rounds-deadline-empty = Anh/Chị gõ hạn nộp theo dạng ngày/tháng/năm, ví dụ 10/10/2024.
rounds-deadline-not-a-date = Tôi chưa hiểu «{ $text }» là ngày nào. Anh/Chị gõ theo dạng ngày/tháng/năm, ví dụ 10/10/2024 hoặc 10/10/2024 16:30.
rounds-deadline-impossible-date = Ngày «{ $text }» không có trên lịch. Anh/Chị kiểm tra lại ngày và tháng.
rounds-deadline-bad-time = Giờ trong «{ $text }» không hợp lệ (giờ từ 0 đến 23, phút từ 0 đến 59). Anh/Chị gõ lại, ví dụ 10/10/2024 16:30.
rounds-deadline-past = Hạn nộp { $deadline } đã qua (bây giờ là { $now }). Anh/Chị gõ một thời điểm sau bây giờ.

## Danh sách và quản lý kỳ báo cáo

rounds-title = 📅 Các kỳ báo cáo
rounds-empty = Chưa có kỳ báo cáo nào. Anh/Chị gõ /newround để mở kỳ đầu tiên.
rounds-line =
    { $number }. { $mark } { $round }
    { $state } · hạn nộp { $deadline } · đã nộp { $submitted }/{ $total } đơn vị
rounds-state-open = đang nhận báo cáo
rounds-state-overdue = đã quá hạn, vẫn đang nhận
rounds-state-closed = đã đóng
rounds-state-draft = chưa mở
rounds-button-move = { $number }. ⏰ Dời hạn
rounds-button-close = { $number }. 🔒 Đóng
rounds-button-reopen = { $number }. 🔓 Mở lại
rounds-button-refresh = 🔄 Cập nhật
rounds-ask-deadline =
    ⏰ Kỳ báo cáo { $round }, hạn nộp hiện tại { $deadline }.
    Anh/Chị gõ hạn nộp mới theo dạng ngày/tháng/năm (hạn là 17:00 ngày đó) hoặc kèm giờ, ví dụ 25/10/2024 16:30. Gõ /cancel để thôi.
rounds-deadline-moved = ⏰ Đã dời hạn nộp kỳ báo cáo { $round } từ { $from } sang { $to }. Lịch nhắc việc đã được cập nhật theo hạn mới.
rounds-confirm-close =
    Anh/Chị đóng kỳ báo cáo { $round }? Đã nộp { $submitted }/{ $total } đơn vị.
    Sau khi đóng, các đơn vị không sửa hay nộp câu trả lời được nữa và không còn nhắc việc. Anh/Chị có thể mở lại sau.
rounds-button-confirm-close = 🔒 Đóng kỳ báo cáo
rounds-button-keep-open = Không đóng
rounds-closed = 🔒 Đã đóng kỳ báo cáo { $round }; đã bỏ { $removed } lượt nhắc việc đang chờ. Anh/Chị gõ /compile để nhận bản tổng hợp cuối.
rounds-reopened = 🔓 Đã mở lại kỳ báo cáo { $round }, hạn nộp { $deadline }. Đơn vị chưa nộp có thể trả lời tiếp; đã lên lịch { $planned } lượt nhắc việc.
rounds-reopened-past-deadline = Hạn nộp đã qua; Anh/Chị bấm «Dời hạn» nếu muốn gia hạn cho các đơn vị.
rounds-refused-not-found = Kỳ báo cáo này không còn nữa; không có gì thay đổi.
rounds-refused-not-open = Kỳ báo cáo này không còn mở; không có gì thay đổi.
rounds-refused-not-closed = Kỳ báo cáo này đang mở; không có gì thay đổi.
rounds-refused-deadline-past = Hạn nộp mới đã qua. Anh/Chị gõ một thời điểm sau bây giờ.
rounds-not-text = Anh/Chị vui lòng gõ bằng chữ (hoặc gõ /cancel để thôi).

## Nhắc ngay (/remind)

remind-no-open-round = Không có kỳ báo cáo nào đang mở nên không có gì để nhắc.
remind-pick-round = Đang có nhiều kỳ báo cáo mở. Anh/Chị chọn kỳ cần nhắc các đơn vị chưa nộp:
remind-round = Kỳ báo cáo { $round }:
remind-unavailable = Chưa gửi được nhắc việc lúc này (hàng đợi nhắc việc chưa sẵn sàng). Anh/Chị vui lòng thử lại sau ít phút.

### ── admin ──

# Quản trị: đơn vị (/units), lời mời (/invite) và người dùng (/people).

admin-only = Xin lỗi, chỉ quản trị viên mới dùng được chức năng này.

units-title = Danh sách đơn vị ({ $count }):
units-line = { $number }. { $name } — { $kind } · mã { $code }
units-line-inactive = { $number }. ⏸ { $name } — { $kind } · mã { $code } (ngừng hoạt động)
units-empty = Chưa có đơn vị nào. Quản trị viên có thể nhập danh sách bằng lệnh “npm run import -- org.yaml” hoặc bấm “Thêm đơn vị”.
units-button-add = ➕ Thêm đơn vị
units-button-rename = ✏️ Đổi tên
units-button-toggle = ⏯ Ngừng / mở lại
units-ask-name = Anh/Chị gửi tên đơn vị mới (tối đa { $max } ký tự). Gõ /cancel để thôi.
units-ask-kind = Chọn loại đơn vị cho “{ $name }”:
units-pick-kind-first = Anh/Chị chọn loại đơn vị ở tin nhắn trên (bấm nút hoặc gõ số thứ tự), hoặc gõ /cancel để thôi.
units-pick-rename = Chọn đơn vị cần đổi tên:
units-pick-toggle = Chọn đơn vị cần ngừng hoạt động hoặc mở lại:
units-ask-new-name = Anh/Chị gửi tên mới cho “{ $name }” (tối đa { $max } ký tự). Gõ /cancel để thôi.
units-name-invalid = Tên đơn vị phải có từ 1 đến { $max } ký tự (tên vừa gửi dài { $length } ký tự). Anh/Chị gửi lại.
units-name-not-text = Anh/Chị vui lòng gõ tên đơn vị bằng chữ (hoặc gõ /cancel để thôi).
units-added = ✅ Đã thêm đơn vị “{ $name }” (mã { $code }).
units-renamed = ✅ Đã đổi tên thành “{ $name }”.
units-activated = ✅ Đơn vị “{ $name }” hoạt động trở lại.
units-deactivated = ⏸ Đơn vị “{ $name }” đã ngừng hoạt động: không được hỏi trong các kỳ báo cáo mới và không nhận lời mời mới; câu trả lời cũ vẫn được giữ.
units-no-organisation = Chưa có thông tin cơ quan. Quản trị viên cần nhập trước bằng lệnh “npm run import -- org.yaml”.

unit-kind-department = phòng chuyên môn
unit-kind-affiliated = đơn vị trực thuộc
unit-kind-trade-union = công đoàn
unit-kind-youth-union = chi đoàn
unit-kind-party-cell = chi bộ
unit-kind-other = khác
unit-kind-office = văn phòng

invite-choose-role = Anh/Chị muốn mời ai tham gia?
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

admin-page = Trang { $page }/{ $pages }
admin-button-previous = ◀️ Trang trước
admin-button-next = Trang sau ▶️
units-reporters = Người báo cáo: { $names }
units-no-reporter = ⚠️ chưa có người báo cáo

invite-button-reporter-via = 👤 Người báo cáo · { $via ->
        [zalo] mã Zalo
       *[other] liên kết Telegram
    }
invite-button-secretary-via = 🗂 Văn phòng (thư ký) · { $via ->
        [zalo] mã Zalo
       *[other] liên kết Telegram
    }
invite-button-cancel = ✖️ Hủy
invite-cancelled = Đã hủy; không tạo lời mời nào.
invite-no-channel = Chưa tạo được lời mời vì hệ thống chưa kết nối kênh nhắn tin nào. Anh/Chị liên hệ người quản lý máy chủ.
invite-kinds-explained =
    • Liên kết Telegram: người được mời mở liên kết trên Telegram là tham gia.
    • Mã Zalo: người được mời quan tâm Official Account của cơ quan trên Zalo rồi gửi mã cho Official Account.
invite-role-reporter = người báo cáo của { $unit }
invite-role-secretary = Văn phòng (thư ký tổng hợp)
invite-code-made = Đã tạo mã mời Zalo cho { $who }. Anh/Chị chuyển nguyên văn tin nhắn dưới đây cho đúng người; mã chỉ dùng được một lần.
invite-code-message =
    Anh/Chị được mời tham gia hệ thống báo cáo Tổng hợp của { $org } với vai trò { $who }. Cách tham gia trên Zalo:
    1. Mở { $link } và bấm “Quan tâm” để theo dõi Official Account.
    2. Gửi mã sau vào khung chat với Official Account:
    { $code }
    Mã chỉ dùng một lần, hết hạn lúc { $until }.

people-title = Người dùng theo vai trò ({ $count } vai trò):
people-group-admins = Quản trị viên:
people-group-office = Văn phòng (thư ký tổng hợp):
people-nobody = chưa có ai
people-hint = Chọn “✖️ …” bên dưới để gỡ một vai trò; tôi sẽ hỏi lại trước khi gỡ.
people-button-revoke = ✖️ { $name } — { $role }
people-role = { $role ->
        [ADMIN] quản trị viên
        [SECRETARY] Văn phòng (thư ký tổng hợp)
       *[REPORTER] người báo cáo của { $unit }
    }
people-confirm = Gỡ vai trò của { $name }: { $role }?
people-confirm-effect-reporter = Từ tin nhắn tiếp theo, người này không trả lời báo cáo cho đơn vị được nữa và không nhận nhắc việc, thông báo của đơn vị. Các câu trả lời đã gửi vẫn được giữ.
people-confirm-effect-secretary = Từ tin nhắn tiếp theo, người này không dùng được các lệnh của Văn phòng và không nhận bản tin tiến độ, thông báo nộp báo cáo nữa.
people-confirm-effect-admin = Từ tin nhắn tiếp theo, người này không quản lý đơn vị, người dùng và lời mời được nữa.
people-confirm-self = Đây là vai trò của chính Anh/Chị.
people-button-confirm = ✅ Gỡ vai trò
people-button-back = ↩️ Quay lại
people-removed = ✅ { $name } không còn là { $role }.
people-already-removed = Vai trò này đã được gỡ trước đó; danh sách dưới đây là danh sách hiện tại.
people-last-admin = Không gỡ được: Anh/Chị là quản trị viên duy nhất còn lại; nếu gỡ, sẽ không còn ai quản lý đơn vị, người dùng và lời mời. Anh/Chị hãy mời thêm một quản trị viên trước (lệnh “npm run invite -- --role admin” trên máy chủ), rồi gỡ vai trò của mình sau.
people-removed-notice = Anh/Chị không còn là { $role } trong hệ thống báo cáo Tổng hợp: quản trị viên đã gỡ vai trò này. Nếu có nhầm lẫn, Anh/Chị liên hệ quản trị viên.

### ── common ──

error-try-again = Xin lỗi, hệ thống đang bận hoặc gặp sự cố. Anh/Chị vui lòng thử lại sau ít phút; các câu trả lời đã lưu không bị mất.
start-org-fallback = cơ quan
start-intro =
    Xin chào Anh/Chị! Tôi là trợ lý Tổng hợp của { $org }.
    Mỗi kỳ báo cáo, tôi gửi cho từng đơn vị các câu hỏi của báo cáo, nhắc trước hạn nộp và tổng hợp các câu trả lời thành dự thảo báo cáo chung (.docx) cho Văn phòng.
start-no-role =
    Anh/Chị chưa được gắn với đơn vị hay vai trò nào.
    Để tham gia, Anh/Chị hãy { $channel ->
        [zalo] gửi cho tôi mã mời (dạng K7QM-3XD9-PA) mà Văn phòng hoặc quản trị viên đã gửi Anh/Chị
       *[other] mở đường liên kết mời (t.me/…?start=…) do Văn phòng hoặc quản trị viên gửi
    }; tôi sẽ ghi nhận Anh/Chị vào đúng đơn vị.
start-reporter =
    Anh/Chị báo cáo cho: { $units }.
    Gõ /report để trả lời các câu hỏi của kỳ báo cáo đang mở; Anh/Chị có thể dừng giữa chừng và tiếp tục bất cứ lúc nào.
start-secretary = Với vai trò Văn phòng, Anh/Chị có thể mở kỳ báo cáo (/newround), theo dõi tiến độ (/status), nhắc các đơn vị chậm nộp (/remind) và nhận dự thảo báo cáo tổng hợp (/compile).
start-admin = Với vai trò quản trị, Anh/Chị quản lý đơn vị (/units), tạo đường liên kết mời (/invite) và thêm mẫu báo cáo bằng cách gửi tệp .yaml vào đây.
start-help-hint = Gõ /help để xem toàn bộ lệnh Anh/Chị được dùng.
flood-slow-down = Anh/Chị đang gửi quá nhiều tin nhắn trong thời gian ngắn nên các tin nhắn vừa gửi thêm chưa được xử lý. Anh/Chị vui lòng đợi khoảng một phút rồi gửi lại.

### ── conversation ──

# Trả lời báo cáo: câu hỏi, xem lại, nộp.

conversation-resuming = Tiếp tục từ câu Anh/Chị đang trả lời dở.
conversation-already-submitted = Báo cáo của đơn vị đã được nộp lúc { $time }. Anh/Chị vẫn có thể sửa bất kỳ câu nào cho đến khi kỳ báo cáo đóng; Văn phòng dùng bản đã nộp cho đến khi Anh/Chị bấm “Nộp lại báo cáo”.
conversation-returned = Văn phòng đã trả lại { $count } câu để Anh/Chị bổ sung; nội dung Anh/Chị gửi được thêm vào câu trả lời đã có.
conversation-all-answered = Tất cả các câu đã có câu trả lời. Anh/Chị xem lại rồi bấm “Nộp báo cáo”.
conversation-stale-button = Nút này đã cũ (thuộc một câu hỏi trước hoặc một kỳ báo cáo khác) nên tôi không thực hiện. Các câu trả lời đã lưu không thay đổi. Gõ /report để tiếp tục.
conversation-stale-button-toast = Nút này đã cũ; không có gì thay đổi.
conversation-cannot-edit = Câu này không sửa được lúc này.
conversation-changed-since-preview = Báo cáo vừa có thay đổi sau lần xem trước (có thể do người khác trong đơn vị). Đây là bản mới nhất; Anh/Chị xem lại rồi bấm “Nộp báo cáo”.
conversation-nothing-to-submit = Báo cáo đã được nộp, không có thay đổi mới.
conversation-required-no-skip = Câu này bắt buộc, không bỏ qua được.
conversation-first-question = Đây là câu đầu tiên.
conversation-no-last-value = Không có câu trả lời kỳ trước cho câu này.
conversation-no-current-value = Câu này chưa có câu trả lời.
conversation-draft-cleared = Đã xóa các phần gửi trước đây cho câu này. Anh/Chị gõ câu trả lời trong một tin nhắn.
conversation-pick-at-least-one = Anh/Chị chọn ít nhất một mục rồi bấm “Xong”.
conversation-locked-round-closed = Kỳ báo cáo này đã đóng; không thể thay đổi câu trả lời nữa.
conversation-locked-round-not-open = Kỳ báo cáo này chưa mở; Văn phòng sẽ báo khi bắt đầu nhận câu trả lời.
conversation-locked-accepted = Báo cáo của đơn vị đã được Văn phòng tiếp nhận nên không sửa được nữa. Nếu cần thay đổi, Anh/Chị liên hệ Văn phòng.
conversation-preview-text = Anh/Chị đang xem lại báo cáo. Bấm “Nộp báo cáo” để gửi, hoặc bấm số câu (✏️) để sửa câu đó.
conversation-non-text = Tôi chỉ đọc được tin nhắn chữ. Anh/Chị vui lòng gõ câu trả lời (ảnh, nhãn dán, tin nhắn thoại hay tệp đính kèm không được lưu).
conversation-non-text-buttons = Tôi chỉ đọc được tin nhắn chữ. Anh/Chị vui lòng bấm một nút bên dưới hoặc gõ câu trả lời.
conversation-not-a-reporter = Anh/Chị chưa được giao báo cáo cho đơn vị nào nên không có câu hỏi để trả lời. Nếu Anh/Chị cần báo cáo cho một đơn vị, vui lòng đề nghị quản trị viên gửi đường liên kết mời.
conversation-no-open-round = Hiện chưa có kỳ báo cáo nào đang mở cho đơn vị của Anh/Chị. Khi Văn phòng mở kỳ báo cáo, tôi sẽ nhắn Anh/Chị.
conversation-choose = Anh/Chị có { $count } báo cáo cần trả lời. Chọn báo cáo muốn làm:
conversation-choose-line = { $number }. { $unit } — { $round } (hạn { $deadline }; { $status })
conversation-idle-hint = Gõ /report để trả lời câu hỏi báo cáo.
conversation-not-your-unit = Anh/Chị không báo cáo cho đơn vị này nên không xem hay sửa được câu trả lời của đơn vị. Gõ /report để làm báo cáo của đơn vị mình.
conversation-submitted = ✅ Đã nộp báo cáo của { $unit } lúc { $time }. Cảm ơn Anh/Chị! Anh/Chị vẫn có thể sửa câu trả lời cho đến khi kỳ báo cáo đóng (gõ /report).
conversation-resubmitted = ✅ Đã nộp lại báo cáo của { $unit } lúc { $time }. Văn phòng sẽ xem phần Anh/Chị bổ sung.
conversation-submit-refused-not-found = Không tìm thấy báo cáo này. Gõ /report để bắt đầu lại.
conversation-submit-refused-round-closed = Kỳ báo cáo đã đóng nên không nộp được nữa.
conversation-submit-refused-round-not-open = Kỳ báo cáo chưa mở nên chưa nộp được.
conversation-submit-refused-accepted = Báo cáo đã được Văn phòng tiếp nhận.
conversation-submit-refused-already-submitted = Báo cáo đã được nộp, không có thay đổi mới.
conversation-submit-refused-check-failed =
    ⚠️ Báo cáo chưa nộp được vì số liệu chưa khớp:
    { $problems }
    Anh/Chị sửa câu trả lời liên quan rồi nộp lại.
conversation-save-refused-not-found = Không tìm thấy báo cáo này; câu trả lời chưa được lưu. Gõ /report để bắt đầu lại.
conversation-save-refused-round-closed = Kỳ báo cáo vừa đóng nên câu trả lời này không được lưu.
conversation-save-refused-round-not-open = Kỳ báo cáo chưa mở nên câu trả lời này chưa được lưu.
conversation-save-refused-accepted = Báo cáo đã được Văn phòng tiếp nhận nên câu trả lời này không được lưu.
conversation-save-refused-not-returned = Văn phòng chỉ trả lại một số câu; câu này không sửa được lúc này.
conversation-saved = ✅ Đã lưu câu { $number }.
conversation-skipped = ⏭ Đã bỏ qua câu { $number }.
conversation-overwrote = ⚠️ Trong lúc Anh/Chị nhập, { $name } đã trả lời câu này (lúc { $time }). Câu trả lời của Anh/Chị đã được lưu thay thế; bản của { $name } vẫn còn trong lịch sử sửa đổi.
conversation-overwritten-by = ⚠️ { $name } vừa thay câu trả lời của Anh/Chị cho câu { $number } trong báo cáo của { $unit }. Bản của Anh/Chị vẫn còn trong lịch sử sửa đổi; gõ /report để xem lại.
conversation-edited-message = Sửa tin nhắn đã gửi không làm thay đổi câu trả lời đã lưu. Để sửa, Anh/Chị gõ /report, bấm “Xem lại” rồi chọn số câu cần sửa.

answer-error-empty = Tôi chưa nhận được nội dung nào. Anh/Chị vui lòng gõ câu trả lời.
answer-error-too-long = Câu trả lời dài { $length } ký tự, vượt giới hạn { $max } ký tự của câu này. Anh/Chị vui lòng rút gọn (tối đa { $max } ký tự) rồi gửi lại.
answer-error-draft-empty = Anh/Chị chưa gửi nội dung nào cho câu này. Anh/Chị gõ câu trả lời trong một tin nhắn.
answer-error-not-a-number = “{ $text }” không phải là một con số. Anh/Chị gõ một số, ví dụ 12, 1.234 hoặc 1,5 (gõ “không” nếu là 0).
answer-error-number-below-min = Số này nhỏ hơn mức cho phép. Anh/Chị gõ một số từ { $min } trở lên.
answer-error-number-above-max = Số này lớn hơn mức cho phép. Anh/Chị gõ một số không quá { $max }.
answer-error-number-not-integer = Câu này cần một số nguyên (không có phần thập phân), ví dụ 12.
answer-error-not-a-date = “{ $text }” không phải là ngày. Anh/Chị gõ theo dạng ngày/tháng/năm, ví dụ 05/3/2025.
answer-error-impossible-date = Ngày “{ $text }” không có thật (ngày/tháng không hợp lệ). Anh/Chị kiểm tra lại, ví dụ 05/3/2025.
answer-error-not-yes-no = Anh/Chị bấm “Có” hoặc “Không” (hoặc gõ có/không).
answer-error-unknown-option = Không có lựa chọn “{ $text }”. Anh/Chị bấm một nút bên dưới hoặc gõ số thứ tự của lựa chọn.
answer-error-too-many-items = Danh sách có { $count } mục, vượt mức tối đa { $max } mục. Anh/Chị gộp bớt rồi gửi lại.
answer-error-item-too-long = Mục thứ { $item } dài { $length } ký tự, vượt giới hạn { $max } ký tự cho mỗi mục. Anh/Chị rút gọn mục đó rồi gửi lại.
answer-error-too-many-options = Chỉ được chọn tối đa { $max } mục.

question-header = Câu { $number }/{ $total } · { $unit }
question-help = ℹ️ { $help }
question-example = ✏️ Ví dụ: { $example }
question-returned = 🔁 Văn phòng đề nghị bổ sung: { $comment }
question-current =
    💾 Câu trả lời hiện tại ({ $author }, { $time }):
    { $answer }
question-current-skipped = 💾 Câu này đã được bỏ qua ({ $author }, { $time }).
question-last-period =
    🕘 Kỳ trước đơn vị đã trả lời:
    { $answer }
question-hint-short-text = 👉 Gõ câu trả lời ngắn (tối đa { $max } ký tự).
question-hint-long-text = 👉 Gõ câu trả lời trong một tin nhắn (tối đa { $max } ký tự); tôi lưu ngay khi nhận.
question-hint-list = 👉 Gửi các mục trong một tin nhắn, mỗi mục một dòng (tối đa { $maxItems } mục); tôi lưu ngay khi nhận.
question-hint-number = 👉 Gõ một con số, ví dụ 12, 1.234 hoặc 1,5 (gõ “không” nếu là 0).
question-hint-yes-no = 👉 Bấm “Có” hoặc “Không”.
question-hint-single-choice = 👉 Bấm một lựa chọn bên dưới (hoặc gõ số thứ tự).
question-hint-multiple-choice = 👉 Bấm để chọn hoặc bỏ chọn từng mục rồi bấm “Xong”, hoặc gõ số thứ tự các mục trong một tin nhắn, ví dụ 1, 3 (tối đa { $maxItems } mục).
question-hint-date = 👉 Gõ ngày theo dạng ngày/tháng/năm, ví dụ 05/3/2025.
question-hint-document-ref = 👉 Gõ tên văn bản, số, ngày và cơ quan ban hành, ví dụ: Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo (tối đa { $max } ký tự).
question-optional = Câu này không bắt buộc; có thể bấm “Bỏ qua”.
question-selected = Đã chọn: { $count } mục.

button-yes = Có
button-no = Không
button-done = ✅ Xong
button-done-selected = ✅ Xong (đã chọn { $count })
button-clear = 🗑 Xóa làm lại
button-keep-last = 🕘 Giữ như kỳ trước
button-keep-current = ➡️ Giữ nguyên câu trả lời
button-skip = ⏭ Bỏ qua
button-back = ⬅️ Câu trước
button-preview = 📋 Xem lại
button-submit = 📤 Nộp báo cáo
button-continue = ▶️ Trả lời tiếp
button-start-answering = ▶️ Bắt đầu trả lời
button-forged = Nút này không hợp lệ hoặc đã cũ nên tôi không thực hiện; không có gì thay đổi. Gõ /report để tiếp tục.

value-yes = Có
value-no = Không

preview-title = 📋 Xem lại báo cáo của { $unit }
preview-round = Kỳ báo cáo: { $round } · Hạn nộp: { $deadline }
preview-status = Trạng thái: { $status }
preview-returned-comment = Ý kiến của Văn phòng: { $comment }
preview-missing-required = ⚠️ Chưa trả lời (bắt buộc)
preview-missing = — Chưa trả lời
preview-skipped = — Bỏ qua
preview-locked = Báo cáo đã được Văn phòng tiếp nhận; không sửa được nữa.
preview-missing-list = Còn { $count } câu bắt buộc chưa trả lời: câu { $numbers }. Anh/Chị trả lời xong mới nộp được.
preview-submitted = Báo cáo đã được nộp lúc { $time }.
preview-ready = Tất cả các câu bắt buộc đã có câu trả lời. Bấm “Nộp báo cáo” để gửi Văn phòng.
preview-edit-hint = Muốn sửa câu nào, Anh/Chị bấm số của câu đó (✏️).

status-not-started = Chưa bắt đầu
status-in-progress = Đang trả lời
status-submitted = Đã nộp
status-returned = Được trả lại để bổ sung
status-accepted = Đã được tiếp nhận

prompt-round-open =
    📣 Kỳ báo cáo { $round } đã mở.
    Đơn vị: { $unit } — { $count } câu hỏi.
    Hạn nộp: { $deadline }.
    Anh/Chị bấm “Bắt đầu trả lời” (hoặc gõ /report). Có thể dừng giữa chừng và tiếp tục bất cứ lúc nào; mỗi câu trả lời được lưu ngay.
conversation-choice-waiting = Các mục Anh/Chị vừa gửi đang chờ: thêm vào danh sách hay thay thế?
conversation-editing-submitted = ✏️ Báo cáo đã nộp lúc { $time } đang được sửa. Văn phòng vẫn dùng bản đã nộp; các thay đổi (đánh dấu 📝) chỉ đến Văn phòng khi Anh/Chị bấm “Nộp lại báo cáo”.
conversation-edit-after-submit = ✏️ Anh/Chị vừa sửa báo cáo đã nộp lúc { $time }. Văn phòng vẫn dùng bản đã nộp cho đến khi Anh/Chị bấm “Nộp lại báo cáo”.
conversation-resubmitted-edited = ✅ Đã nộp lại báo cáo của { $unit } lúc { $time }; từ nay Văn phòng dùng bản này. Cảm ơn Anh/Chị!
conversation-pending-dropped = Đã bỏ các mục vừa gửi; danh sách giữ nguyên.
conversation-done-not-needed = Câu { $number } đã được lưu ngay khi Anh/Chị gửi, không cần gõ “xong”. Muốn thêm vào câu đó, Anh/Chị bấm “➕ Bổ sung câu { $number }”.
conversation-saved-value = ✅ Đã lưu câu { $number }: { $value }
conversation-saved-kept = ✅ Đã lưu câu { $number } (giữ như kỳ trước).
conversation-saved-text-replaced = ✅ Đã lưu câu { $number }, thay cho câu trả lời trước.
conversation-saved-list = ✅ Đã lưu câu { $number } ({ $count } mục).
conversation-saved-list-replaced = ✅ Đã lưu câu { $number }: { $count } mục, thay cho danh sách trước.
conversation-saved-text-added = ✅ Đã thêm vào câu trả lời câu { $number } (nay dài { $length } ký tự).
conversation-saved-list-added = ✅ Đã thêm { $added } mục vào câu { $number } (nay { $count } mục).
conversation-part-text = ➕ Phần tiếp theo của tin nhắn dài đã được nối vào câu { $number } (nay dài { $length } ký tự).
conversation-part-list = ➕ { $added } mục tiếp theo đã được thêm vào câu { $number } (nay { $count } mục).
answer-error-added-too-long = Nếu thêm nội dung vừa gửi, câu trả lời sẽ dài { $length } ký tự, vượt giới hạn { $max } ký tự. Phần vừa gửi chưa được lưu; câu trả lời cũ giữ nguyên. Anh/Chị rút gọn, hoặc bấm “🔄 Thay câu trả lời” để gửi bản mới thay cho bản cũ.
answer-error-part-too-long = Phần tiếp theo của tin nhắn làm câu { $number } dài { $length } ký tự, vượt giới hạn { $max } ký tự, nên chưa được lưu; phần trước vẫn giữ.
question-mode-list-ask = Câu này đang có { $count } mục. Khi Anh/Chị gửi các mục mới, tôi sẽ hỏi thêm vào danh sách hay thay thế (hoặc Anh/Chị bấm chọn trước).
question-mode-list-add = ➕ Các mục Anh/Chị gửi sẽ được THÊM vào { $count } mục hiện có.
question-mode-list-replace = 🔄 Các mục Anh/Chị gửi sẽ THAY THẾ cả danh sách hiện có ({ $count } mục).
question-mode-text-add = ➕ Nội dung Anh/Chị gửi sẽ được THÊM vào sau câu trả lời hiện có.
question-mode-text-replace = 🔄 Nội dung Anh/Chị gửi sẽ THAY THẾ câu trả lời hiện có.
question-draft-kept = 📝 Còn { $count } phần Anh/Chị gửi trước đây cho câu này chưa được lưu: gõ “xong” để lưu, hoặc gửi tiếp để gộp vào.
choice-current =
    Câu { $number } đang có { $count } mục:
    { $current }
choice-added =
    Anh/Chị vừa gửi { $count } mục:
    { $items }
choice-ask = Thêm các mục mới vào danh sách, hay thay cả danh sách bằng các mục mới?
button-mode-add-list = ➕ Thêm vào danh sách
button-mode-replace-list = 🔄 Thay cả danh sách
button-mode-add-text = ➕ Thêm vào câu trả lời
button-mode-replace-text = 🔄 Thay câu trả lời
button-add-more = ➕ Bổ sung câu { $number }
button-choice-add = ➕ Thêm vào (thành { $count } mục)
button-choice-replace = 🔄 Thay thế (còn { $count } mục)
button-choice-drop = ✖️ Bỏ các mục vừa gửi
button-resubmit = 📤 Nộp lại báo cáo
status-editing = Đã nộp, đang sửa (chưa nộp lại)
preview-editing = 📝 Đã sửa từ khi nộp lúc { $time }: { $count ->
        [1] câu
       *[other] các câu
    } { $numbers }. Văn phòng vẫn dùng bản đã nộp cho đến khi Anh/Chị bấm “Nộp lại báo cáo”.
preview-editing-unchanged = 📝 Báo cáo đã nộp lúc { $time } đang được sửa. Văn phòng vẫn dùng bản đã nộp cho đến khi Anh/Chị bấm “Nộp lại báo cáo”.
preview-ready-again = Bấm “Nộp lại báo cáo” để gửi bản mới cho Văn phòng.


### ── join ──

# Tham gia bằng đường liên kết mời; người chưa tham gia.

join-refused-unknown = Mã mời này không đúng. Anh/Chị kiểm tra lại đường liên kết (mở đúng đường liên kết được gửi, không gõ lại bằng tay) hoặc đề nghị người gửi tạo đường liên kết mới.
join-refused-used = Mã mời này đã được sử dụng. Mỗi đường liên kết chỉ dùng được một lần; Anh/Chị đề nghị quản trị viên tạo đường liên kết mới.
join-refused-used-by-you = Anh/Chị đã tham gia bằng mã mời này rồi. Gõ /help để xem các lệnh Anh/Chị được dùng.
join-refused-expired = Mã mời này đã hết hạn lúc { $time }. Anh/Chị đề nghị quản trị viên tạo đường liên kết mới.
join-refused-revoked = Mã mời này đã bị thu hồi. Anh/Chị đề nghị quản trị viên tạo đường liên kết mới.
join-refused-unit-inactive = Đơn vị của mã mời này đã ngừng hoạt động nên không tham gia được. Anh/Chị liên hệ quản trị viên.
join-refused-rate-limited = Anh/Chị đã nhập sai mã mời quá nhiều lần. Để bảo vệ hệ thống, vui lòng thử lại sau { $minutes } phút.
join-ask-name = Anh/Chị cho tôi biết họ và tên đầy đủ (họ trước, tên sau, ví dụ “Nguyễn Thị Lan”; tối đa { $max } ký tự), để Văn phòng biết ai đã trả lời.
join-confirm-name = Tôi sẽ ghi tên Anh/Chị là “{ $name }”. Nếu đúng, Anh/Chị bấm “Đúng”; nếu chưa đúng, Anh/Chị gõ họ và tên đầy đủ (họ trước, tên sau).
join-button-name-ok = ✅ Đúng
join-name-unknown = Người dùng mới
join-name-invalid = Họ và tên cần có từ 2 đến { $max } ký tự, trên một dòng. Anh/Chị gõ lại giúp tôi.
join-name-saved = Cảm ơn Anh/Chị { $name }. Tôi đã ghi tên này; Văn phòng sẽ thấy tên này bên cạnh các câu trả lời.
join-name-not-text = Tôi chỉ đọc được tin nhắn chữ. Anh/Chị gõ họ và tên đầy đủ giúp tôi.
join-admin-told = { $name } đã dùng lời mời { $role ->
        [reporter] người báo cáo của { $unit }
        [secretary] Văn phòng
       *[other] quản trị viên
    }.
join-already-member = Anh/Chị đã có vai trò này từ trước; không có gì thay đổi.
join-welcome-reporter =
    Chào mừng Anh/Chị { $name }! Anh/Chị đã được ghi nhận là người báo cáo của { $unit } ({ $org }).
    Mỗi kỳ báo cáo, tôi sẽ gửi Anh/Chị từng câu hỏi; Anh/Chị trả lời ngay trong cuộc trò chuyện này, có thể dừng và tiếp tục bất cứ lúc nào, xem lại rồi nộp.
join-next-open-round = Hiện đang có kỳ báo cáo mở: Anh/Chị gõ /report để bắt đầu trả lời.
join-next-wait = Hiện chưa có kỳ báo cáo nào đang mở. Khi Văn phòng mở kỳ báo cáo, tôi sẽ nhắn Anh/Chị kèm nút “Bắt đầu trả lời”.
join-welcome-secretary =
    Chào mừng Anh/Chị { $name }! Anh/Chị đã được ghi nhận với vai trò Văn phòng (thư ký tổng hợp) của { $org }.
    Anh/Chị có thể mở kỳ báo cáo, theo dõi tiến độ các đơn vị, nhắc đơn vị chậm nộp và nhận dự thảo báo cáo tổng hợp.
join-welcome-admin =
    Chào mừng Anh/Chị { $name }! Anh/Chị đã được ghi nhận là quản trị viên của { $org }.
    Anh/Chị quản lý danh sách đơn vị (/units) và tạo đường liên kết mời cho người báo cáo và Văn phòng (/invite).
stranger-refusal =
    Xin lỗi, Anh/Chị chưa tham gia hệ thống báo cáo nên tôi chưa thể thực hiện yêu cầu này.
    Để tham gia, Anh/Chị { $channel ->
        [zalo] gửi cho tôi mã mời (dạng K7QM-3XD9-PA) mà Văn phòng hoặc quản trị viên đã gửi Anh/Chị
       *[other] mở đường liên kết mời (t.me/…?start=…) do Văn phòng hoặc quản trị viên gửi
    }; tôi sẽ ghi nhận Anh/Chị vào đúng đơn vị.
stranger-refusal-short = Anh/Chị chưa tham gia. Hãy dùng đường liên kết hoặc mã mời do quản trị viên gửi.
### ── link ──

# Liên kết tài khoản Zalo và Telegram của cùng một người (/link).

link-code-issued =
    🔗 Mã liên kết của Anh/Chị: { $code }
    Anh/Chị gửi mã này cho tôi từ { $other ->
        [zalo] Zalo
       *[other] Telegram
    } trong vòng { $minutes } phút (hết hạn lúc { $until }). Tài khoản đó sẽ được gắn với Anh/Chị, cùng các vai trò Anh/Chị đang có. Mã chỉ dùng được một lần; Anh/Chị không đưa mã này cho người khác.
link-code-where = { $other ->
        [zalo] Trên Zalo: mở { $link }, bấm “Quan tâm” để theo dõi Official Account, rồi gửi mã vào khung chat.
       *[other] Trên Telegram: mở { $link } rồi bấm “Bắt đầu”, hoặc gửi mã vào khung chat với bot.
    }
link-no-other-channel = Hệ thống chưa dùng { $other ->
        [zalo] Zalo
       *[other] Telegram
    } nên chưa có tài khoản nào để liên kết.
link-refused-used = Mã liên kết này đã được dùng. Anh/Chị gõ /link ở ứng dụng đã tham gia để lấy mã mới.
link-refused-expired = Mã liên kết này đã hết hạn lúc { $time }. Anh/Chị gõ /link ở ứng dụng đã tham gia để lấy mã mới.
link-refused-already-yours = Tài khoản này đã được liên kết với Anh/Chị rồi; không có gì thay đổi.
link-refused-same-channel = Mã này dùng để liên kết một ứng dụng khác: Anh/Chị gửi mã từ { $other ->
        [zalo] Zalo
       *[other] Telegram
    }.
link-refused-other-person = Tài khoản này đang thuộc về một người dùng khác có vai trò trong hệ thống, nên tôi không liên kết (không gộp hai người dùng). Anh/Chị liên hệ quản trị viên.
link-done =
    🔗 Đã liên kết: tài khoản này giờ là của Anh/Chị { $name }, cùng các vai trò Anh/Chị có trên { $other ->
        [zalo] Zalo
       *[other] Telegram
    }.
    Tôi trả lời ở ứng dụng Anh/Chị vừa nhắn; lời nhắc và thông báo đến ứng dụng Anh/Chị dùng gần nhất. Gõ /help để xem các lệnh.
link-done-notice = 🔗 Tài khoản { $channel ->
        [zalo] Zalo
       *[other] Telegram
    } đã được liên kết với Anh/Chị { $name }. Từ nay lời nhắc đến ứng dụng Anh/Chị dùng gần nhất. Nếu không phải Anh/Chị làm việc này, Anh/Chị báo ngay cho quản trị viên.


### ── menu ──

# Menu lệnh, /help, /lang, /cancel, nhóm chat, tin nhắn không rõ.

command-start = Giới thiệu và tham gia
command-report = Trả lời câu hỏi báo cáo của đơn vị
command-status = Xem tiến độ nộp báo cáo
command-newround = Mở kỳ báo cáo mới
command-rounds = Danh sách các kỳ báo cáo
command-remind = Nhắc các đơn vị chưa nộp
command-review = Xem, tiếp nhận hoặc trả lại báo cáo đơn vị
command-compile = Tổng hợp dự thảo báo cáo (.docx)
command-export = Xuất câu trả lời ra tệp CSV
command-units = Quản lý danh sách đơn vị
command-invite = Tạo đường liên kết hoặc mã mời
command-link = Liên kết tài khoản Zalo hoặc Telegram khác của Anh/Chị
command-people = Người dùng theo đơn vị và vai trò; thu hồi vai trò
command-help = Các lệnh Anh/Chị được dùng
command-lang = Đổi ngôn ngữ (Tiếng Việt / English)
command-cancel = Dừng thao tác đang làm

help-title = Các lệnh Anh/Chị có thể dùng:
help-keywords = Trên Zalo, Anh/Chị gõ lệnh (ví dụ /status) hoặc gõ từ trong ngoặc, có dấu hay không dấu đều được (ví dụ “trạng thái” hoặc “trang thai”). Khi tôi đưa ra danh sách đánh số, Anh/Chị gõ số để chọn.
help-stranger = Anh/Chị chưa tham gia. Để tham gia, Anh/Chị { $channel ->
        [zalo] gửi cho tôi mã mời (dạng K7QM-3XD9-PA) mà Văn phòng hoặc quản trị viên đã gửi Anh/Chị
       *[other] mở đường liên kết mời (t.me/…?start=…) do Văn phòng hoặc quản trị viên gửi
    }.
help-reporter = Anh/Chị báo cáo cho: { $units }. Gõ /report để trả lời; có thể dừng giữa chừng và tiếp tục bất cứ lúc nào.

cancel-done = Đã dừng. Các câu trả lời đã lưu vẫn còn nguyên; gõ /report để tiếp tục.
cancel-done-draft = Đã dừng. { $count } mục Anh/Chị vừa gửi (chưa chọn thêm vào hay thay thế) không được lưu; các câu trả lời đã lưu vẫn còn nguyên. Gõ /report để tiếp tục.
cancel-nothing = Hiện không có thao tác nào đang dở.

lang-choose = Chọn ngôn ngữ / Choose a language:
lang-name-vi = Tiếng Việt
lang-name-en = English
lang-set = Đã chuyển sang tiếng Việt.
lang-stranger = Ngôn ngữ đang theo cài đặt ứng dụng nhắn tin của Anh/Chị. Sau khi tham gia, Anh/Chị có thể đổi bằng lệnh /lang.
group-private-only = Tôi chỉ nhận câu trả lời báo cáo trong cuộc trò chuyện riêng để bảo mật thông tin của đơn vị. Anh/Chị vui lòng nhắn riêng cho tôi: https://t.me/{ $bot }
group-private-only-toast = Vui lòng dùng cuộc trò chuyện riêng với bot.

fallback-non-text-reporter = Tôi chỉ đọc được tin nhắn chữ. Gõ /report để trả lời báo cáo hoặc /help để xem các lệnh.
fallback-non-text-office = Tôi chỉ đọc được tin nhắn chữ. Gõ /status để xem tiến độ các đơn vị hoặc /help để xem các lệnh.
fallback-non-text-admin = Tôi chỉ đọc được tin nhắn chữ và tệp mẫu báo cáo (.yaml). Gõ /units để quản lý đơn vị, /status để xem tiến độ hoặc /help để xem các lệnh.
fallback-non-text-none = Tôi chỉ đọc được tin nhắn chữ. Gõ /help để xem các lệnh.
fallback-unknown-command = Tôi không có lệnh { $command }. Gõ /help để xem các lệnh Anh/Chị được dùng.
fallback-hint-reporter = Tôi chưa rõ Anh/Chị cần gì. Gõ /report để trả lời báo cáo hoặc /help để xem các lệnh.
fallback-hint-office = Tôi chưa rõ Anh/Chị cần gì. Gõ /status để xem tiến độ các đơn vị, /newround để mở kỳ báo cáo hoặc /help để xem các lệnh.
fallback-hint-admin = Tôi chưa rõ Anh/Chị cần gì. Gõ /units để quản lý đơn vị, /invite để mời người tham gia hoặc /help để xem các lệnh.
fallback-hint-none = Tôi chưa rõ Anh/Chị cần gì. Gõ /help để xem các lệnh.
### ── office ──

## Bàn làm việc của Văn phòng: tiến độ (/status), dự thảo tổng hợp (/compile), duyệt báo cáo (/review), xuất CSV (/export), thông báo khi đơn vị nộp.

office-only = Chức năng này dành cho Văn phòng (thư ký tổng hợp) và quản trị viên. Anh/Chị gõ /help để xem các lệnh mình được dùng.
office-no-rounds = Chưa có kỳ báo cáo nào. Văn phòng mở kỳ báo cáo bằng lệnh /newround.
office-stale-button = Nút này đã cũ hoặc nội dung không còn nữa; không có gì thay đổi.
office-page = Trang { $page }/{ $pages }

## Bảng tiến độ

office-status-title =
    📊 Tiến độ báo cáo { $round }
    Hạn nộp: { $deadline } ({ $state })
office-round-open = đang nhận báo cáo
office-round-overdue = đã quá hạn, vẫn đang nhận
office-round-closed = kỳ báo cáo đã đóng
office-round-draft = kỳ báo cáo chưa mở
office-summary = Đã nộp { $submitted }/{ $total } đơn vị (đã tiếp nhận { $accepted }) · đang trả lời { $inProgress } · chưa bắt đầu { $notStarted } · trả lại bổ sung { $returned }
office-summary-unreachable = ⚠️ { $count } đơn vị chưa nộp không nhắn được (chưa có người báo cáo, hoặc không nhắn được cho người báo cáo nào); Anh/Chị vui lòng liên hệ trực tiếp.
office-no-units = Chưa có đơn vị nào thuộc kỳ báo cáo này.
office-line-not-started = { $number }. ⏳ { $unit } — chưa bắt đầu
office-line-in-progress = { $number }. ✍️ { $unit } — đang trả lời { $answered }/{ $total } câu, lần cuối { $time }
office-line-returned = { $number }. 🔁 { $unit } — được trả lại { $time } ({ $count } câu), chờ bổ sung
office-line-submitted = { $number }. ✅ { $unit } — đã nộp { $time }
office-line-editing = { $number }. ✏️ { $unit } — đang sửa (đã nộp lúc { $time })
office-line-accepted = { $number }. ☑️ { $unit } — đã tiếp nhận { $time }
office-line-no-reporter = ⚠️ chưa có người báo cáo
office-line-unreachable = ⚠️ không nhắn được cho: { $people }
office-reporter-status-title = 📊 Tình hình báo cáo của đơn vị Anh/Chị:
office-reporter-nothing-open = Hiện không có kỳ báo cáo nào đang mở cho đơn vị của Anh/Chị.
office-reporter-round = { $round } (hạn nộp { $deadline }):
office-reporter-hint = Gõ /report để trả lời hoặc sửa câu trả lời.
office-overridden-title = ✏️ Mục Văn phòng đã tự viết lại ({ $count }):
office-overridden-section = • { $number } { $heading } — { $author }, { $time } (lần { $version })
office-overridden-item = • { $number } { $heading }, ý { $item } — { $author }, { $time } (lần { $version })
office-override-affected =
    ✏️ { $unit } vừa sửa câu trả lời ở mục { $number } { $heading }, mục Anh/Chị đã tự viết lại. Bản tổng hợp vẫn dùng lời văn của Anh/Chị; Anh/Chị xem lại cho khớp.
office-only-title = 📋 Thông tin chỉ dành cho Văn phòng (không đưa vào báo cáo):
office-only-line = • { $unit } — { $question }: { $answer }

office-button-remind-all = 🔔 Nhắc tất cả { $count } đơn vị chưa nộp
office-button-previous = ◀️ Trang trước
office-button-next = Trang sau ▶️
office-button-review = 🔍 Duyệt báo cáo
office-button-refresh = 🔄 Cập nhật
office-button-other-round = 📅 Kỳ khác
office-button-status = 📊 Tiến độ
office-button-review-unit = 🔍 { $unit }

office-remind-unavailable = Chưa gửi được nhắc việc lúc này (hàng đợi nhắc việc chưa sẵn sàng). Anh/Chị thử lại sau hoặc dùng /remind.
office-remind-round-not-open = Kỳ báo cáo không còn mở nên không gửi nhắc việc.
office-remind-night = Bây giờ là ban đêm nên tôi không gửi nhắc việc. Anh/Chị vui lòng bấm lại sau 6 giờ sáng.
office-remind-nobody = Tất cả đơn vị đã nộp; không cần nhắc.
office-remind-unit-nothing-owed = { $unit } đã nộp báo cáo; không cần nhắc.
office-remind-already = Các đơn vị này vừa được nhắc trong vòng một phút; tôi không gửi lại.
office-remind-unit-queued = 🔔 Đang gửi nhắc việc tới người báo cáo của { $unit }.
office-remind-queued = 🔔 Đang gửi nhắc việc tới { $count } đơn vị chưa nộp.
office-remind-skipped-recent = { $count } đơn vị khác vừa được nhắc trong vòng một phút nên không gửi lại.

office-pick-round-status = Chọn kỳ báo cáo để xem tiến độ:
office-pick-round-compile = Chọn kỳ báo cáo để tổng hợp:
office-pick-round-review = Chọn kỳ báo cáo để duyệt:
office-pick-round-export = Chọn kỳ báo cáo để xuất câu trả lời:

office-reach-unreachable = đã chặn hoặc bỏ quan tâm
office-reach-window-closed = quá thời hạn Zalo cho phép nhắn tin
office-button-remind-one = 🔔 Nhắc từng đơn vị…
office-remind-pick-unit = 🔔 Chọn đơn vị cần nhắc ngay ({ $count } đơn vị chưa nộp nhắn được), kỳ báo cáo { $round }:
office-remind-nobody-reachable = Không đơn vị chưa nộp nào nhắn được lúc này, nên tôi không gửi nhắc việc nào.
office-remind-unit-nobody-reachable = Không nhắn được cho người báo cáo nào của { $unit }, nên tôi không gửi nhắc việc.
office-remind-unreachable = ⚠️ Không nhắn được cho { $count } đơn vị: { $units } (người báo cáo đã chặn hoặc bỏ quan tâm, hoặc quá thời hạn Zalo cho phép nhắn tin). Anh/Chị vui lòng liên hệ trực tiếp.
office-remind-no-reporter = ⚠️ { $count } đơn vị chưa có người báo cáo: { $units }. Quản trị viên mời người báo cáo bằng lệnh /invite.
office-remind-more = … và { $count } đơn vị khác
office-remind-summary = Tóm tắt: đang gửi { $queued } · không nhắn được { $unreachable } · chưa có người báo cáo { $noReporter } (đơn vị).
office-remind-will-report = Tôi sẽ báo lại khi gửi xong.

## Dự thảo tổng hợp (.docx)

office-compile-head = 📄 Dự thảo báo cáo tổng hợp, phiên bản { $version }.
office-compile-head-final = 📄 Báo cáo tổng hợp bản cuối (kỳ báo cáo đã đóng), phiên bản { $version }.
office-compile-reused = Không có thay đổi kể từ phiên bản này nên tôi gửi lại tệp đã lưu.
office-compile-included = Đã tổng hợp { $included }/{ $total } đơn vị.
office-compile-option-drafts = có đưa vào câu trả lời của đơn vị chưa nộp (bản nháp)
office-compile-option-attribution = có ghi tên đơn vị sau từng ý
office-compile-option-appendix = có phụ lục tình hình nộp báo cáo
office-compile-options = Tùy chọn: { $options }.
office-compile-warnings = ⚠️ { $count } câu trả lời không dùng được; chi tiết ở tin nhắn sau.
office-compile-drafts = Bản nháp được đưa vào ({ $count }): { $units }.
office-compile-missing = Chưa nộp ({ $count }): { $units }.
office-compile-all-submitted = Tất cả đơn vị đã nộp.
office-compile-missing-below = Chưa nộp: { $count } đơn vị; bản nháp được đưa vào: { $drafts }. Danh sách ở tin nhắn sau.
office-compile-missing-title = Các đơn vị chưa nộp ({ $count }):
office-compile-drafts-title = Các đơn vị được đưa bản nháp vào dự thảo ({ $count }):
office-compile-warnings-title = Các câu trả lời không dùng được ({ $count }):
office-compile-failed = Không tổng hợp được kỳ báo cáo này (kỳ báo cáo không còn). Anh/Chị gõ /status để xem các kỳ hiện có.
office-compile-unknown-option = Tôi không hiểu tùy chọn “{ $word }”. Anh/Chị dùng /compile (chỉ báo cáo đã nộp), /compile nhap (kèm bản nháp của đơn vị chưa nộp), /compile ghi-ten (ghi tên đơn vị sau từng ý), /compile phu-luc hoặc /compile khong-phu-luc (có hoặc không có phụ lục tình hình nộp báo cáo), hoặc kết hợp: /compile nhap ghi-ten.
office-button-with-drafts = 📝 Tổng hợp lại, kèm bản nháp
office-button-submitted-only = 📄 Tổng hợp lại, chỉ báo cáo đã nộp
office-button-attribution = 🏷 Tổng hợp lại, ghi tên đơn vị
office-button-no-attribution = 🏷 Tổng hợp lại, không ghi tên đơn vị

## Xuất CSV

office-export-caption = Câu trả lời của { $units } đơn vị ({ $rows } dòng, mỗi dòng một câu hỏi của một đơn vị). Tệp CSV mã UTF-8, mở được bằng Excel.
office-csv-yes = Có
office-csv-no = Không
office-csv-unit-order = STT đơn vị
office-csv-unit-code = Mã đơn vị
office-csv-unit-name = Đơn vị
office-csv-status = Tình trạng
office-csv-question-number = Câu số
office-csv-question-key = Mã câu hỏi
office-csv-question = Câu hỏi
office-csv-answer = Trả lời
office-csv-value-json = Giá trị (JSON)
office-csv-skipped = Bỏ qua
office-csv-revision = Lần sửa
office-csv-author = Người trả lời
office-csv-updated-at = Cập nhật lúc
office-csv-in-report = Đưa vào báo cáo
office-status-not-started = Chưa bắt đầu
office-status-in-progress = Đang trả lời
office-status-submitted = Đã nộp
office-status-returned = Được trả lại để bổ sung
office-status-accepted = Đã tiếp nhận

## Thông báo cho Văn phòng khi đơn vị nộp

office-notice-title = 📥 Báo cáo { $round }: { $count } đơn vị vừa gửi
office-notice-submitted = • { $unit } — đã nộp lúc { $time }
office-notice-resubmitted = • { $unit } — đã sửa và nộp lại lúc { $time }
office-notice-answered-return = • { $unit } — đã bổ sung theo ý kiến của Văn phòng và nộp lại lúc { $time }
office-notice-progress = Hiện đã nộp { $submitted }/{ $total } đơn vị.

## Duyệt báo cáo

office-review-list-title = 🔍 Duyệt báo cáo { $round }
office-review-list-waiting = Chờ Văn phòng xem: { $count } báo cáo. Chọn đơn vị để đọc câu trả lời:
office-review-list-empty = Chưa có đơn vị nào trả lời trong kỳ báo cáo này.
office-review-title = 📄 { $unit } — báo cáo { $round }
office-review-status = Tình trạng: { $status }
office-review-submitted-at = Nộp lần gần nhất: { $time }
office-review-editing = ✏️ Đơn vị đang sửa báo cáo sau khi nộp ({ $count ->
        [1] câu
       *[other] các câu
    } { $numbers }, chưa nộp lại). Dưới đây là bản đã nộp, bản Văn phòng dùng để tổng hợp.
office-review-last-return = Lần trả lại gần nhất ({ $time }): { $comment }
office-review-unanswered = (chưa trả lời)
office-review-skipped = (bỏ qua)
office-review-locked-accepted = Báo cáo đã được tiếp nhận và khóa; bấm “Trả lại” nếu cần đơn vị bổ sung.
office-review-locked-closed = Kỳ báo cáo đã đóng; câu trả lời không thay đổi được nữa.
office-review-not-submitted = Đơn vị chưa nộp báo cáo này nên chưa tiếp nhận hay trả lại được.
office-button-accept = ✅ Tiếp nhận
office-button-return = 🔁 Trả lại để bổ sung…
office-button-back-to-list = ↩️ Danh sách đơn vị
office-button-return-continue = ➡️ Tiếp tục ({ $count } câu)
office-button-cancel = ✖️ Hủy
office-return-pick = Chọn các câu cần { $unit } bổ sung (bấm để chọn hoặc bỏ chọn), rồi bấm “Tiếp tục”.
office-return-pick-one = Anh/Chị chọn ít nhất một câu cần bổ sung.
office-return-cancelled = Đã hủy; báo cáo không thay đổi.
office-return-ask-comment = Anh/Chị nhập ý kiến gửi { $unit } về { $count ->
        [1] câu
       *[other] các câu
    } { $numbers } (tối đa { $max } ký tự), ví dụ: “Đề nghị nêu rõ số liệu và thời gian tổ chức”. Gõ /cancel để hủy.
office-return-comment-not-text = Anh/Chị vui lòng gõ ý kiến bằng chữ (ảnh, nhãn dán hay tin nhắn thoại không được lưu). Gõ /cancel để hủy.
office-review-refused-not-found = Không tìm thấy báo cáo này nữa.
office-review-refused-version-changed = Báo cáo vừa thay đổi sau khi Anh/Chị mở; đây là bản mới nhất, Anh/Chị vui lòng xem lại.
office-review-refused-not-allowed = Tình trạng báo cáo không cho phép thao tác này (chỉ tiếp nhận báo cáo đã nộp; chỉ trả lại khi kỳ báo cáo đang mở).
office-review-refused-no-questions = Anh/Chị chọn ít nhất một câu cần bổ sung.
office-review-refused-unknown-question = Câu được chọn không thuộc báo cáo của đơn vị này.
office-review-refused-empty-comment = Ý kiến không được để trống. Anh/Chị vui lòng nhập ý kiến gửi đơn vị (tối đa { $max } ký tự).
office-review-refused-comment-too-long = Ý kiến dài { $length } ký tự, vượt quá { $max } ký tự. Anh/Chị vui lòng rút gọn rồi gửi lại.
office-accepted-toast = Đã tiếp nhận.
office-accepted = ✅ Đã tiếp nhận báo cáo của { $unit }. Đơn vị được báo và báo cáo được khóa, trừ khi Văn phòng trả lại.
office-accepted-reporter = ✅ Văn phòng đã tiếp nhận báo cáo { $round } của { $unit }. Cảm ơn Anh/Chị! Báo cáo đã được khóa; nếu cần sửa, Anh/Chị liên hệ Văn phòng.
office-returned = 🔁 Đã trả lại { $count } câu cho { $unit } và báo cho { $sent } người báo cáo. Tôi sẽ báo Anh/Chị khi đơn vị nộp lại.
office-returned-nobody-told = 🔁 Đã trả lại { $count } câu cho { $unit }, nhưng không nhắn được cho người báo cáo nào của đơn vị (chưa có người báo cáo, hoặc họ đã chặn hay bỏ quan tâm, hoặc đã quá thời hạn Zalo cho phép nhắn tin). Anh/Chị vui lòng liên hệ trực tiếp.
office-returned-reporter-question = • Câu { $number }: { $question }
office-returned-reporter =
    🔁 Văn phòng đề nghị { $unit } bổ sung báo cáo { $round }, các câu:
    { $questions }
    Ý kiến của Văn phòng: { $comment }
    Anh/Chị bấm nút dưới đây (hoặc gõ /report) để trả lời lại các câu này, rồi nộp lại báo cáo.
office-button-answer-again = ✏️ Bổ sung ngay

### ── reminders ──

## Nhắc việc hạn nộp báo cáo (gửi người báo cáo của đơn vị) và bản tin tiến độ (gửi Văn phòng).

reminder-before =
    Nhắc việc: Anh/Chị vui lòng hoàn thành báo cáo { $period } ({ $report }) của { $unit } trước { $deadline } (còn { $days } ngày làm việc).
    Gõ /report để tiếp tục.
reminder-deadline =
    Nhắc việc: hạn nộp báo cáo { $period } ({ $report }) của { $unit } là { $deadline }. Anh/Chị vui lòng hoàn thành và gửi trước thời hạn.
    Gõ /report để tiếp tục.
reminder-overdue =
    Nhắc việc: báo cáo { $period } ({ $report }) của { $unit } đã quá hạn nộp ({ $deadline }). Anh/Chị vui lòng hoàn thành và gửi sớm.
    Gõ /report để tiếp tục.
reminder-manual =
    { $overdue ->
        [yes] Văn phòng nhắc: báo cáo { $period } ({ $report }) của { $unit } đã quá hạn nộp ({ $deadline }). Anh/Chị vui lòng hoàn thành và gửi sớm.
       *[no] Văn phòng nhắc: Anh/Chị vui lòng hoàn thành báo cáo { $period } ({ $report }) của { $unit } trước { $deadline }.
    }
    Gõ /report để tiếp tục.
reminder-returned-note = Văn phòng đã trả lại báo cáo để bổ sung; Anh/Chị vui lòng xem góp ý, chỉnh sửa và gửi lại.

reminder-digest-title = Tiến độ báo cáo { $period } ({ $report }), hạn nộp { $deadline }:
reminder-digest-progress = { $submitted }/{ $total } đơn vị đã nộp; chưa nộp: { $pending }.
reminder-digest-all-done = { $submitted }/{ $total } đơn vị đã nộp.
reminder-digest-more = … và { $count } đơn vị khác
reminder-digest-unreachable = Không nhắn được cho: { $people }. Họ đã chặn hoặc bỏ quan tâm, hoặc đã quá thời hạn Zalo cho phép nhắn tin; Anh/Chị vui lòng liên hệ trực tiếp.
reminder-digest-hint = Gõ /remind để nhắc ngay các đơn vị chưa nộp.

### ── rounds ──

## Kỳ báo cáo: mở kỳ mới (/newround), danh sách và quản lý kỳ (/rounds), nhắc ngay các đơn vị chưa nộp (/remind).

## Mở kỳ báo cáo mới

newround-no-organisation = Chưa có thông tin cơ quan. Quản trị viên cần nhập cơ quan và đơn vị trước (lệnh “npm run import -- org.yaml”), sau đó Anh/Chị mới mở được kỳ báo cáo.
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
    Bước 2. Loại kỳ: { $kind }. Anh/Chị chọn kỳ gợi ý dưới đây hoặc bấm “Kỳ khác”.
newround-button-other-period = 📅 Kỳ khác…
newround-pick-number =
    🆕 Mở kỳ báo cáo mới — { $template }
    Bước 2. Anh/Chị chọn kỳ ({ $kind }):
newround-pick-year =
    🆕 Mở kỳ báo cáo mới — { $template }
    Bước 2. Anh/Chị chọn năm của kỳ báo cáo:
newround-ask-deadline =
    🆕 Kỳ báo cáo { $period } — { $template }
    Bước 3. Anh/Chị gõ hạn nộp theo dạng ngày/tháng/năm, ví dụ { $example } (hạn là 17:00 ngày đó), hoặc kèm giờ, ví dụ { $example } 16:30. Nếu bỏ năm, tôi lấy ngày đó sắp tới.
    Gõ /cancel để thôi.
newround-ask-request =
    Hạn nộp: { $deadline }.
    Bước 4. Anh/Chị gõ văn bản yêu cầu báo cáo, ví dụ: Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở.
    Nếu không có văn bản, Anh/Chị bấm nút dưới đây.
newround-button-no-request = ⏭ Không có văn bản, bỏ qua
newround-request-empty = Văn bản yêu cầu đang trống. Anh/Chị gõ lại, hoặc bấm “Không có văn bản, bỏ qua” ở tin nhắn trên.
newround-request-too-long = Văn bản yêu cầu dài { $length } ký tự, vượt giới hạn { $max } ký tự. Anh/Chị chỉ cần ghi số, ngày và cơ quan ban hành văn bản.
newround-request-parsed =
    Tôi hiểu văn bản yêu cầu như sau:
    • Loại văn bản: { $kind }
    • Số: { $number }
    • Ngày: { $date }
    • Cơ quan ban hành: { $issuer }
    • Trích yếu: { $subject }
    Anh/Chị kiểm tra lại; nếu chưa đúng, bấm “Sửa văn bản yêu cầu”.
newround-request-part-missing = (chưa rõ)
newround-ask-recipients =
    Bước 5. Nơi nhận báo cáo (“Kính gửi”) theo mặc định:
    { $recipients }
    Anh/Chị bấm “Giữ nguyên”, hoặc gõ danh sách khác, mỗi nơi nhận một dòng (tối đa { $max } dòng).
newround-ask-recipients-none =
    Bước 5. Mẫu báo cáo và cơ quan chưa có nơi nhận (“Kính gửi”) mặc định.
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
newround-use-buttons = Anh/Chị vui lòng chọn ở tin nhắn trên (bấm nút hoặc gõ số thứ tự), hoặc gõ /cancel để thôi.
newround-deadline-passed-meanwhile = Hạn nộp { $deadline } đã qua trong lúc chờ xác nhận. Anh/Chị gõ hạn nộp mới; các thông tin khác vẫn được giữ.
newround-duplicate = ⚠️ Kỳ báo cáo này đã được mở rồi: { $round }, hạn nộp { $deadline }. Mỗi báo cáo chỉ mở một lần cho mỗi kỳ nên tôi không mở thêm. Anh/Chị dùng /rounds để dời hạn, đóng hoặc mở lại kỳ đó.
newround-no-units = Mẫu báo cáo này không hỏi đơn vị nào đang hoạt động nên chưa mở kỳ báo cáo. Anh/Chị kiểm tra danh sách đơn vị (/units) và loại đơn vị.
newround-opened =
    ✅ Đã mở kỳ báo cáo { $round }.
    Hạn nộp: { $deadline }.
    Đã tạo báo cáo cho { $units } đơn vị.
notice-deadline-moved =
    📅 Hạn nộp báo cáo { $round } của { $unit } đã được Văn phòng dời sang { $deadline }.
    Anh/Chị trả lời và nộp trước hạn mới.
notice-batch-round-opened = 📣 Đã gửi thông báo mở kỳ tới { $sent }/{ $total } người báo cáo.{ $unreachable ->
        [0] {""}
       *[other] { " " }{ $unreachable } người không nhắn được (đã chặn hoặc bỏ theo dõi, hoặc đã lâu không nhắn); Anh/Chị vui lòng liên hệ trực tiếp.
    }
notice-batch-deadline-moved = 📅 Đã báo hạn mới tới { $sent }/{ $total } người báo cáo của các đơn vị chưa nộp.{ $unreachable ->
        [0] {""}
       *[other] { " " }{ $unreachable } người không nhắn được; Anh/Chị vui lòng liên hệ trực tiếp.
    }
newround-opened-prompted = 📣 Đang gửi thông báo mở kỳ tới { $count } người báo cáo; tôi sẽ báo lại khi gửi xong.
newround-opened-no-reporter = ⚠️ { $count } đơn vị chưa có người báo cáo: { $units }. Quản trị viên có thể mời họ bằng /invite.
newround-opened-prompt-error = ⚠️ Chưa gửi được lời mời trả lời lúc này; người báo cáo vẫn nhận nhắc việc theo lịch và có thể gõ /report để trả lời.
newround-opened-reminders = 🔔 Đã lên lịch { $count } lượt nhắc việc cho các đơn vị chưa nộp và Văn phòng.
newround-type-cancel = Gõ “hủy” để thôi.
newround-and-more = … và { $count } đơn vị khác
newround-button-deadline-again = 📅 Đổi hạn nộp
newround-button-request-again = ✏️ Sửa văn bản yêu cầu
newround-button-rounds = 📅 Các kỳ báo cáo
newround-no-session = Việc mở kỳ báo cáo cần trò chuyện qua Zalo hoặc Telegram.

## Hạn nộp gõ vào (mở kỳ mới, dời hạn)

rounds-deadline-empty = Anh/Chị gõ hạn nộp theo dạng ngày/tháng/năm, ví dụ { $example }.
rounds-deadline-not-a-date = Tôi chưa hiểu “{ $text }” là ngày nào. Anh/Chị gõ theo dạng ngày/tháng/năm, ví dụ { $example } hoặc { $example } 16:30.
rounds-deadline-impossible-date = Ngày “{ $text }” không có trên lịch. Anh/Chị kiểm tra lại ngày và tháng.
rounds-deadline-bad-time = Giờ trong “{ $text }” không hợp lệ (giờ từ 0 đến 23, phút từ 0 đến 59). Anh/Chị gõ lại, ví dụ { $example } 16:30.
rounds-deadline-past = Hạn nộp { $deadline } đã qua (bây giờ là { $now }). Anh/Chị gõ một thời điểm sau bây giờ.
rounds-weekday-0 = Chủ Nhật
rounds-weekday-1 = Thứ Hai
rounds-weekday-2 = Thứ Ba
rounds-weekday-3 = Thứ Tư
rounds-weekday-4 = Thứ Năm
rounds-weekday-5 = Thứ Sáu
rounds-weekday-6 = Thứ Bảy
rounds-deadline-when = { $weekday }, { $date } lúc { $time }
rounds-deadline-on-weekend = ⚠️ Hạn nộp rơi vào { $weekday }, ngày nghỉ cuối tuần.
rounds-deadline-on-holiday = ⚠️ Hạn nộp rơi vào ngày nghỉ lễ ({ $holiday }).
rounds-deadline-working-day-before = Ngày làm việc liền trước là { $before }.

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
    Anh/Chị gõ hạn nộp mới theo dạng ngày/tháng/năm (hạn là 17:00 ngày đó) hoặc kèm giờ, ví dụ { $example } 16:30. Gõ /cancel để thôi.
rounds-deadline-moved = ⏰ Đã dời hạn nộp kỳ báo cáo { $round } từ { $from } sang { $to }. Lịch nhắc việc đã được cập nhật theo hạn mới.
rounds-confirm-close =
    Anh/Chị đóng kỳ báo cáo { $round }? Đã nộp { $submitted }/{ $total } đơn vị.
    Sau khi đóng, các đơn vị không sửa hay nộp câu trả lời được nữa và không còn nhắc việc. Anh/Chị có thể mở lại sau.
rounds-button-confirm-close = 🔒 Đóng kỳ báo cáo
rounds-button-keep-open = Không đóng
rounds-closed = 🔒 Đã đóng kỳ báo cáo { $round }; đã bỏ { $removed } lượt nhắc việc đang chờ. Anh/Chị gõ /compile để nhận bản tổng hợp cuối.
rounds-reopened = 🔓 Đã mở lại kỳ báo cáo { $round }, hạn nộp { $deadline }. Đơn vị chưa nộp có thể trả lời tiếp; đã lên lịch { $planned } lượt nhắc việc.
rounds-reopened-past-deadline = Hạn nộp đã qua; Anh/Chị bấm “Dời hạn” nếu muốn gia hạn cho các đơn vị.
rounds-refused-not-found = Kỳ báo cáo này không còn nữa; không có gì thay đổi.
rounds-refused-not-open = Kỳ báo cáo này không còn mở; không có gì thay đổi.
rounds-refused-not-closed = Kỳ báo cáo này đang mở; không có gì thay đổi.
rounds-refused-deadline-past = Hạn nộp mới đã qua. Anh/Chị gõ một thời điểm sau bây giờ.
rounds-not-text = Anh/Chị vui lòng gõ bằng chữ (hoặc gõ /cancel để thôi).
rounds-more = … và { $count } kỳ báo cáo cũ hơn.
rounds-button-show = { $number }. { $mark } { $period }
rounds-detail =
    { $mark } { $round }
    { $state } · hạn nộp { $deadline } · đã nộp { $submitted }/{ $total } đơn vị
rounds-action-move = ⏰ Dời hạn
rounds-action-close = 🔒 Đóng
rounds-action-reopen = 🔓 Mở lại
rounds-button-back = ↩️ Các kỳ báo cáo
rounds-button-keep-deadline = ✖️ Không dời
rounds-button-move-confirm = ✅ Dời hạn
rounds-confirm-move =
    ⏰ Anh/Chị dời hạn nộp kỳ báo cáo { $round }?
    • Hạn hiện tại: { $from }
    • Hạn mới: { $to }
    { $pending ->
        [0] Các đơn vị đều đã nộp nên không ai cần được báo hạn mới.
       *[other] Người báo cáo của { $pending } đơn vị chưa nộp sẽ được báo hạn mới; lịch nhắc việc đi theo hạn mới.
    }
    Anh/Chị có thể gõ một hạn khác thay cho hạn này.
rounds-deadline-same = Hạn nộp mới trùng với hạn hiện tại ({ $deadline }); không có gì thay đổi. Anh/Chị gõ một thời điểm khác, hoặc gõ /cancel để thôi.
rounds-moved-notifying = 📅 Đang báo hạn mới tới { $count } người báo cáo của các đơn vị chưa nộp; tôi sẽ báo lại khi gửi xong.
rounds-moved-nobody = Không có người báo cáo nào cần báo hạn mới (các đơn vị đã nộp hoặc chưa có người báo cáo).
rounds-moved-notify-error = ⚠️ Chưa báo được hạn mới cho người báo cáo lúc này; các đơn vị vẫn nhận nhắc việc theo hạn mới.
rounds-stale-button = Nút này đã cũ (việc này đã xong, đã hủy, hoặc Anh/Chị đã gõ một hạn khác); không có gì thay đổi.

## Nhắc ngay (/remind)

remind-no-open-round = Không có kỳ báo cáo nào đang mở nên không có gì để nhắc.
remind-pick-round = Đang có nhiều kỳ báo cáo mở. Anh/Chị chọn kỳ cần nhắc các đơn vị chưa nộp:
remind-round = Kỳ báo cáo { $round }:
remind-unavailable = Chưa gửi được nhắc việc lúc này (hàng đợi nhắc việc chưa sẵn sàng). Anh/Chị vui lòng thử lại sau ít phút.
remind-batch-done = 🔔 Đã gửi xong nhắc việc kỳ báo cáo { $round }: nhắn được tới { $sent }/{ $total } đơn vị.
remind-batch-unreachable = ⚠️ Không nhắn được cho { $count } đơn vị: { $units } (người báo cáo đã chặn hoặc bỏ quan tâm, hoặc quá thời hạn Zalo cho phép nhắn tin). Anh/Chị vui lòng liên hệ trực tiếp.
remind-batch-failed = ⚠️ Chưa gửi được cho { $count } đơn vị vì lỗi kết nối: { $units }. Anh/Chị có thể nhắc lại sau.
remind-batch-skipped = { $count } đơn vị không cần nhắc nữa (đã nộp, hoặc kỳ báo cáo đã đóng, trong lúc chờ gửi).
remind-batch-summary = Tổng kết: đã nhắn { $sent } · không nhắn được { $unreachable } · chưa có người báo cáo { $noReporter } (đơn vị).

zalo-file-too-large = Tệp { $file } lớn hơn { $megabytes } MB, quá giới hạn gửi tệp của Zalo, nên tôi không gửi được qua Zalo. Anh/Chị có thể tổng hợp lại không kèm bản nháp (tệp nhỏ hơn), hoặc nhận tệp tại trang làm việc của Văn phòng hay từ quản trị viên.
zalo-file-too-large-link = Tệp { $file } lớn hơn { $megabytes } MB, quá giới hạn gửi tệp của Zalo. Anh/Chị tải tệp bằng nút “Tải tệp” bên dưới.
zalo-file-type-refused = Zalo chỉ nhận tệp PDF, DOC và DOCX nên tôi không gửi được tệp { $file } qua Zalo. Anh/Chị nhận tệp tại trang làm việc của Văn phòng (gõ /status rồi mở trang), qua Telegram, hoặc nhờ quản trị viên.
zalo-file-type-refused-link = Zalo chỉ nhận tệp PDF, DOC và DOCX nên tôi không gửi tệp { $file } qua Zalo được. Anh/Chị tải tệp bằng nút “Tải tệp” bên dưới.
zalo-file-download-button = 📥 Tải tệp

## Mẫu báo cáo: quản trị viên gửi tệp .yaml để kiểm tra và lưu.

template-upload-admin-only = Chỉ quản trị viên mới thêm được mẫu báo cáo; tệp “{ $file }” không được đọc.
template-upload-wrong-type = Tôi chỉ đọc tệp mẫu báo cáo có đuôi .yaml hoặc .yml; tệp “{ $file }” không được đọc. Cách viết một mẫu có trong templates/README.md.
template-upload-too-large = Tệp “{ $file }” nặng { $size } KB, quá giới hạn { $max } KB của một tệp mẫu báo cáo; tôi không tải tệp này về. Anh/Chị kiểm tra lại tệp (mẫu báo cáo thường chỉ vài chục KB).
template-upload-too-large-read = Tệp “{ $file }” nặng hơn giới hạn { $max } KB của một tệp mẫu báo cáo; tôi đã dừng tải. Anh/Chị kiểm tra lại tệp (mẫu báo cáo thường chỉ vài chục KB).
template-upload-empty = Tệp “{ $file }” không có nội dung. Anh/Chị gửi tệp mẫu báo cáo đã viết.
template-upload-not-utf8 = Tệp “{ $file }” không được lưu ở bảng mã UTF-8 nên tiếng Việt sẽ bị sai. Anh/Chị lưu lại tệp với bảng mã UTF-8 (Notepad: Lưu thành… → Mã hóa: UTF-8) rồi gửi lại.
template-upload-download-failed = Tôi chưa tải được tệp “{ $file }” từ máy chủ tin nhắn. Anh/Chị vui lòng gửi lại tệp sau ít phút.
template-upload-problems =
    ❌ Mẫu báo cáo “{ $file }” có { $count } lỗi; chưa lưu gì:
    { $problems }
    Anh/Chị sửa rồi gửi lại tệp.
template-upload-problems-more = … và { $count } lỗi nữa (sửa các lỗi trên rồi gửi lại để xem tiếp).
template-upload-problem-line = • Dòng { $line }: { $message }
template-upload-problem = • { $message }
template-upload-summary = ✅ Mẫu “{ $name }” ({ $key }) hợp lệ: { $sections } mục, { $questions } câu hỏi, { $figures } số liệu tính toán, { $checks } phép kiểm tra.
template-upload-sections-title = Các mục:
template-upload-figures-title = Số liệu tính toán:
template-upload-checks-title = Kiểm tra khi đơn vị nộp:
template-upload-asked-title = Ai được hỏi gì:
template-upload-asked-line = • { $kind }: { $count } câu — { $questions }
template-upload-office-only = Chỉ để Văn phòng xem (không in vào báo cáo): { $questions }
template-upload-warnings = ⚠️ Lưu ý:
template-upload-confirm = Bản xem trước với câu trả lời mẫu ở tệp đính kèm. Lưu “{ $file }” thành phiên bản { $version } của mẫu { $key }?
template-upload-button-store = 💾 Lưu thành phiên bản { $version }
template-upload-button-cancel = ✖️ Không lưu
template-upload-stored = 💾 Đã lưu mẫu “{ $name }”, phiên bản { $version }. Kỳ báo cáo mới có thể dùng mẫu này.
template-upload-unchanged = Mẫu này giống phiên bản { $version } đã lưu; không có gì để lưu. Bản xem trước ở tệp đính kèm.
template-upload-unchanged-at-store = Mẫu này giống phiên bản { $version } đã lưu; không có gì thay đổi.
template-upload-cancelled = Đã bỏ tệp “{ $file }”; không lưu gì.
template-upload-stale = Tệp mẫu này không còn chờ xác nhận (đã lưu, đã bỏ, đã có tệp gửi sau, hoặc đã quá 24 giờ); không có gì thay đổi. Anh/Chị gửi lại tệp nếu cần.
template-upload-changed-since = Tệp khác với tệp đã kiểm tra; Anh/Chị gửi lại tệp để kiểm tra trước khi lưu.

## The secretary's own text for a section of the report (/rewrite)
command-rewrite = Viết lại lời văn một mục của báo cáo tổng hợp
office-compile-overridden = ✏️ { $count } mục dùng lời văn Văn phòng tự viết (/rewrite).
office-button-appendix = 📎 Tổng hợp lại, kèm phụ lục tình hình nộp
office-button-no-appendix = 📎 Tổng hợp lại, không kèm phụ lục
office-button-rewrite = ✏️ Viết lại lời văn một mục
office-button-compile-again = 📄 Tổng hợp lại
rewrite-pick-round = Chọn kỳ báo cáo để viết lại lời văn:
rewrite-sections =
    ✏️ Viết lại lời văn — { $round }
    Anh/Chị chọn mục cần viết lại. Mục có dấu ✏️ đang dùng lời văn Văn phòng đã viết.
rewrite-item-title = { $section }, ý { $item }
rewrite-section-head = Mục { $title }
rewrite-written-by = Đang dùng lời văn Văn phòng viết: { $author }, { $time } (lần { $version }).
rewrite-generated = Đang dùng lời văn tổng hợp tự động từ câu trả lời của các đơn vị:
rewrite-empty = (mục chưa có nội dung)
rewrite-ask-section = Anh/Chị gửi lời văn mới cho mục này trong một tin nhắn (tối đa { $max } ký tự); mỗi dòng là một đoạn. Lời văn mới sẽ thay thế toàn bộ lời văn của mục trong các bản tổng hợp sau; lời văn cũ vẫn được lưu trong lịch sử.
rewrite-ask-item = Anh/Chị gửi lời văn mới cho ý này trong một tin nhắn (tối đa { $max } ký tự). Lời văn mới chỉ thay thế ý này; các ý khác giữ nguyên.
rewrite-button-item = Ý { $item }
rewrite-button-drop = ↩️ Dùng lại lời văn tổng hợp tự động
rewrite-button-sections = 📑 Mục khác
rewrite-button-cancel = ✖️ Thôi
rewrite-button-done = ✅ Xong
rewrite-button-append = ➕ Viết tiếp vào lời văn vừa gửi
rewrite-button-again = ✏️ Viết lại mục này
rewrite-section-overridden = Cả mục này đang dùng lời văn Văn phòng viết; Anh/Chị sửa cả mục hoặc dùng lại lời văn tự động trước.
rewrite-gone = Mục này không còn trong báo cáo (kỳ báo cáo hoặc mẫu đã thay đổi). Anh/Chị gõ /rewrite để chọn lại.
rewrite-refused-empty = Tin nhắn không có chữ nào nên tôi chưa lưu. Anh/Chị gửi lại lời văn cho mục này.
rewrite-refused-too-long = Lời văn dài quá { $max } ký tự nên tôi chưa lưu. Anh/Chị rút gọn rồi gửi lại.
rewrite-refused-section-overridden = Cả mục này đang dùng lời văn Văn phòng viết nên không sửa riêng một ý được. Anh/Chị sửa cả mục.
rewrite-refused-round-closed = Kỳ báo cáo đã đóng nên bản tổng hợp cuối không đổi nữa; tôi chưa lưu. Muốn sửa lời văn, Anh/Chị mở lại kỳ (/rounds) trước.
rewrite-saved =
    ✅ Đã lưu lời văn mục { $title } (lần { $version }, { $length } ký tự). Các bản tổng hợp sau dùng lời văn này.
    Muốn nối thêm hoặc viết lại, Anh/Chị bấm nút bên dưới.
rewrite-append-ask = Anh/Chị gửi phần viết tiếp cho mục { $title }; tôi sẽ nối vào sau lời văn vừa lưu.
rewrite-not-overridden = Mục này đang dùng lời văn tổng hợp tự động.
rewrite-dropped = ↩️ Mục { $title } đã dùng lại lời văn tổng hợp tự động. Lời văn Văn phòng viết vẫn được lưu trong lịch sử.
rewrite-closed = Đã đóng phần viết lại lời văn.
rewrite-not-text = Tôi đang chờ lời văn cho mục đã chọn, dưới dạng chữ. Anh/Chị gửi chữ, hoặc gõ /cancel để thôi.

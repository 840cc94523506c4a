# Trả lời báo cáo: câu hỏi, xem lại, nộp.

conversation-resuming = Tiếp tục từ câu Anh/Chị đang trả lời dở.
conversation-draft-kept = Tiếp tục câu đang trả lời dở; { $count } phần Anh/Chị đã gửi vẫn được giữ.
conversation-already-submitted = Báo cáo của đơn vị đã được nộp lúc { $time }. Anh/Chị vẫn có thể sửa bất kỳ câu nào cho đến khi kỳ báo cáo đóng; sau khi sửa, nhớ bấm «Nộp báo cáo» lại.
conversation-returned =
    Văn phòng đã trả lại { $count } câu để Anh/Chị bổ sung.
    Ý kiến của Văn phòng: { $comment }
conversation-all-answered = Tất cả các câu đã có câu trả lời. Anh/Chị xem lại rồi bấm «Nộp báo cáo».
conversation-stale-button = Nút này đã cũ (thuộc một câu hỏi trước hoặc một kỳ báo cáo khác) nên tôi không thực hiện. Các câu trả lời đã lưu không thay đổi. Gõ /report để tiếp tục.
conversation-stale-button-toast = Nút này đã cũ; không có gì thay đổi.
conversation-cannot-edit = Câu này không sửa được lúc này.
conversation-changed-since-preview = Báo cáo vừa có thay đổi sau lần xem trước (có thể do người khác trong đơn vị). Đây là bản mới nhất; Anh/Chị xem lại rồi bấm «Nộp báo cáo».
conversation-nothing-to-submit = Báo cáo đã được nộp, không có thay đổi mới.
conversation-required-no-skip = Câu này bắt buộc, không bỏ qua được.
conversation-first-question = Đây là câu đầu tiên.
conversation-no-last-value = Không có câu trả lời kỳ trước cho câu này.
conversation-no-current-value = Câu này chưa có câu trả lời.
conversation-draft-cleared = Đã xóa các phần vừa gửi. Anh/Chị gửi lại nội dung cho câu này.
conversation-pick-at-least-one = Anh/Chị chọn ít nhất một mục rồi bấm «Xong».
conversation-locked-round-closed = Kỳ báo cáo này đã đóng; không thể thay đổi câu trả lời nữa.
conversation-locked-round-not-open = Kỳ báo cáo này chưa mở; Văn phòng sẽ báo khi bắt đầu nhận câu trả lời.
conversation-locked-accepted = Báo cáo của đơn vị đã được Văn phòng chấp nhận nên không sửa được nữa. Nếu cần thay đổi, Anh/Chị liên hệ Văn phòng.
conversation-preview-text = Anh/Chị đang xem lại báo cáo. Bấm «Nộp báo cáo» để gửi, hoặc bấm số câu (✏️) để sửa câu đó.
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
conversation-submit-refused-accepted = Báo cáo đã được Văn phòng chấp nhận.
conversation-submit-refused-already-submitted = Báo cáo đã được nộp, không có thay đổi mới.
conversation-save-refused-not-found = Không tìm thấy báo cáo này; câu trả lời chưa được lưu. Gõ /report để bắt đầu lại.
conversation-save-refused-round-closed = Kỳ báo cáo vừa đóng nên câu trả lời này không được lưu.
conversation-save-refused-round-not-open = Kỳ báo cáo chưa mở nên câu trả lời này chưa được lưu.
conversation-save-refused-accepted = Báo cáo đã được Văn phòng chấp nhận nên câu trả lời này không được lưu.
conversation-save-refused-not-returned = Văn phòng chỉ trả lại một số câu; câu này không sửa được lúc này.
conversation-saved = ✅ Đã lưu câu { $number }.
conversation-skipped = ⏭ Đã bỏ qua câu { $number }.
conversation-overwrote = ⚠️ Trong lúc Anh/Chị nhập, { $name } đã trả lời câu này (lúc { $time }). Câu trả lời của Anh/Chị đã được lưu thay thế; bản của { $name } vẫn còn trong lịch sử sửa đổi.
conversation-overwritten-by = ⚠️ { $name } vừa thay câu trả lời của Anh/Chị cho câu { $number } trong báo cáo của { $unit }. Bản của Anh/Chị vẫn còn trong lịch sử sửa đổi; gõ /report để xem lại.
conversation-reopened = Báo cáo đã chuyển về trạng thái «Đang trả lời». Sau khi sửa xong, Anh/Chị nhớ bấm «Nộp báo cáo» lại.
conversation-edited-message = Sửa tin nhắn đã gửi không làm thay đổi câu trả lời đã lưu. Để sửa, Anh/Chị gõ /report, bấm «Xem lại» rồi chọn số câu cần sửa.

answer-error-empty = Tôi chưa nhận được nội dung nào. Anh/Chị vui lòng gõ câu trả lời.
answer-error-too-long = Câu trả lời dài { $length } ký tự, vượt giới hạn { $max } ký tự của câu này. Anh/Chị vui lòng rút gọn (tối đa { $max } ký tự) rồi gửi lại.
answer-error-draft-too-long = Phần vừa gửi làm câu trả lời dài { $length } ký tự, vượt giới hạn { $max } ký tự. Phần này chưa được ghi nhận; các phần trước vẫn giữ. Anh/Chị gửi phần ngắn hơn hoặc bấm «Xong».
answer-error-draft-empty = Anh/Chị chưa gửi nội dung nào cho câu này. Gõ câu trả lời rồi bấm «Xong».
answer-error-not-a-number = «{ $text }» không phải là một con số. Anh/Chị gõ một số, ví dụ 12, 1.234 hoặc 1,5 (gõ «không» nếu là 0).
answer-error-number-below-min = Số này nhỏ hơn mức cho phép. Anh/Chị gõ một số từ { $min } trở lên.
answer-error-number-above-max = Số này lớn hơn mức cho phép. Anh/Chị gõ một số không quá { $max }.
answer-error-number-not-integer = Câu này cần một số nguyên (không có phần thập phân), ví dụ 12.
answer-error-not-a-date = «{ $text }» không phải là ngày. Anh/Chị gõ theo dạng ngày/tháng/năm, ví dụ 05/3/2025.
answer-error-impossible-date = Ngày «{ $text }» không có thật (ngày/tháng không hợp lệ). Anh/Chị kiểm tra lại, ví dụ 05/3/2025.
answer-error-not-yes-no = Anh/Chị bấm «Có» hoặc «Không» (hoặc gõ có/không).
answer-error-unknown-option = Không có lựa chọn «{ $text }». Anh/Chị bấm một nút bên dưới hoặc gõ số thứ tự của lựa chọn.
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
question-hint-long-text = 👉 Gõ câu trả lời; có thể gửi nhiều tin nhắn (tổng cộng tối đa { $max } ký tự), rồi bấm «Xong» hoặc gõ «xong».
question-hint-list = 👉 Gửi mỗi mục một dòng hoặc mỗi mục một tin nhắn (tối đa { $maxItems } mục), rồi bấm «Xong» hoặc gõ «xong».
question-hint-number = 👉 Gõ một con số, ví dụ 12, 1.234 hoặc 1,5 (gõ «không» nếu là 0).
question-hint-yes-no = 👉 Bấm «Có» hoặc «Không».
question-hint-single-choice = 👉 Bấm một lựa chọn bên dưới (hoặc gõ số thứ tự).
question-hint-multiple-choice = 👉 Bấm để chọn hoặc bỏ chọn từng mục (tối đa { $maxItems } mục), rồi bấm «Xong».
question-hint-date = 👉 Gõ ngày theo dạng ngày/tháng/năm, ví dụ 05/3/2025.
question-hint-document-ref = 👉 Gõ tên văn bản, số, ngày và cơ quan ban hành, ví dụ: Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo (tối đa { $max } ký tự).
question-optional = Câu này không bắt buộc; có thể bấm «Bỏ qua».
question-selected = Đã chọn: { $count } mục.
draft-status-list = Đã nhận { $count } mục (tối đa { $maxItems }).
draft-status-text = Đã nhận { $parts } phần, dài { $length }/{ $max } ký tự.
draft-how-to-finish = Gửi tiếp nếu còn, hoặc bấm «Xong» (gõ «xong») để lưu câu trả lời.

button-yes = Có
button-no = Không
button-done = ✅ Xong
button-done-selected = ✅ Xong ({ $count } đã chọn)
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
preview-locked = Báo cáo đã được Văn phòng chấp nhận; không sửa được nữa.
preview-missing-list = Còn { $count } câu bắt buộc chưa trả lời: câu { $numbers }. Anh/Chị trả lời xong mới nộp được.
preview-submitted = Báo cáo đã được nộp lúc { $time }.
preview-ready = Tất cả các câu bắt buộc đã có câu trả lời. Bấm «Nộp báo cáo» để gửi Văn phòng.
preview-edit-hint = Muốn sửa câu nào, Anh/Chị bấm số của câu đó (✏️).

status-not-started = Chưa bắt đầu
status-in-progress = Đang trả lời
status-submitted = Đã nộp
status-returned = Được trả lại để bổ sung
status-accepted = Đã được chấp nhận

prompt-round-open =
    📣 Kỳ báo cáo { $round } đã mở.
    Đơn vị: { $unit } — { $count } câu hỏi.
    Hạn nộp: { $deadline }.
    Anh/Chị bấm «Bắt đầu trả lời» (hoặc gõ /report). Có thể dừng giữa chừng và tiếp tục bất cứ lúc nào; mỗi câu trả lời được lưu ngay.


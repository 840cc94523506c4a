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
office-summary-unreachable = ⚠️ { $count } đơn vị chưa nộp không nhắc được qua Telegram (chưa có người báo cáo hoặc người báo cáo đã chặn bot); Anh/Chị vui lòng liên hệ trực tiếp.
office-no-units = Chưa có đơn vị nào thuộc kỳ báo cáo này.
office-line-not-started = { $number }. ⏳ { $unit } — chưa bắt đầu
office-line-in-progress = { $number }. ✍️ { $unit } — đang trả lời { $answered }/{ $total } câu, lần cuối { $time }
office-line-returned = { $number }. 🔁 { $unit } — được trả lại { $time } ({ $count } câu), chờ bổ sung
office-line-submitted = { $number }. ✅ { $unit } — đã nộp { $time }
office-line-accepted = { $number }. ☑️ { $unit } — đã tiếp nhận { $time }
office-line-no-reporter = ⚠️ chưa có người báo cáo
office-line-unreachable = ⚠️ không nhắn được cho: { $people }
office-reporter-status-title = 📊 Tình hình báo cáo của đơn vị Anh/Chị:
office-reporter-nothing-open = Hiện không có kỳ báo cáo nào đang mở cho đơn vị của Anh/Chị.
office-reporter-round = { $round } (hạn nộp { $deadline }):
office-reporter-hint = Gõ /report để trả lời hoặc sửa câu trả lời.

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
office-remind-unit-queued = 🔔 Đã gửi nhắc việc tới người báo cáo của { $unit }.
office-remind-queued = 🔔 Đang gửi nhắc việc tới { $count } đơn vị chưa nộp.
office-remind-skipped-recent = { $count } đơn vị khác vừa được nhắc trong vòng một phút nên không gửi lại.

office-pick-round-status = Chọn kỳ báo cáo để xem tiến độ:
office-pick-round-compile = Chọn kỳ báo cáo để tổng hợp:
office-pick-round-review = Chọn kỳ báo cáo để duyệt:
office-pick-round-export = Chọn kỳ báo cáo để xuất câu trả lời:

## Dự thảo tổng hợp (.docx)

office-compile-head = 📄 Dự thảo báo cáo tổng hợp, phiên bản { $version }.
office-compile-head-final = 📄 Báo cáo tổng hợp bản cuối (kỳ báo cáo đã đóng), phiên bản { $version }.
office-compile-reused = Không có thay đổi kể từ phiên bản này nên tôi gửi lại tệp đã lưu.
office-compile-included = Đã tổng hợp { $included }/{ $total } đơn vị.
office-compile-option-drafts = có đưa vào câu trả lời của đơn vị chưa nộp (bản nháp)
office-compile-option-attribution = có ghi tên đơn vị sau từng ý
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
office-compile-unknown-option = Tôi không hiểu tùy chọn «{ $word }». Anh/Chị dùng /compile (chỉ báo cáo đã nộp), /compile nhap (kèm bản nháp của đơn vị chưa nộp), /compile ghi-ten (ghi tên đơn vị sau từng ý), hoặc kết hợp: /compile nhap ghi-ten.
office-compile-working = Đang tổng hợp…
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
office-review-last-return = Lần trả lại gần nhất ({ $time }): { $comment }
office-review-unanswered = (chưa trả lời)
office-review-skipped = (bỏ qua)
office-review-locked-accepted = Báo cáo đã được tiếp nhận và khóa; bấm «Trả lại» nếu cần đơn vị bổ sung.
office-review-locked-closed = Kỳ báo cáo đã đóng; câu trả lời không thay đổi được nữa.
office-review-not-submitted = Đơn vị chưa nộp báo cáo này nên chưa tiếp nhận hay trả lại được.
office-button-accept = ✅ Tiếp nhận
office-button-return = 🔁 Trả lại để bổ sung…
office-button-back-to-list = ↩️ Danh sách đơn vị
office-button-return-continue = ➡️ Tiếp tục ({ $count } câu)
office-button-cancel = ✖️ Hủy
office-return-pick = Chọn các câu cần { $unit } bổ sung (bấm để chọn hoặc bỏ chọn), rồi bấm «Tiếp tục».
office-return-pick-one = Anh/Chị chọn ít nhất một câu cần bổ sung.
office-return-cancelled = Đã hủy; báo cáo không thay đổi.
office-return-ask-comment = Anh/Chị nhập ý kiến gửi { $unit } về các câu { $numbers } (tối đa { $max } ký tự), ví dụ: «Đề nghị nêu rõ số liệu và thời gian tổ chức». Gõ /cancel để hủy.
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
office-returned-nobody-told = 🔁 Đã trả lại { $count } câu cho { $unit }, nhưng không nhắn được cho người báo cáo nào của đơn vị (chưa có người báo cáo hoặc họ đã chặn bot). Anh/Chị vui lòng liên hệ trực tiếp.
office-returned-reporter-question = • Câu { $number }: { $question }
office-returned-reporter =
    🔁 Văn phòng đề nghị { $unit } bổ sung báo cáo { $round }, các câu:
    { $questions }
    Ý kiến của Văn phòng: { $comment }
    Anh/Chị bấm nút dưới đây (hoặc gõ /report) để trả lời lại các câu này, rồi nộp lại báo cáo.
office-button-answer-again = ✏️ Bổ sung ngay

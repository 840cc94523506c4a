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
reminder-digest-unreachable = Không gửi được nhắc việc cho: { $people }. Người nhận đã chặn bot hoặc không còn dùng Telegram; Anh/Chị vui lòng liên hệ trực tiếp.
reminder-digest-hint = Gõ /remind để nhắc ngay các đơn vị chưa nộp.

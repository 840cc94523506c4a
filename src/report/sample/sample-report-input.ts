import type { OrganisationInfo, ReportInput, RoundInfo, SubmissionInfo, UnitInfo } from "../../domain/report/report-input.ts";
import type { Template } from "../../domain/template/template-schema.ts";

/**
 * Example answers for the default template: the Department of Science and Technology of Hưng Yên reporting
 * on grassroots democracy for the first nine months of 2024. Several departments, two affiliated units,
 * the trade union (its own item) and a youth union that has not submitted; every question type is answered
 * by someone. `npm run compile -- --sample` renders it without a database.
 */
export const SAMPLE_ORGANISATION: OrganisationInfo = {
  name: "Sở Khoa học và Công nghệ",
  shortName: "Sở Khoa học và Công nghệ",
  parentName: "UBND tỉnh Hưng Yên",
  symbol: "SKHCN",
  place: "Hưng Yên",
  signerAuthority: "KT. GIÁM ĐỐC",
  signerTitle: "PHÓ GIÁM ĐỐC",
  signerName: "Nguyễn Thái Kiều Ngân",
  recipients: [],
  distribution: ["Như trên", "Giám đốc Sở và các Phó Giám đốc Sở", "Lưu: VT, VP"],
  profileText: [
    "Sở Khoa học và Công nghệ tỉnh Hưng Yên (Sở) là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Hưng Yên, có chức năng tham mưu, giúp Ủy ban nhân dân tỉnh Hưng Yên quản lý nhà nước về khoa học và công nghệ (KH&CN), bao gồm: hoạt động nghiên cứu khoa học và phát triển công nghệ, đổi mới sáng tạo; phát triển tiềm lực KH&CN; tiêu chuẩn, đo lường, chất lượng; sở hữu trí tuệ; ứng dụng bức xạ và đồng vị phóng xạ; an toàn bức xạ và hạt nhân; quản lý và tổ chức thực hiện các dịch vụ công về các lĩnh vực thuộc phạm vi chức năng của Sở theo quy định của pháp luật.",
    "Sở có tư cách pháp nhân, có con dấu và tài khoản riêng theo quy định của pháp luật; chấp hành sự chỉ đạo, quản lý về tổ chức và hoạt động của UBND tỉnh Hưng Yên theo thẩm quyền, đồng thời chấp hành sự chỉ đạo, kiểm tra, hướng dẫn về chuyên môn, nghiệp vụ của Bộ KH&CN.",
    "Sở có trụ sở tại: đường An Vũ, phường Hiến Nam, thành phố Hưng Yên, tỉnh Hưng Yên.",
    "Công tác xây dựng hệ thống chính trị, hoạt động chính quyền được tập trung chỉ đạo và từng bước đạt được kết quả tích cực, nổi bật là công tác cải cách hành chính (CCHC), trọng tâm là cải cách thủ tục hành chính (TTHC), góp phần vào sự nghiệp đổi mới của Đảng, công tác quản lý điều hành của Nhà nước.",
  ].join("\n\n"),
};

export const SAMPLE_ROUND: RoundInfo = {
  period: { kind: "NINE_MONTHS", year: 2024, number: 1 },
  requestDocument: "Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở",
  recipients: [],
  reportDate: null,
  deadline: "2024-09-20",
};

export const SAMPLE_UNITS: UnitInfo[] = [
  { id: 1, name: "Văn phòng Sở", kind: "department", order: 1 },
  { id: 2, name: "Thanh tra Sở", kind: "department", order: 2 },
  { id: 3, name: "Phòng Quản lý khoa học", kind: "department", order: 3 },
  { id: 4, name: "Phòng Quản lý chuyên ngành", kind: "department", order: 4 },
  { id: 5, name: "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ", kind: "affiliated", order: 5 },
  { id: 6, name: "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng", kind: "affiliated", order: 6 },
  { id: 7, name: "Công đoàn Sở", kind: "trade_union", order: 7 },
  { id: 8, name: "Chi đoàn Sở", kind: "youth_union", order: 8 },
];

const answer = (value: unknown) => ({ value, skipped: false });
const skipped = { value: null, skipped: true };

export const SAMPLE_SUBMISSIONS: SubmissionInfo[] = [
  {
    unitId: 1,
    status: "ACCEPTED",
    answers: {
      leadership_direction: answer(
        "Đảng ủy, Lãnh đạo Sở luôn coi trọng việc chỉ đạo, thực hiện dân chủ ở cơ sở trong suốt quá trình lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị, chuyên môn của ngành. Chỉ đạo các Chi bộ đảng, các phòng chuyên môn, các đơn vị trực thuộc, các tổ chức chính trị - xã hội xây dựng chương trình phát động phong trào thi đua gắn với thực hiện Quy chế dân chủ ở cơ sở bằng nhiều hình thức khác nhau nhằm nâng cao nhận thức của đảng viên, công chức, viên chức, người lao động ý thức được trách nhiệm phục vụ nhân dân. Từ đó, góp phần củng cố lòng tin của nhân dân đối với Đảng, Nhà nước nói chung, với công chức, viên chức trong các cơ quan hành chính Nhà nước, đơn vị sự nghiệp công lập trên địa bàn tỉnh.",
      ),
      dissemination: answer(
        'Đảng ủy, lãnh đạo Sở đã tổ chức thực hiện các nội dung cơ bản của Luật Thực hiện dân chủ ở cơ sở; Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị Khóa XI về tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả việc xây dựng và thực hiện quy chế dân chủ ở cơ sở; Kết luận số 21 ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khóa XIII về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị, kiên quyết ngăn chặn, đẩy lùi và xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, biểu hiện "tự diễn biến", "tự chuyển hóa"; Kết luận số 01 ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh và các Nghị quyết, đề án, kế hoạch thực hiện Nghị quyết Đại hội đảng bộ các cấp.',
      ),
      awareness_plans: answer(
        "Căn cứ các văn bản của Ban Dân vận Tỉnh ủy về việc tiếp tục thực hiện Đề án số 02-ĐA/TU ngày 15/8/2016 của Ban Thường vụ Tỉnh ủy (khóa XVIII) về nâng cao chất lượng, hiệu quả thực hiện công tác Dân vận của cơ quan hành chính Nhà nước, chính quyền các cấp, giai đoạn 2021-2025, Sở đã xây dựng, ban hành và triển khai thực hiện có hiệu quả các Kế hoạch: số 04/KH-SKHCN ngày 24/01/2022 về Cải cách hành chính giai đoạn 2021-2025; số 32/KH-SKHCN ngày 07/02/2024 về Công tác dân vận chính quyền, thực hiện Quy chế dân chủ ở cơ sở và thực hiện phong trào thi đua “Dân vận khéo” năm 2024; số 10/KH-SKHCN ngày 17/01/2024 về cải cách hành chính năm 2024;...",
      ),
      awareness_activities: answer([
        "Tổ chức tuyên truyền, phổ biến, quán triệt đến các phòng chuyên môn, đơn vị trực thuộc Sở; đảng viên, công chức viên chức và người lao động thuộc Sở nội dung các văn bản: Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới; Chỉ thị số 16/CT-TTg ngày 16/5/2016 của Thủ tướng Chính phủ về tăng cường và đổi mới công tác Dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp trong tình hình mới;... gắn với công tác chuyên môn được giao.",
      ]),
      results: answer([
        "Thực hiện Quyết định số 346/QĐ-TTg ngày 06/4/2023 của Thủ tướng Chính phủ ban hành kèm theo Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở. Đảng ủy, Lãnh đạo Sở đã chỉ đạo Cơ quan Sở và các đơn vị trực thuộc Sở khẩn trương xây dựng và ban hành Quy chế thực hiện dân chủ ở cơ sở",
        "Duy trì chế độ giao ban định kỳ hàng tháng; thực hiện tốt việc công khai các nội dung công chức được biết như: việc tuyển dụng, nâng bậc lương, nâng ngạch, và đề bạt, bổ nhiệm cán bộ, đánh giá phân loại, khen thưởng, kỷ luật;",
        "Đảng ủy, Lãnh đạo Sở luôn lắng nghe ý kiến kiến nghị, nguyện vọng của đảng viên, công chức, viên chức để xem xét, giải quyết theo thẩm quyền",
      ]),
      reception_officer: skipped,
      complaints_count: answer(0),
      publicity_channels: answer(["briefing", "portal", "document_system"]),
      achievements: answer(
        "Việc triển khai thực hiện dân chủ cơ sở và các văn bản pháp luật có liên quan đã tạo chuyển biến rõ rệt về mặt nhận thức trong công chức, viên chức và người lao động về ý nghĩa, tầm quan trọng, sự cần thiết phải tăng cường công tác dân chủ trong hoạt động của Ngành; thực hiện tốt các quy định về thực hành tiết kiệm, phòng chống tham nhũng, lãng phí.",
      ),
      self_assessment: answer("excellent"),
      causes: answer([
        "Đảng ủy và lãnh đạo Sở có sự thống nhất trong lãnh đạo, chỉ đạo các bộ phận chuyên môn của Sở: xây dựng kế hoạch thực hiện các chủ trương, chỉ thị, nghị quyết của Đảng và Nhà nước và của tỉnh về công tác dân vận chính quyền, phong trào “dân vận khéo”",
        "Triển khai, phổ biến, quán triệt kịp thời các văn bản pháp luật về công tác dân vận, phong trào “dân vận khéo” và triển khai xây dựng mô hình “dân vận khéo” đầy đủ, thiết thực, hiệu quả, đảm bảo quy định",
        "Công tác tổ chức thực hiện dân chủ ở cơ sở đồng bộ, rộng khắp và thường xuyên; kịp thời biểu dương, khen thưởng, nhân điển hình các tập thể, cá nhân có thành tích tốt",
      ]),
      shortcomings: answer(
        "Trong quá trình triển khai thực hiện, bên cạnh kết quả đạt được, vẫn còn một số hạn chế như: nhận thức về vị trí, vai trò của công tác dân vận chính quyền có lúc, có nơi chưa đầy đủ. Công tác nắm tình hình tư tưởng, nhất là các vấn đề mới nảy sinh ở cơ sở có lúc, có nơi chưa kịp thời.",
      ),
      next_tasks: answer([
        "Tiếp tục phát huy vai trò lãnh đạo, chỉ đạo của các cấp ủy Đảng trong triển khai, thực hiện Quy chế dân chủ ở cơ sở cùng với nhiệm vụ chính trị của ngành",
        "Tiếp tục quán triệt, tuyên truyền, phổ biến kịp thời đến đảng viên, công chức, viên chức, người lao động trong Sở các văn bản chỉ đạo của Trung ương, của tỉnh, của ngành liên quan đến thực hiện dân chủ ở cơ sở",
        "Tổ chức tổng kết, đánh giá, báo cáo kết quả thực hiện Quy chế dân chủ ở cơ sở năm 2024",
      ]),
    },
  },
  {
    unitId: 2,
    status: "SUBMITTED",
    answers: {
      results: answer(["Thực hiện tốt công tác tiếp dân và giải quyết khiếu nại, tố cáo của công dân"]),
      reception_officer: answer("01 công chức"),
      complaints_count: answer(0),
      next_tasks: answer([
        "Tiếp tục phối hợp với các Sở, ban ngành và địa phương rà soát những bất cập, chồng chéo, vướng mắc giữa các quy định của pháp luật liên quan đến người dân và doanh nghiệp để tham mưu UBND tỉnh điều chỉnh cho phù hợp với tình hình thực tế",
      ]),
    },
  },
  {
    unitId: 3,
    status: "SUBMITTED",
    answers: {
      awareness_activities: answer([
        "Đẩy mạnh công tác tuyên truyền, phổ biến, ứng dụng tiến bộ, thành tựu KH&CN vào đời sống, sản xuất, công tác bảo hộ tài sản trí tuệ đối với các sản phẩm, hàng hóa của địa phương; khuyến khích doanh nghiệp, tổ chức, cá nhân tham gia khởi nghiệp, đổi mới sáng tạo",
      ]),
      results: answer([
        "Tổ chức phổ biến, quán triệt và triển khai Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ về việc phê duyệt Đề án Văn hóa công vụ đến toàn bộ công chức, viên chức thông qua các cuộc họp giao ban",
      ]),
      complaints_count: answer(0),
      self_assessment: answer("fair"),
      next_tasks: answer([
        "Tăng cường công tác quản lý nhà nước về KH&CN ở địa phương. Đẩy mạnh công tác tuyên truyền, phổ biến kiến thức pháp luật trong lĩnh vực KH&CN, các thành tựu, tiến bộ KH&CN đến cán bộ lãnh đạo, quản lý, chuyên môn các cấp và người dân địa phương trong tỉnh",
      ]),
    },
  },
  {
    // Still writing: its answers appear only when drafts are included.
    unitId: 4,
    status: "IN_PROGRESS",
    answers: {
      results: answer(["Nâng cao công tác quản lý nhà nước về tiêu chuẩn, đo lường, chất lượng"]),
      complaints_count: answer(1),
    },
  },
  {
    unitId: 5,
    status: "SUBMITTED",
    answers: {
      dissemination: answer(
        "Chi bộ Trung tâm đã quán triệt Nghị quyết số 49-NQ/TW ngày 18/5/2024 của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của Đảng đối với việc thực hiện dân chủ ở cơ sở đến toàn thể đảng viên, viên chức.",
      ),
      awareness_activities: answer(["Tổ chức tuyên truyền Luật Thực hiện dân chủ ở cơ sở tại các cuộc họp chuyên môn hằng tháng"]),
      results: answer(["Các đơn vị đã triển khai xây dựng, ban hành và thực hiện Quy chế thực hiện dân chủ ở cơ sở đảm bảo quy định"]),
      regulation_document: answer({
        text: "Quyết định số 219/QĐ-SKHCN ngày 09/7/2024 về việc ban hành Quy chế thực hiện dân chủ ở cơ sở",
        number: "219/QĐ-SKHCN",
        date: "2024-07-09",
        issuer: "Sở Khoa học và Công nghệ",
      }),
      conference_date: answer("2024-01-05"),
      dialogue_held: answer(true),
      publicity_channels: answer(["briefing", "notice_board"]),
      self_assessment: answer("excellent"),
      next_tasks: answer([
        "Tăng cường kỷ cương hành chính, kỷ luật lao động; tiếp tục cải tiến, đổi mới phương pháp lãnh đạo, điều hành, lề lối làm việc; thực hiện tốt văn hóa công sở",
      ]),
    },
  },
  {
    unitId: 6,
    status: "SUBMITTED",
    answers: {
      awareness_activities: answer([
        "Đa dạng nội dung, hình thức tuyên truyền pháp luật về tiêu chuẩn, đo lường, chất lượng đến các doanh nghiệp, tổ chức, cá nhân có liên quan",
      ]),
      results: answer(["Công khai kế hoạch tài chính, kế hoạch đào tạo, bồi dưỡng và các chế độ, chính sách liên quan đến quyền và lợi ích của viên chức"]),
      dialogue_held: answer(false),
      causes: skipped,
      next_tasks: answer(["Đẩy mạnh cải cách hành chính và ứng dụng công nghệ thông tin trong công tác chuyên môn, nghiệp vụ"]),
    },
  },
  {
    unitId: 7,
    status: "SUBMITTED",
    answers: {
      trade_union_activity: answer(
        "Ban Chấp hành công đoàn Sở chủ động đề xuất, phối hợp với Chính quyền Sở tổ chức phổ biến, tuyên truyền nội dung Quy chế dân chủ tới toàn thể đoàn viên công đoàn; tổ chức triển khai, giám sát việc tổ chức thực hiện dân chủ ở cơ sở qua đó phối hợp với Chính quyền Sở kịp thời xem xét, giải quyết kịp thời những vướng mắc trong quá trình thực hiện.",
      ),
      next_tasks: answer(["Phối hợp tổ chức Hội nghị cán bộ, công chức, viên chức năm 2025"]),
    },
  },
  // Chi đoàn Sở (unit 8) has not started: it shows as not submitted in the appendix.
];

/** The sample as a report input for the given (default) template. */
export function sampleReportInput(template: Template): ReportInput {
  return {
    organisation: SAMPLE_ORGANISATION,
    round: SAMPLE_ROUND,
    template,
    units: SAMPLE_UNITS,
    submissions: SAMPLE_SUBMISSIONS,
  };
}

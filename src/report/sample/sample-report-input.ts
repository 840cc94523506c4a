import type { OrganisationInfo, ReportInput, RoundInfo, SubmissionInfo, UnitInfo } from "../../domain/report/report-input.ts";
import type { Template } from "../../domain/template/template-schema.ts";

/**
 * Example answers for the default template: the Department of Science and Technology of Hưng Yên reporting
 * on grassroots democracy for the first nine months of 2024. The office, three departments, two affiliated
 * centres, the trade union (its own item) and a youth union that has not submitted; every question type is
 * answered by someone. `npm run compile -- --sample` renders it without a database.
 */
export const SAMPLE_ORGANISATION: OrganisationInfo = {
  name: "Sở Khoa học và Công nghệ",
  shortName: "Sở Khoa học và Công nghệ",
  shortForm: "Sở",
  parentName: "UBND tỉnh Hưng Yên",
  symbol: "SKHCN",
  place: "Hưng Yên",
  signerAuthority: "KT. GIÁM ĐỐC",
  signerTitle: "PHÓ GIÁM ĐỐC",
  signerName: "Nguyễn Thái Kiều Ngân",
  recipients: [],
  distribution: ["Như trên", "Giám đốc Sở và các Phó Giám đốc Sở", "Lưu: VT, {drafterUnit}"],
  drafterUnit: "VP",
  profileText: [
    "Sở Khoa học và Công nghệ tỉnh Hưng Yên (Sở) là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Hưng Yên, có chức năng tham mưu, giúp Ủy ban nhân dân tỉnh Hưng Yên quản lý nhà nước về khoa học và công nghệ (KH&CN), bao gồm: hoạt động nghiên cứu khoa học và phát triển công nghệ, đổi mới sáng tạo; phát triển tiềm lực KH&CN; tiêu chuẩn, đo lường, chất lượng; sở hữu trí tuệ; ứng dụng bức xạ và đồng vị phóng xạ; an toàn bức xạ và hạt nhân; quản lý và tổ chức thực hiện các dịch vụ công về các lĩnh vực thuộc phạm vi chức năng của Sở theo quy định của pháp luật.",
    "Sở có tư cách pháp nhân, có con dấu và tài khoản riêng theo quy định của pháp luật; chấp hành sự chỉ đạo, quản lý về tổ chức và hoạt động của UBND tỉnh Hưng Yên theo thẩm quyền, đồng thời chấp hành sự chỉ đạo, kiểm tra, hướng dẫn về chuyên môn, nghiệp vụ của Bộ KH&CN.",
    "Sở có trụ sở tại: đường An Vũ, phường Hiến Nam, thành phố Hưng Yên, tỉnh Hưng Yên.",
    "Công tác xây dựng hệ thống chính trị, hoạt động chính quyền được tập trung chỉ đạo và từng bước đạt được kết quả tích cực, nổi bật là công tác cải cách hành chính (CCHC), trọng tâm là cải cách thủ tục hành chính (TTHC), góp phần vào sự nghiệp đổi mới của Đảng, công tác quản lý điều hành của Nhà nước.",
    "Đảng ủy, Lãnh đạo Sở luôn coi trọng việc chỉ đạo, thực hiện dân chủ ở cơ sở trong suốt quá trình lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị, chuyên môn của ngành; triển khai thực hiện dân chủ ở cơ sở một cách đồng bộ, thường xuyên và liên tục.",
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
  { id: 1, name: "Văn phòng Sở", kind: "office", order: 1 },
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

// Each unit answers with its own facts, as a unit would: the office for the agency itself, a department for
// its own work, an affiliated centre for the centre. Several say the same thing in their own spelling (merged
// once), some answer "Không" where they have nothing (left out), one is still writing (a draft).
export const SAMPLE_SUBMISSIONS: SubmissionInfo[] = [
  {
    unitId: 1,
    status: "ACCEPTED",
    answers: {
      leadership_direction: answer(
        "Đảng ủy, Lãnh đạo Sở chỉ đạo các chi bộ, phòng chuyên môn, đơn vị trực thuộc và các tổ chức chính trị - xã hội gắn việc thực hiện Quy chế dân chủ ở cơ sở với phong trào thi đua của cơ quan; kết quả thực hiện được đánh giá tại cuộc họp giao ban hằng tháng.",
      ),
      dissemination: answer(
        "Đảng ủy Sở đã quán triệt Luật Thực hiện dân chủ ở cơ sở và Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị về tiếp tục đẩy mạnh, nâng cao chất lượng, hiệu quả việc xây dựng và thực hiện quy chế dân chủ ở cơ sở tại hội nghị cán bộ chủ chốt ngày 15/3/2024.",
      ),
      awareness_plans: answer(
        "Sở ban hành Kế hoạch số 32/KH-SKHCN ngày 07/02/2024 về công tác dân vận chính quyền, thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo” năm 2024 và Kế hoạch số 10/KH-SKHCN ngày 17/01/2024 về cải cách hành chính năm 2024.",
      ),
      awareness_activities: answer(["Đăng tải các văn bản mới về dân chủ ở cơ sở trên cổng thông tin điện tử của Sở"]),
      awareness_documents: answer(
        "Tổ chức quán triệt đến đảng viên, công chức, viên chức và người lao động Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới và Nghị quyết số 49-NQ/TW ngày 18/5/2024 của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của Đảng đối với việc thực hiện dân chủ ở cơ sở.",
      ),
      regulation_issued: answer(true),
      regulation_document: answer({
        text: "Quyết định số 219/QĐ-SKHCN ngày 09/7/2024 về việc ban hành Quy chế thực hiện dân chủ ở cơ sở cơ quan Sở Khoa học và Công nghệ",
        number: "219/QĐ-SKHCN",
        date: "2024-07-09",
        subject: "về việc ban hành Quy chế thực hiện dân chủ ở cơ sở cơ quan Sở Khoa học và Công nghệ",
      }),
      publicised_contents: answer(["recruitment", "pay", "appointment", "appraisal", "rewards"]),
      publicity_channels: answer(["briefing", "portal", "document_system"]),
      // The office does not receive citizens: "Không" is no answer, the report counts the others.
      reception_officer: answer("Không"),
      complaints_count: answer(0),
      conference_held: answer(true),
      conference_date: answer("2024-01-12"),
      results: answer([
        "Lãnh đạo Sở trao đổi với công chức, viên chức tại giao ban hằng tháng; ý kiến, kiến nghị của đảng viên, công chức, viên chức được xem xét, giải quyết theo thẩm quyền",
      ]),
      achievements: answer(
        "Công chức, viên chức và người lao động của Sở hiểu rõ hơn ý nghĩa của việc thực hiện dân chủ ở cơ sở; các quy định về công khai, minh bạch, thực hành tiết kiệm, phòng chống tham nhũng, lãng phí được thực hiện nghiêm.",
      ),
      self_assessment: answer("excellent"),
      causes: answer([
        "Đảng ủy và Lãnh đạo Sở thống nhất trong lãnh đạo, chỉ đạo thực hiện dân chủ ở cơ sở",
        "Kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích tốt",
      ]),
      shortcomings: answer("Việc nắm tình hình tư tưởng của công chức, viên chức, nhất là các vấn đề mới nảy sinh, có lúc chưa kịp thời."),
      next_tasks: answer([
        "Tiếp tục quán triệt, tuyên truyền, phổ biến kịp thời đến đảng viên, công chức, viên chức, người lao động các văn bản chỉ đạo của Trung ương, của tỉnh, của ngành liên quan đến thực hiện dân chủ ở cơ sở",
        "Tổ chức tổng kết, đánh giá, báo cáo kết quả thực hiện Quy chế dân chủ ở cơ sở năm 2024",
      ]),
    },
  },
  {
    unitId: 2,
    status: "SUBMITTED",
    answers: {
      awareness_activities: answer(["Tuyên truyền pháp luật về khiếu nại, tố cáo và tiếp công dân đến các tổ chức, cá nhân có liên quan"]),
      publicity_channels: answer(["briefing"]),
      reception_officer: answer("bà Trần Thị Hoa, Phó Chánh Thanh tra"),
      complaints_count: answer(0),
      results: answer(["Không"]),
      causes: answer(["Đảng ủy và lãnh đạo Sở thống nhất trong lãnh đạo, chỉ đạo thực hiện dân chủ ở cơ sở."]),
      shortcomings: answer("Không có"),
      next_tasks: answer([
        "Phối hợp với các sở, ngành và địa phương rà soát những bất cập, chồng chéo giữa các quy định pháp luật liên quan đến người dân và doanh nghiệp, tham mưu UBND tỉnh điều chỉnh cho phù hợp",
      ]),
    },
  },
  {
    unitId: 3,
    status: "SUBMITTED",
    answers: {
      awareness_activities: answer([
        "Đẩy mạnh tuyên truyền, phổ biến, ứng dụng tiến bộ khoa học và công nghệ vào sản xuất, đời sống; hướng dẫn doanh nghiệp, tổ chức, cá nhân tham gia khởi nghiệp, đổi mới sáng tạo",
      ]),
      publicity_channels: answer(["briefing", "email"]),
      reception_officer: skipped,
      complaints_count: answer(0),
      results: answer(["Phổ biến Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ về việc phê duyệt Đề án Văn hóa công vụ đến toàn thể công chức"]),
      self_assessment: answer("fair"),
      causes: answer(["Công tác thực hiện dân chủ ở cơ sở được tổ chức đồng bộ, thường xuyên, rộng khắp"]),
      next_tasks: answer([
        "Tăng cường quản lý nhà nước về khoa học và công nghệ ở địa phương; đẩy mạnh tuyên truyền, phổ biến kiến thức pháp luật và các thành tựu, tiến bộ khoa học và công nghệ đến cán bộ, người dân trong tỉnh",
        "tiếp tục quán triệt, tuyên truyền, phổ biến kịp thời đến đảng viên, công chức, viên chức, người lao động các văn bản chỉ đạo của Trung ương, của tỉnh, của ngành liên quan đến thực hiện dân chủ ở cơ sở.",
      ]),
    },
  },
  {
    // Still writing: its answers appear only when drafts are included.
    unitId: 4,
    status: "IN_PROGRESS",
    answers: {
      results: answer(["Nâng cao chất lượng quản lý nhà nước về tiêu chuẩn, đo lường, chất lượng"]),
      complaints_count: answer(1),
    },
  },
  {
    unitId: 5,
    status: "SUBMITTED",
    answers: {
      dissemination: answer(
        "Chi bộ Trung tâm Ứng dụng tiến bộ khoa học và công nghệ đã quán triệt Nghị quyết số 49-NQ/TW ngày 18/5/2024 của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của Đảng đối với việc thực hiện dân chủ ở cơ sở đến toàn thể đảng viên, viên chức.",
      ),
      awareness_activities: answer(["Tuyên truyền Luật Thực hiện dân chủ ở cơ sở tại các cuộc họp chuyên môn hằng tháng"]),
      regulation_issued: answer(true),
      publicised_contents: answer(["appraisal", "training", "finance"]),
      publicity_channels: answer(["briefing", "notice_board"]),
      conference_held: answer(true),
      conference_date: answer("2024-01-05"),
      dialogue_held: answer(true),
      results: answer(["Phổ biến quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ về việc phê duyệt Đề án văn hóa công vụ đến toàn thể công chức;"]),
      achievements: answer("Viên chức của Trung tâm chủ động góp ý vào kế hoạch hoạt động và quy chế chi tiêu nội bộ năm 2024."),
      self_assessment: answer("excellent"),
      causes: answer(["Kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích tốt."]),
      next_tasks: answer([
        "Tổ chức tổng kết, đánh giá, báo cáo kết quả thực hiện Quy chế dân chủ ở cơ sở năm 2024",
        "Đẩy mạnh cải cách hành chính và ứng dụng công nghệ thông tin trong hoạt động chuyên môn của Trung tâm",
      ]),
    },
  },
  {
    unitId: 6,
    status: "SUBMITTED",
    answers: {
      awareness_activities: answer(["Đa dạng nội dung, hình thức tuyên truyền pháp luật về tiêu chuẩn, đo lường, chất lượng đến doanh nghiệp, tổ chức, cá nhân"]),
      regulation_issued: answer(true),
      publicised_contents: answer(["training", "finance", "policies"]),
      publicity_channels: answer(["briefing", "notice_board"]),
      conference_held: answer(true),
      conference_date: answer("2024-01-10"),
      dialogue_held: answer(false),
      results: answer(["Không có."]),
      causes: skipped,
      shortcomings: answer("Không."),
      next_tasks: answer(["Thực hiện tốt văn hóa công sở, rèn luyện đạo đức công vụ, đổi mới tác phong làm việc theo hướng dân chủ, tôn trọng nhân dân"]),
    },
  },
  {
    unitId: 7,
    status: "SUBMITTED",
    answers: {
      trade_union_activity: answer(
        "Ban Chấp hành Công đoàn Sở phối hợp với chính quyền phổ biến nội dung Quy chế dân chủ tới toàn thể đoàn viên công đoàn; giám sát việc thực hiện dân chủ ở cơ sở và cùng chính quyền kịp thời giải quyết những vướng mắc phát sinh.",
      ),
      next_tasks: answer(["Phối hợp với chính quyền tổ chức Hội nghị cán bộ, công chức, viên chức năm 2025"]),
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

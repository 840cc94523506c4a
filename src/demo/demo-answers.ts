import type { AnswerValue } from "../domain/answer-value.ts";
import type { Question } from "../domain/template/template-schema.ts";

export type DemoAnswer = { value: AnswerValue; skipped: false } | { value: null; skipped: true };

type Given = Record<string, AnswerValue | null>;

/**
 * What each unit of examples/org.yaml answers in the demo, in the order of its kind: the office for the agency
 * itself, each department and the centre for their own work, as units do. Some name the same task (merged once
 * in the report), some have nothing to add ("Không", left out), the year-end review goes last.
 */
function answerSets(year: number): Record<string, Given[]> {
  const review = `Tổ chức tổng kết, đánh giá, báo cáo kết quả thực hiện Quy chế dân chủ ở cơ sở năm ${year}`;
  const keepBriefing =
    "Tiếp tục quán triệt, tuyên truyền, phổ biến kịp thời đến đảng viên, công chức, viên chức, người lao động các văn bản chỉ đạo của Trung ương, của tỉnh, của ngành liên quan đến thực hiện dân chủ ở cơ sở";
  return {
    office: [
      {
        leadership_direction:
          "Đảng ủy, Lãnh đạo Sở chỉ đạo các chi bộ, phòng chuyên môn và đơn vị trực thuộc gắn việc thực hiện Quy chế dân chủ ở cơ sở với phong trào thi đua của cơ quan; kết quả được đánh giá tại cuộc họp giao ban hằng tháng.",
        dissemination: `Đảng ủy Sở quán triệt Luật Thực hiện dân chủ ở cơ sở và Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị tại hội nghị cán bộ chủ chốt tháng 3/${year}.`,
        awareness_plans: `Sở ban hành Kế hoạch số 32/KH-SKHCN ngày 07/02/${year} về công tác dân vận chính quyền, thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo” năm ${year}.`,
        awareness_activities: ["Đăng tải các văn bản mới về dân chủ ở cơ sở trên cổng thông tin điện tử của Sở"],
        awareness_documents:
          "Tổ chức quán triệt đến đảng viên, công chức, viên chức và người lao động Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương Đảng (khóa XI) về tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới.",
        regulation_issued: true,
        regulation_document: { text: `Quyết định số 219/QĐ-SKHCN ngày 09/7/${year} về việc ban hành Quy chế thực hiện dân chủ ở cơ sở cơ quan Sở Khoa học và Công nghệ` },
        publicised_contents: ["recruitment", "pay", "appointment", "appraisal", "rewards"],
        publicity_channels: ["briefing", "portal", "document_system"],
        reception_officer: "Không",
        complaints_count: 0,
        conference_held: true,
        conference_date: `${year}-01-12`,
        results: ["Lãnh đạo Sở trao đổi với công chức, viên chức tại giao ban hằng tháng; các ý kiến, kiến nghị được xem xét, giải quyết theo thẩm quyền"],
        achievements: "Công chức, viên chức và người lao động của Sở hiểu rõ hơn ý nghĩa của việc thực hiện dân chủ ở cơ sở; các quy định về công khai, minh bạch được thực hiện nghiêm.",
        self_assessment: "excellent",
        causes: ["Đảng ủy và Lãnh đạo Sở thống nhất trong lãnh đạo, chỉ đạo thực hiện dân chủ ở cơ sở", "Kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích tốt"],
        shortcomings: "Việc nắm tình hình tư tưởng của công chức, viên chức có lúc chưa kịp thời.",
        next_tasks: [keepBriefing, review],
      },
    ],
    department: [
      {
        // Thanh tra Sở
        awareness_activities: ["Tuyên truyền pháp luật về khiếu nại, tố cáo và tiếp công dân đến các tổ chức, cá nhân có liên quan"],
        publicity_channels: ["briefing"],
        reception_officer: "bà Trần Thị Hoa, Phó Chánh Thanh tra",
        complaints_count: 1,
        results: ["Không"],
        causes: ["Đảng ủy và lãnh đạo Sở thống nhất trong lãnh đạo, chỉ đạo thực hiện dân chủ ở cơ sở."],
        shortcomings: "Không có",
        self_assessment: "excellent",
        next_tasks: ["Phối hợp với các sở, ngành rà soát những bất cập, chồng chéo giữa các quy định pháp luật liên quan đến người dân và doanh nghiệp"],
      },
      {
        // Phòng Kế hoạch - Tài chính
        awareness_activities: ["Phổ biến quy chế chi tiêu nội bộ và quy chế quản lý tài sản công đến công chức, viên chức"],
        publicity_channels: ["briefing", "email"],
        reception_officer: null,
        complaints_count: 0,
        results: ["Công khai dự toán, quyết toán ngân sách năm của cơ quan theo quy định"],
        causes: null,
        self_assessment: "fair",
        next_tasks: ["Thực hiện công khai tài chính, ngân sách đúng thời hạn"],
      },
      {
        // Phòng Quản lý khoa học
        awareness_activities: ["Hướng dẫn doanh nghiệp, tổ chức, cá nhân tham gia khởi nghiệp, đổi mới sáng tạo"],
        publicity_channels: ["briefing"],
        reception_officer: null,
        complaints_count: 0,
        results: [`Phổ biến Quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ về việc phê duyệt Đề án Văn hóa công vụ đến toàn thể công chức`],
        causes: ["Công tác thực hiện dân chủ ở cơ sở được tổ chức đồng bộ, thường xuyên"],
        self_assessment: "fair",
        next_tasks: [keepBriefing, "Tăng cường quản lý nhà nước về khoa học và công nghệ ở địa phương"],
      },
      {
        // Phòng Quản lý công nghệ và Đổi mới sáng tạo
        awareness_activities: ["Giới thiệu các chương trình hỗ trợ đổi mới công nghệ cho doanh nghiệp trên địa bàn tỉnh"],
        publicity_channels: ["briefing", "document_system"],
        reception_officer: null,
        complaints_count: 0,
        results: ["phổ biến quyết định số 1847/QĐ-TTg ngày 27/12/2018 của Thủ tướng Chính phủ về việc phê duyệt Đề án văn hóa công vụ đến toàn thể công chức."],
        causes: null,
        self_assessment: "fair",
        next_tasks: ["Đẩy mạnh chuyển đổi số trong hoạt động quản lý nhà nước của Sở"],
      },
      {
        // Phòng Tiêu chuẩn - Đo lường - Chất lượng
        awareness_activities: ["Đa dạng nội dung, hình thức tuyên truyền pháp luật về tiêu chuẩn, đo lường, chất lượng đến doanh nghiệp"],
        publicity_channels: ["briefing"],
        reception_officer: null,
        complaints_count: 0,
        results: ["Không có."],
        causes: null,
        self_assessment: "excellent",
        next_tasks: ["Thực hiện tốt văn hóa công sở, rèn luyện đạo đức công vụ, đổi mới tác phong làm việc"],
      },
    ],
    affiliated: [
      {
        // Trung tâm Ứng dụng tiến bộ khoa học và công nghệ
        dissemination: `Chi bộ Trung tâm Ứng dụng tiến bộ khoa học và công nghệ quán triệt Nghị quyết số 49-NQ/TW ngày 18/5/2024 của Ban Thường vụ Tỉnh ủy đến toàn thể đảng viên, viên chức.`,
        awareness_activities: ["Tuyên truyền Luật Thực hiện dân chủ ở cơ sở tại các cuộc họp chuyên môn hằng tháng"],
        regulation_issued: true,
        publicised_contents: ["appraisal", "training", "finance"],
        publicity_channels: ["briefing", "notice_board"],
        conference_held: true,
        conference_date: `${year}-01-05`,
        dialogue_held: true,
        results: ["Công khai kết quả đánh giá, phân loại viên chức năm trước tại hội nghị viên chức"],
        achievements: "Viên chức của Trung tâm chủ động góp ý vào kế hoạch hoạt động và quy chế chi tiêu nội bộ.",
        self_assessment: "excellent",
        causes: ["Kịp thời biểu dương, khen thưởng các tập thể, cá nhân có thành tích tốt."],
        shortcomings: "Không.",
        next_tasks: [review, "Đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động chuyên môn của Trung tâm"],
      },
    ],
    trade_union: [
      {
        trade_union_activity:
          "Ban Chấp hành Công đoàn cơ sở phối hợp với chính quyền phổ biến Quy chế dân chủ tới toàn thể đoàn viên; giám sát việc thực hiện dân chủ ở cơ sở và cùng chính quyền kịp thời giải quyết những vướng mắc phát sinh.",
        achievements: null,
        shortcomings: null,
        next_tasks: [`Phối hợp với chính quyền tổ chức Hội nghị cán bộ, công chức, viên chức năm ${year + 1}`],
      },
    ],
    youth_union: [
      {
        awareness_activities: ["Tổ chức sinh hoạt chuyên đề về Luật Thực hiện dân chủ ở cơ sở cho đoàn viên thanh niên"],
        next_tasks: ["Phát động đoàn viên thanh niên tham gia phong trào thi đua “Dân vận khéo”"],
      },
    ],
  };
}

/**
 * What a unit of this kind answers in the demo: the n-th answer set of its kind (so two departments do not say
 * the same), and for a question the set does not cover, a plain answer of the question's type: "Không" where a
 * unit has nothing to report, which the report leaves out.
 */
export function demoAnswers(kind: string, nth: number, questions: readonly Question[], year = new Date().getFullYear()): Map<string, DemoAnswer> {
  const sets = answerSets(year)[kind] ?? [];
  const given: Given = sets.length > 0 ? sets[nth % sets.length]! : {};
  const answers = new Map<string, DemoAnswer>();
  for (const question of questions) {
    const value = given[question.key];
    if (value === null && !question.required) answers.set(question.key, { value: null, skipped: true });
    else if (value !== undefined && value !== null) answers.set(question.key, { value, skipped: false });
    else answers.set(question.key, { value: plainAnswer(question, year), skipped: false });
  }
  return answers;
}

function plainAnswer(question: Question, year: number): AnswerValue {
  switch (question.type) {
    case "short_text":
    case "long_text":
      return "Không";
    case "list":
      return ["Không"];
    case "number":
      return 0;
    case "yes_no":
      return true;
    case "single_choice":
      return question.options?.[0]?.key ?? "";
    case "multiple_choice":
      return question.options?.slice(0, 1).map((option) => option.key) ?? [];
    case "date":
      return `${year}-09-12`;
    case "document_ref":
      return { text: `Kế hoạch số 05/KH-CĐ ngày 15/01/${year} của Công đoàn cơ sở Sở` };
  }
}

import type { AnswerValue } from "../domain/answer-value.ts";
import type { Question } from "../domain/template/template-schema.ts";
import { SAMPLE_SUBMISSIONS, SAMPLE_UNITS } from "../report/sample/sample-report-input.ts";

export type DemoAnswer = { value: AnswerValue; skipped: false } | { value: null; skipped: true };

/**
 * What a unit of this kind answers in the demo: the bundled sample answers of a sample unit of the
 * same kind (the n-th one, so two departments do not say the same), or a plain answer of the
 * question's type when the sample has none.
 */
export function demoAnswers(kind: string, nth: number, questions: readonly Question[]): Map<string, DemoAnswer> {
  const sameKind = SAMPLE_UNITS.filter((unit) => unit.kind === kind);
  const sampleUnit = sameKind.length > 0 ? sameKind[nth % sameKind.length] : undefined;
  const sample = SAMPLE_SUBMISSIONS.find((submission) => submission.unitId === sampleUnit?.id);
  const answers = new Map<string, DemoAnswer>();
  for (const question of questions) {
    const given = sample?.answers[question.key];
    if (given?.skipped && !question.required) answers.set(question.key, { value: null, skipped: true });
    else if (given && !given.skipped && given.value !== null) answers.set(question.key, { value: given.value as AnswerValue, skipped: false });
    else answers.set(question.key, { value: plainAnswer(question), skipped: false });
  }
  return answers;
}

function plainAnswer(question: Question): AnswerValue {
  switch (question.type) {
    case "short_text":
    case "long_text":
      return "Đơn vị thực hiện đầy đủ, đúng tiến độ các nội dung được giao.";
    case "list":
      return ["Quán triệt các văn bản mới đến toàn thể đoàn viên", "Tham gia các hoạt động của cơ quan"];
    case "number":
      return 0;
    case "yes_no":
      return true;
    case "single_choice":
      return question.options?.[0]?.key ?? "";
    case "multiple_choice":
      return question.options?.slice(0, 1).map((option) => option.key) ?? [];
    case "date":
      return "2024-09-12";
    case "document_ref":
      return { text: "Kế hoạch số 05/KH-CĐ ngày 15/01/2024 của Công đoàn cơ sở Sở" };
  }
}

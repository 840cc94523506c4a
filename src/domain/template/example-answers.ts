import type { AnswerValue } from "../answer-value.ts";
import { parseAnswer } from "../answer-parsing.ts";
import type { Period } from "../calendar/period.ts";
import { checkSubmission } from "../check-submission.ts";
import type { OrganisationInfo, ReportInput, StoredAnswer, SubmissionInfo, UnitInfo } from "../report/report-input.ts";
import type { UnitKindDef } from "../unit-kind.ts";
import { questionsForUnitKind, templateQuestions, type Question, type Template } from "./template-schema.ts";

/** A placeholder answer that says what it is, so nobody takes the preview for real content. */
const marked = (question: Question) => `[Trả lời mẫu: ${question.prompt.vi.replace(/[?:.]+$/u, "")}]`;

function exampleValue(question: Question, unitIndex: number, year: number, numberOrdinal: number): AnswerValue {
  const example = question.example?.vi;
  if (example) {
    const parsed = parseAnswer(question, example);
    if (parsed.ok) return question.type === "number" ? (parsed.value as number) + unitIndex : parsed.value;
  }
  switch (question.type) {
    case "short_text":
    case "long_text":
      return marked(question);
    case "list":
      return [marked(question)];
    case "number":
      // 100, 93, 86 …: later figures ("of these, on time") a little under the first, as real ones are.
      return Math.max(0, 100 * (unitIndex + 1) - 7 * numberOrdinal);
    case "yes_no":
      // Alternating, so a count shows its "some" wording.
      return unitIndex % 2 === 0;
    case "single_choice":
      return question.options![unitIndex % question.options!.length]!.key;
    case "multiple_choice":
      return question.options!.slice(0, Math.min(2, question.options!.length)).map((o) => o.key);
    case "date":
      return `${year}-03-15`;
    case "document_ref":
      return { text: `Quyết định số 01/QĐ-XX ngày 15/01/${year} về việc ban hành kế hoạch (văn bản mẫu)` };
  }
}

/**
 * A report input with example answers made from the template's own questions: one example unit per kind the
 * template asks, each answering everything it is asked (the question's example when it has one). Numbers are
 * made equal when the template's checks would refuse them, so the preview shows what a valid report looks like.
 */
export function exampleReportInput(template: Template, organisation: OrganisationInfo, kinds: readonly UnitKindDef[], period: Period): ReportInput {
  const kindKeys = [...new Set(templateQuestions(template).flatMap((q) => q.unitKinds))];
  const units: UnitInfo[] = kindKeys.map((kind, i) => ({
    id: i + 1,
    name: `Đơn vị mẫu ${i + 1} (${kinds.find((k) => k.key === kind)?.label.vi ?? kind})`,
    kind,
    order: i + 1,
  }));
  const submissions: SubmissionInfo[] = units.map((unit, i) => {
    const questions = questionsForUnitKind(template, unit.kind);
    const answers: Record<string, StoredAnswer> = {};
    let numbers = 0;
    for (const question of questions) {
      answers[question.key] = { value: exampleValue(question, i, period.year, numbers), skipped: false };
      if (question.type === "number") numbers++;
    }
    if (checkSubmission(template, unit.kind, answers).length > 0) {
      for (const question of questions) if (question.type === "number") answers[question.key] = { value: 10, skipped: false };
    }
    return { unitId: unit.id, status: "SUBMITTED", answers };
  });
  return {
    organisation,
    round: { period, requestDocument: null, recipients: [], reportDate: null, deadline: null },
    template,
    units,
    submissions,
  };
}

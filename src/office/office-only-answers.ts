import { parseAnswerValue } from "../domain/answer-value.ts";
import { answerText } from "../domain/office/answer-text.ts";
import { questionsForUnitKind } from "../domain/template/template-schema.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { Locale } from "../i18n.ts";
import { templateById } from "../submissions/round-template.ts";

/** One answer to a question the report never prints (report: false), for /status. */
export type OfficeOnlyAnswer = { unitId: number; unitName: string; questionKey: string; question: string; answer: string };

/**
 * The answers the template keeps for the office only (self-assessments, dates of meetings …), in unit and
 * question order: the report does not print them, so /status shows them. Skipped and unanswered ones are left out.
 */
export async function officeOnlyAnswers(prisma: PrismaClient, roundId: number, locale: Locale, yesNo: { yes: string; no: string }): Promise<OfficeOnlyAnswer[]> {
  const round = await prisma.round.findUnique({ where: { id: roundId }, select: { organisationId: true, templateId: true } });
  if (!round) return [];
  const template = await templateById(prisma, round.templateId);
  const units = await prisma.unit.findMany({
    where: { organisationId: round.organisationId, submissions: { some: { roundId } } },
    orderBy: [{ order: "asc" }, { id: "asc" }],
    select: { id: true, name: true, kind: true, submissions: { where: { roundId }, select: { answers: { select: { questionKey: true, value: true, skipped: true } } } } },
  });
  const out: OfficeOnlyAnswer[] = [];
  for (const unit of units) {
    const answers = new Map((unit.submissions[0]?.answers ?? []).map((a) => [a.questionKey, a]));
    for (const question of questionsForUnitKind(template, unit.kind)) {
      if (question.report) continue;
      const answer = answers.get(question.key);
      if (!answer || answer.skipped) continue;
      const parsed = parseAnswerValue(question, answer.value);
      out.push({
        unitId: unit.id,
        unitName: unit.name,
        questionKey: question.key,
        question: question.prompt[locale],
        answer: parsed.ok ? answerText(question, parsed.value, locale, yesNo) : JSON.stringify(answer.value),
      });
    }
  }
  return out;
}

import type { Db } from "./db-client.ts";

export type AnswerRevisionEntry = {
  questionKey: string;
  revision: number;
  value: unknown;
  skipped: boolean;
  source: string;
  authorId: number | null;
  authorName: string | null;
  at: Date;
};

/** Every stored revision of a submission's answers (of one question when given), oldest first. */
export async function answerHistory(db: Db, submissionId: number, questionKey?: string): Promise<AnswerRevisionEntry[]> {
  const rows = await db.answerRevision.findMany({
    where: { answer: { submissionId, ...(questionKey ? { questionKey } : {}) } },
    orderBy: [{ answer: { questionKey: "asc" } }, { revision: "asc" }],
    select: {
      revision: true,
      value: true,
      skipped: true,
      source: true,
      authorId: true,
      createdAt: true,
      author: { select: { name: true } },
      answer: { select: { questionKey: true } },
    },
  });
  return rows.map((row) => ({
    questionKey: row.answer.questionKey,
    revision: row.revision,
    value: row.value,
    skipped: row.skipped,
    source: row.source,
    authorId: row.authorId,
    authorName: row.author?.name ?? null,
    at: row.createdAt,
  }));
}

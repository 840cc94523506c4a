import type { Reply } from "../messaging/reply.ts";

type Words = (key: string) => string;

/** What a message asking a unit for answers offers: the button that starts in chat, and the person's form link when there is one. */
export function answerButtons(t: Words, submissionId: number, formUrl: string | null): Pick<Extract<Reply, { kind: "text" }>, "choices" | "links"> {
  return {
    choices: [[{ label: t("button-start-answering"), action: { op: "open", sid: submissionId } }]],
    ...(formUrl ? { links: [{ label: t("web-open-form"), url: formUrl }] } : {}),
  };
}

import type { DocumentRef } from "../domain/answer-value.ts";
import type { Question } from "../domain/template/template-schema.ts";
import { offersChoice, type DemoConversation as DemoChat, type ShownMessage } from "./demo-conversation.ts";
import type { DemoAnswer } from "./demo-answers.ts";

function dmy(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${Number(day)}/${Number(month)}/${year}`;
}

/** The question the bot asked in answer to the person's last action, found by its prompt text. */
export function askedQuestion(chat: DemoChat, questions: readonly Question[]): Question | undefined {
  const asking = [...chat.recent].reverse().find((message) => /Câu \d+\/\d+/.test(message.text));
  if (!asking) return undefined;
  return [...questions].sort((a, b) => b.prompt.vi.length - a.prompt.vi.length).find((q) => asking.text.includes(q.prompt.vi));
}

const hasButton = (label: string) => (message: ShownMessage) => offersChoice(message, label);
const asksOrPreviews = (message: ShownMessage) => /Câu \d+\/\d+|Xem lại báo cáo/.test(message.text);

/** Answers one question the way a person would: typing, or pressing the buttons under it. */
export async function answerQuestion(chat: DemoChat, question: Question, answer: DemoAnswer): Promise<void> {
  if (answer.skipped) return chat.press("Bỏ qua");
  const value = answer.value;
  switch (question.type) {
    case "short_text":
      return chat.send(String(value));
    case "long_text":
      return chat.send(String(value));
    case "list":
      return chat.send((value as string[]).join("\n"));
    case "number":
      return chat.send(String(value).replace(".", ","));
    case "date":
      return chat.send(dmy(String(value)));
    case "document_ref":
      return chat.send((value as DocumentRef).text);
    case "yes_no":
      return chat.press(value ? "Có" : "Không");
    case "single_choice": {
      const option = question.options!.find((o) => o.key === value)!;
      return chat.press(option.label.vi);
    }
    case "multiple_choice": {
      const labels = (value as string[]).map((key) => question.options!.find((o) => o.key === key)!.label.vi);
      // Where the options came as numbered lines (Zalo, more than five), their numbers go in one message.
      const numbers = labels.map((label) => chat.numberOf(label));
      if (numbers.length > 0 && numbers.every((n) => n !== undefined)) return chat.send(numbers.join(", "));
      for (const key of value as string[]) {
        const label = question.options!.find((o) => o.key === key)!.label.vi;
        await chat.press(label);
        await chat.waitFor((message) => message.buttons.some((row) => row.some((b) => b.text.includes(label) && b.text.startsWith("☑"))));
      }
      return chat.press(/Xong \(/);
    }
  }
}

/** /report, every question in turn, then submit from the preview. */
export async function answerAllAndSubmit(chat: DemoChat, questions: readonly Question[], answers: Map<string, DemoAnswer>): Promise<void> {
  await chat.send("/report");
  if (chat.hasButton("Bắt đầu trả lời") && !askedQuestion(chat, questions)) await chat.press("Bắt đầu trả lời");
  await chat.waitFor(asksOrPreviews);
  for (let step = 0; step < questions.length * 2; step++) {
    const question = askedQuestion(chat, questions);
    if (!question) break;
    await answerQuestion(chat, question, answers.get(question.key)!);
    await chat.waitFor(asksOrPreviews);
  }
  if (!chat.hasButton("Nộp báo cáo")) {
    await chat.press("Xem lại");
    await chat.waitFor(hasButton("Nộp báo cáo"));
  }
  await chat.press("Nộp báo cáo");
  await chat.waitFor((message) => message.text.includes("Đã nộp"));
}

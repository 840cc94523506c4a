import type { LocalDate } from "../domain/calendar/local-date.ts";
import { offersChoice, type DemoConversation as DemoChat, type ShownMessage } from "./demo-conversation.ts";

const offers = (label: string) => (message: ShownMessage) => offersChoice(message, label);

/** The secretary opens the round through /newround, step by step as in the bot. */
export async function openRoundAsSecretary(
  secretary: DemoChat,
  options: { templateName: string; kindLabel: string; periodLabel: string; deadlineDate: LocalDate; requestDocument: string },
): Promise<void> {
  const [year, month, day] = options.deadlineDate.split("-");
  await secretary.send("/newround");
  await secretary.waitFor(offers(options.templateName));
  await secretary.press(options.templateName);
  await secretary.waitFor(offers(options.kindLabel));
  await secretary.press(options.kindLabel);
  await secretary.waitFor(offers(options.periodLabel));
  await secretary.press(options.periodLabel);
  await secretary.waitFor((message) => message.text.includes("hạn nộp"));
  await secretary.send(`${Number(day)}/${Number(month)}/${year}`);
  await secretary.waitFor(offers("Không có văn bản"));
  await secretary.send(options.requestDocument);
  await secretary.waitFor(offers("Giữ nguyên"));
  await secretary.press("Giữ nguyên");
  await secretary.waitFor(offers("Mở kỳ báo cáo"));
  await secretary.press("Mở kỳ báo cáo");
  await secretary.waitFor((message) => message.text.includes("Đã mở kỳ báo cáo"));
}

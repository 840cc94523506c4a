import type { Bot } from "grammy";
import type { BotContext, BotDependencies } from "../../src/channels/telegram/context.ts";
import { createBot } from "../../src/channels/telegram/create-bot.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { createLogger } from "../../src/logger.ts";
import { loadBundledTemplate } from "../../src/report/bundled-templates.ts";
import { ensureTemplate } from "../../src/report/ensure-template.ts";
import { saveAnswer } from "../../src/submissions/save-answer.ts";
import { submitSubmission } from "../../src/submissions/submit-submission.ts";
import { recordApiCalls, TEST_BOT_INFO, type OutgoingCall } from "./bot-harness.ts";
import { TEST_ORGANISATION } from "./test-organisation.ts";
import { botDeps } from "./bot-deps.ts";

export const TOKEN = "123:office";

export type Recorder = ReturnType<typeof recordApiCalls>;

export type OfficeUnit = { id: number; name: string; code: string; reporterId: number; reporterTelegramId: number; submissionId: number };

export type OfficeWorld = {
  orgId: number;
  templateId: number;
  roundId: number;
  units: OfficeUnit[];
  secretaries: { id: number; telegramId: number }[];
};

let nextTelegramId = 8_100_000;

/**
 * The Hưng Yên science department with the given units (departments unless a kind is given), one reporter
 * each, the secretaries, the shipped "dân chủ ở cơ sở" template and an open round for 9 months of 2024.
 */
export async function seedOfficeWorld(
  prisma: PrismaClient,
  options: { units: ({ name: string; kind?: string } | string)[]; secretaries?: number; deadline?: Date },
): Promise<OfficeWorld> {
  const organisation = await prisma.organisation.create({
    data: {
      ...TEST_ORGANISATION,
      signerAuthority: "KT. GIÁM ĐỐC",
      signerName: "Nguyễn Thái Kiều Ngân",
      recipients: ["Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở"],
      distribution: ["Như trên", "Lưu: VT, VP"],
      profileText: "Sở Khoa học và Công nghệ tỉnh Hưng Yên là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh.",
    },
  });
  const template = await ensureTemplate(prisma, loadBundledTemplate("dan-chu-co-so"));
  const round = await prisma.round.create({
    data: {
      organisationId: organisation.id,
      templateId: template.id,
      periodKind: "NINE_MONTHS",
      periodYear: 2024,
      periodNumber: 1,
      deadline: options.deadline ?? new Date("2024-09-20T10:00:00Z"),
      requestDocument: "Công văn số 09-CV/BCĐ ngày 10/9/2024 của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở",
      status: "OPEN",
      openedAt: new Date("2024-09-10T01:00:00Z"),
    },
  });
  const units: OfficeUnit[] = [];
  for (const [i, spec] of options.units.entries()) {
    const { name, kind } = typeof spec === "string" ? { name: spec, kind: "department" } : { name: spec.name, kind: spec.kind ?? "department" };
    const code = `don-vi-${i + 1}`;
    const unit = await prisma.unit.create({ data: { organisationId: organisation.id, code, name, kind, order: i + 1 } });
    const telegramId = nextTelegramId++;
    const person = await prisma.person.create({
      data: { accounts: { create: { channel: "TELEGRAM", externalId: String(BigInt(telegramId)) } }, name: `Người báo cáo ${i + 1}`, memberships: { create: { role: "REPORTER", unitId: unit.id } } },
    });
    const submission = await prisma.submission.create({ data: { roundId: round.id, unitId: unit.id } });
    units.push({ id: unit.id, name, code, reporterId: person.id, reporterTelegramId: telegramId, submissionId: submission.id });
  }
  const secretaries = [];
  for (let k = 0; k < (options.secretaries ?? 1); k++) {
    const telegramId = nextTelegramId++;
    const person = await prisma.person.create({
      data: { accounts: { create: { channel: "TELEGRAM", externalId: String(BigInt(telegramId)) } }, name: `Thư ký ${k + 1}`, memberships: { create: { role: "SECRETARY" } } },
    });
    secretaries.push({ id: person.id, telegramId });
  }
  return { orgId: organisation.id, templateId: template.id, roundId: round.id, units, secretaries };
}

/** A complete department answer set: every required question and a few optional ones. */
export function departmentAnswers(unitName: string): Record<string, unknown> {
  return {
    leadership_direction: `Lãnh đạo ${unitName} quán triệt Luật Thực hiện dân chủ ở cơ sở tới toàn thể công chức.`,
    awareness_activities: [`${unitName} tổ chức hội nghị cán bộ, công chức năm 2024`],
    results: [`${unitName} công khai kế hoạch công tác năm trên Cổng thông tin điện tử`],
    complaints_count: 0,
    next_tasks: [`${unitName} tiếp tục thực hiện nghiêm Quy chế dân chủ ở cơ sở`],
  };
}

/** Stores answers as the unit's reporter would (revisions, status, version). */
export async function answer(prisma: PrismaClient, unit: OfficeUnit, values: Record<string, unknown>): Promise<void> {
  for (const [questionKey, value] of Object.entries(values)) {
    const result = await saveAnswer(prisma, { submissionId: unit.submissionId, questionKey, value: value as never, skipped: false, authorId: unit.reporterId, source: "typed" });
    if (!result.ok) throw new Error(`answer ${questionKey} of ${unit.name} refused: ${result.reason}`);
  }
}

export async function submit(prisma: PrismaClient, unit: OfficeUnit, at?: Date): Promise<void> {
  const result = await submitSubmission(prisma, { submissionId: unit.submissionId, personId: unit.reporterId, now: at });
  if (!result.ok) throw new Error(`submit of ${unit.name} refused: ${result.reason}`);
}

/** A bot on the test database whose Bot API calls are recorded. */
export function buildOfficeBot(prisma: PrismaClient, extra: Partial<BotDependencies> = {}): { bot: Bot<BotContext>; rec: Recorder } {
  const bot = createBot(TOKEN, {
    botInfo: TEST_BOT_INFO,
    deps: botDeps(prisma, extra),
  });
  return { bot, rec: recordApiCalls(bot) };
}

export const who = (telegramId: number, first_name = "Người dùng") => ({ id: telegramId, first_name, language_code: "vi" });

/** Messages sent or edited in place for a chat, in order. */
export function messagesTo(rec: Recorder, chatId: number): OutgoingCall[] {
  return rec.calls.filter((c) => (c.method === "sendMessage" || c.method === "editMessageText") && Number(c.payload.chat_id) === chatId);
}

export function lastTextTo(rec: Recorder, chatId: number): string {
  const messages = messagesTo(rec, chatId);
  if (messages.length === 0) throw new Error(`nothing was sent to ${chatId}`);
  return String(messages.at(-1)!.payload.text);
}

type Keyboard = { inline_keyboard: { text: string; callback_data?: string }[][] };

export function buttonsOf(call: OutgoingCall): { text: string; data: string }[] {
  const markup = call.payload.reply_markup as Keyboard | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => ({ text: b.text, data: b.callback_data ?? "" }));
}

/** Callback data of the button whose label matches, in the latest message (or document) to the chat that has one. */
export function button(rec: Recorder, chatId: number, label: RegExp | string): string {
  const calls = rec.calls.filter((c) => ["sendMessage", "editMessageText", "sendDocument"].includes(c.method) && Number(c.payload.chat_id) === chatId).reverse();
  for (const call of calls) {
    const found = buttonsOf(call).find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
    if (found) return found.data;
  }
  throw new Error(`no button ${label} for ${chatId}; latest: ${calls[0] ? buttonsOf(calls[0]).map((b) => b.text).join(" | ") : "none"}`);
}

export function documentsTo(rec: Recorder, chatId: number): OutgoingCall[] {
  return rec.calls.filter((c) => c.method === "sendDocument" && Number(c.payload.chat_id) === chatId);
}

/** The bytes and file name of a recorded sendDocument. */
export function documentOf(call: OutgoingCall): { bytes: Uint8Array; fileName: string; caption: string } {
  const file = call.payload.document as { fileData: Uint8Array; filename: string };
  return { bytes: file.fileData, fileName: file.filename, caption: String(call.payload.caption ?? "") };
}

/** Waits until `check` returns a value, not undefined or null (polling), for work done by a BullMQ worker. */
export async function eventually<T>(check: () => T | undefined | null | Promise<T | undefined | null>, timeoutMs = 8000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null) return value;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

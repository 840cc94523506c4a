import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "../../src/channels/telegram/context.ts";
import { createBot } from "../../src/channels/telegram/create-bot.ts";
import type { ButtonAction } from "../../src/conversation/button-action.ts";
import { encodeAction } from "../../src/messaging/action-codec.ts";
import { signPayload } from "../../src/domain/signed-payload.ts";
import type { Role } from "../../src/domain/permissions.ts";
import { loadTemplateFile } from "../../src/domain/template/load-template.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { createLogger } from "../../src/logger.ts";
import { importOrganisation } from "../../src/organisation/import-organisation.ts";
import { parseOrgFile } from "../../src/organisation/org-file.ts";
import { recordApiCalls, TEST_BOT_INFO, type OutgoingCall } from "./bot-harness.ts";
import { botDeps, TEST_KEYRING } from "./bot-deps.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const TOKEN = "123:abc";
export const FIXTURE_TEMPLATE = resolve(ROOT, "test/fixtures/all-question-types.yaml");

export type Recorder = ReturnType<typeof recordApiCalls>;

/** A bot on the given database whose Bot API calls are recorded (and answered by `respond` when given). */
export function buildBot(prisma: PrismaClient, respond?: (call: OutgoingCall) => unknown): { bot: Bot<BotContext>; rec: Recorder } {
  const bot = createBot(TOKEN, { botInfo: TEST_BOT_INFO, deps: botDeps(prisma, { logger: createLogger((process.env.TEST_LOG_LEVEL as "silent") ?? "silent") }) });
  const rec = recordApiCalls(bot, respond);
  return { bot, rec };
}

/** The example organisation (examples/org.yaml) as `npm run import` stores it; unit ids by code. */
export async function seedOrganisation(prisma: PrismaClient): Promise<{ orgId: number; units: Record<string, number> }> {
  const file = parseOrgFile(readFileSync(resolve(ROOT, "examples/org.yaml"), "utf8"));
  const summary = await importOrganisation(prisma, file, { defaultTimeZone: "Asia/Ho_Chi_Minh" });
  const units = await prisma.unit.findMany({ select: { id: true, code: true } });
  return { orgId: summary.organisationId, units: Object.fromEntries(units.map((u) => [u.code, u.id])) };
}

export async function seedTemplate(prisma: PrismaClient, path = FIXTURE_TEMPLATE): Promise<number> {
  const template = loadTemplateFile(path);
  const row = await prisma.template.upsert({
    where: { key_version: { key: template.key, version: template.version } },
    create: { key: template.key, version: template.version, name: template.name.vi, definition: JSON.parse(JSON.stringify(template)) },
    update: {},
    select: { id: true },
  });
  return row.id;
}

export async function createRound(
  prisma: PrismaClient,
  input: { orgId: number; templateId: number; status?: "DRAFT" | "OPEN" | "CLOSED"; deadline?: Date; year?: number; quarter?: number },
): Promise<number> {
  const round = await prisma.round.create({
    data: {
      organisationId: input.orgId,
      templateId: input.templateId,
      periodKind: "QUARTER",
      periodYear: input.year ?? 2024,
      periodNumber: input.quarter ?? 3,
      deadline: input.deadline ?? new Date("2024-10-14T10:00:00Z"),
      status: input.status ?? "OPEN",
    },
    select: { id: true },
  });
  return round.id;
}

export async function addPerson(prisma: PrismaClient, telegramId: number, name: string, grants: { role: Role; unitId?: number | null }[]): Promise<number> {
  const person = await prisma.person.create({
    data: { accounts: { create: { channel: "TELEGRAM", externalId: String(BigInt(telegramId)) } }, name, memberships: { create: grants.map((g) => ({ role: g.role, unitId: g.unitId ?? null })) } },
    select: { id: true },
  });
  return person.id;
}

export const user = (id: number, first_name: string, language_code = "vi") => ({ id, first_name, language_code });

/** Messages sent (or edited in place) to a chat, in order. */
export function messagesTo(rec: Recorder, chatId: number): OutgoingCall[] {
  return rec.calls.filter((c) => (c.method === "sendMessage" || c.method === "editMessageText") && Number(c.payload.chat_id) === chatId);
}

export function textsTo(rec: Recorder, chatId: number): string[] {
  return messagesTo(rec, chatId).map((c) => String(c.payload.text));
}

export function lastTextTo(rec: Recorder, chatId: number): string {
  const texts = textsTo(rec, chatId);
  if (texts.length === 0) throw new Error(`nothing was sent to ${chatId}`);
  return texts[texts.length - 1]!;
}

type Keyboard = { inline_keyboard: { text: string; callback_data?: string }[][] };

export function buttonsOf(call: OutgoingCall): { text: string; data: string }[] {
  const markup = call.payload.reply_markup as Keyboard | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => ({ text: b.text, data: b.callback_data ?? "" }));
}

/** The callback data of the button whose label matches, in the latest message to the chat that has one. */
export function button(rec: Recorder, chatId: number, label: RegExp | string): string {
  const messages = messagesTo(rec, chatId).reverse();
  for (const message of messages) {
    const found = buttonsOf(message).find((b) => (typeof label === "string" ? b.text === label : label.test(b.text)));
    if (found) return found.data;
  }
  throw new Error(`no button ${label} in the messages to ${chatId}:\n${messages.map((m) => buttonsOf(m).map((b) => b.text).join(" | ")).join("\n")}`);
}

/** Signed data for a conversation button, as the bot itself would make it. */
export function signedAction(action: ButtonAction): string {
  return encodeAction(action, TEST_KEYRING);
}

/** Handles updates one after the other and returns what was sent meanwhile. */
export async function send(bot: Bot<BotContext>, rec: Recorder, ...updates: Update[]): Promise<OutgoingCall[]> {
  const before = rec.calls.length;
  for (const update of updates) await bot.handleUpdate(update);
  return rec.calls.slice(before);
}

let nextNonTextId = 500_000;

export function nonTextUpdate(from: { id: number; first_name: string }, kind: "sticker" | "photo" | "voice" | "document"): Update {
  const updateId = nextNonTextId++;
  const base = { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: from.id, type: "private", first_name: from.first_name }, from: { ...from, is_bot: false } };
  const content = {
    sticker: { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 512, height: 512, is_animated: false, is_video: false } },
    photo: { photo: [{ file_id: "p", file_unique_id: "p", width: 90, height: 90 }] },
    voice: { voice: { file_id: "v", file_unique_id: "v", duration: 3 } },
    document: { document: { file_id: "d", file_unique_id: "d", file_name: "bao-cao.docx" } },
  }[kind];
  return { update_id: updateId, message: { ...base, ...content } } as unknown as Update;
}

// Property-based, through the whole bot: random text, numbers, dates, stickers and button presses (real,
// forged and validly signed nonsense) at every question. Nothing fails, every message is one Telegram
// accepts, every stored answer passes the stored-answer check, and the compiled .docx stays well-formed.
import fc from "fast-check";
import JSZip from "jszip";
import pino from "pino";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../src/channels/telegram/create-bot.ts";
import type { ButtonAction } from "../src/conversation/button-action.ts";
import { encodeAction } from "../src/messaging/action-codec.ts";
import { sessionKeyOf } from "../src/use-cases/identify.ts";
import { patchSession } from "../src/conversation/session-store.ts";
import { TELEGRAM_TEXT_LIMIT } from "../src/conversation/split-message.ts";
import { answerValueSchemaFor } from "../src/domain/answer-value.ts";
import { signPayload } from "../src/domain/signed-payload.ts";
import { loadTemplateFile } from "../src/domain/template/load-template.ts";
import { questionsForUnitKind } from "../src/domain/template/template-schema.ts";
import { i18n } from "../src/i18n.ts";
import { compileRound } from "../src/report/compile-round.ts";
import { TEST_BOT_INFO } from "./support/bot-harness.ts";
import { fuzzParameters } from "./support/fuzz-runs.ts";
import { anyInput, callbackText, dateText, nastyText, numberText } from "./support/fuzz-text.ts";
import { FIXTURE_TEMPLATE, TOKEN } from "./support/report-world.ts";
import { ChatView } from "./support/reporter-script.ts";
import { seedReporterWorld, type ReporterWorld } from "./support/reporter-world.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";
import { checkWellFormedXml } from "./support/xml-well-formed.ts";
import { botDeps, TEST_KEYRING } from "./support/bot-deps.ts";

const QUESTIONS = questionsForUnitKind(loadTemplateFile(FIXTURE_TEMPLATE), "department");
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const TRY_AGAIN = i18n.t("vi", "error-try-again");

let db: TestDatabase;
let world: ReporterWorld;
let sids: Map<number, number>;
const view = new ChatView();
const problems: string[] = [];

/** Telegram refuses a text that is empty, too long or not valid UTF-16 → UTF-8 (a lone surrogate). */
function checkOutgoing(method: string, payload: Record<string, unknown>): void {
  const text = payload.text as string | undefined;
  if (method === "sendMessage" || method === "editMessageText") {
    if (typeof text !== "string" || text.trim() === "") problems.push(`${method} without text`);
    else if (text.length > TELEGRAM_TEXT_LIMIT) problems.push(`${method} of ${text.length} characters`);
    if (text === TRY_AGAIN) problems.push("the person was told to try again");
  }
  if (method === "answerCallbackQuery" && text !== undefined && text.length > 200) problems.push(`toast of ${text.length} characters`);
  if (typeof text === "string" && LONE_SURROGATE.test(text)) problems.push(`${method} text with a lone surrogate: ${JSON.stringify(text.slice(0, 300))}`);
  const markup = payload.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
  for (const button of (markup?.inline_keyboard ?? []).flat()) {
    if (LONE_SURROGATE.test(button.text)) problems.push(`button label with a lone surrogate: ${JSON.stringify(button.text)}`);
    if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > 64) problems.push(`callback data over 64 bytes`);
  }
}

function buildBot() {
  // Errors the bot logs (an update that failed) are collected, not printed.
  const logger = pino({ level: "error" }, { write: (line: string) => void problems.push(`logged: ${line.slice(0, 500)}`) });
  const bot = createBot(TOKEN, { botInfo: TEST_BOT_INFO, deps: botDeps(db.prisma, { logger }) });
  let messageId = 1;
  bot.api.config.use(async (_prev, method, payload) => {
    const p = payload as Record<string, unknown>;
    const id = messageId++;
    checkOutgoing(method, p);
    view.observe(method, p, id);
    const result = method === "sendMessage" || method === "editMessageText" ? { message_id: id, date: 1, chat: { id: Number(p.chat_id), type: "private" }, text: p.text } : true;
    return { ok: true, result } as never;
  });
  return bot;
}

let bot: ReturnType<typeof buildBot>;
let updateId = 1;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await seedReporterWorld(db.prisma, { units: 6 });
  const submissions = await db.prisma.submission.findMany({ where: { roundId: world.roundId }, select: { id: true, unitId: true } });
  sids = new Map(submissions.map((s) => [s.unitId, s.id]));
  bot = buildBot();
});

afterAll(async () => {
  await db?.drop();
});

type Reporter = ReporterWorld["reporters"][number];

/** What the person does next. */
type Act =
  | { kind: "text"; text: string }
  | { kind: "sticker" }
  | { kind: "raw-callback"; data: string }
  | { kind: "signed"; action: (sid: number) => ButtonAction }
  | { kind: "press"; index: number };

const smallInt = fc.integer({ min: 0, max: 14 });
const signedAction: fc.Arbitrary<(sid: number) => ButtonAction> = fc.oneof(
  fc.tuple(fc.constantFrom("skip", "back", "keep-last", "keep-current", "done", "clear", "preview", "edit", "add", "replace", "more"), smallInt, fc.boolean()).map(
    ([op, q, other]) => (sid: number) => ({ op, sid: other ? sid + 1 : sid, q }) as ButtonAction,
  ),
  fc.tuple(fc.constantFrom("choose", "toggle"), smallInt, fc.integer({ min: 0, max: 6 })).map(([op, q, option]) => (sid: number) => ({ op, sid, q, option }) as ButtonAction),
  fc.integer({ min: 0, max: 40 }).map((version) => (sid: number) => ({ op: "submit", sid, version }) as ButtonAction),
  fc.constant((sid: number) => ({ op: "open", sid }) as ButtonAction),
);

const act: fc.Arbitrary<Act> = fc.oneof(
  { weight: 5, arbitrary: anyInput.map((text): Act => ({ kind: "text", text })) },
  { weight: 1, arbitrary: fc.oneof(numberText, dateText).map((text): Act => ({ kind: "text", text })) },
  { weight: 1, arbitrary: fc.constantFrom("Xong", "/report", "/cancel", "có", "2", "1, 3").map((text): Act => ({ kind: "text", text })) },
  { weight: 1, arbitrary: fc.constant<Act>({ kind: "sticker" }) },
  { weight: 1, arbitrary: callbackText.map((data): Act => ({ kind: "raw-callback", data })) },
  { weight: 2, arbitrary: signedAction.map((action): Act => ({ kind: "signed", action })) },
  { weight: 3, arbitrary: fc.nat({ max: 20 }).map((index): Act => ({ kind: "press", index })) },
);

function updateFor(reporter: Reporter, sid: number, a: Act): Update {
  const from = { id: reporter.id, is_bot: false, first_name: reporter.first_name, language_code: "vi" };
  const chat = { id: reporter.id, type: "private" as const, first_name: reporter.first_name };
  const message = { message_id: updateId, date: 1, chat, from };
  const callback = (data: string, messageId = 1) =>
    ({ update_id: updateId++, callback_query: { id: String(updateId), chat_instance: "ci", from, message: { ...message, message_id: messageId, text: "…" }, data } }) as unknown as Update;
  switch (a.kind) {
    case "text": {
      const entities = a.text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: a.text.split(/\s/)[0]!.length }] : undefined;
      return { update_id: updateId++, message: { ...message, text: a.text, entities } } as unknown as Update;
    }
    case "sticker":
      return { update_id: updateId++, message: { ...message, sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } } } as unknown as Update;
    case "raw-callback":
      return callback(a.data);
    case "signed":
      return callback(encodeAction(a.action(sid), TEST_KEYRING));
    case "press": {
      // A button of the latest keyboard in the chat; /report when there is none yet.
      const buttons = view.buttons(reporter.id);
      const pick = buttons[a.index % Math.max(1, buttons.length)];
      if (pick) return callback(pick.data, pick.messageId);
      return { update_id: updateId++, message: { ...message, text: "/report", entities: [{ type: "bot_command", offset: 0, length: 7 }] } } as unknown as Update;
    }
  }
}

async function storedProblems(): Promise<string[]> {
  const answers = await db.prisma.answer.findMany({ select: { questionKey: true, value: true, skipped: true } });
  const out: string[] = [];
  for (const answer of answers) {
    const question = QUESTIONS.find((q) => q.key === answer.questionKey);
    if (!question) out.push(`answer to an unknown question ${answer.questionKey}`);
    else if (answer.skipped) {
      if (question.required) out.push(`required ${question.key} stored as skipped`);
    } else {
      const parsed = answerValueSchemaFor(question).safeParse(answer.value);
      if (!parsed.success) out.push(`${question.key}: stored ${JSON.stringify(answer.value).slice(0, 200)}: ${parsed.error.message}`);
    }
  }
  return out;
}

describe("the conversation under random input, through bot.handleUpdate", () => {
  it("an unknown command is quoted back short and clean, so the reply itself is one Telegram accepts", { timeout: 60_000 }, async () => {
    const who = world.reporters[1]!;
    const sid = sids.get(who.unitId)!;
    problems.length = 0;
    for (const text of ["/\udbc1ngày", `/${"x".repeat(5000)}`, `/${"🎉".repeat(30)}`, "/\u0007lệnh\u202E"]) {
      await bot.handleUpdate(updateFor(who, sid, { kind: "text", text }));
      const reply = view.lastText(who.id)!;
      expect(reply).toMatch(/^Tôi không có lệnh \//);
      expect(reply.length).toBeLessThan(200);
    }
    expect(problems).toEqual([]);
  });

  it("answers everything, stores only valid answers and still compiles a well-formed .docx", { timeout: 180_000 }, async () => {
    const reporter = fc.constantFrom(...world.reporters);
    const start = fc.oneof(fc.constant(-1), fc.nat({ max: QUESTIONS.length - 1 }));
    await fc.assert(
      fc.asyncProperty(reporter, start, fc.array(act, { minLength: 1, maxLength: 4 }), async (who, at, acts) => {
        problems.length = 0;
        const sid = sids.get(who.unitId)!;
        if (at >= 0) {
          // Put the person at a question directly (the state /report and the buttons lead to).
          const answer = await db.prisma.answer.findUnique({ where: { submissionId_questionKey: { submissionId: sid, questionKey: QUESTIONS[at]!.key } } });
          const flow = { kind: "question", sid, key: QUESTIONS[at]!.key, seen: answer?.revision ?? 0, draft: [], selection: [], then: "next" };
          await patchSession(db.prisma, sessionKeyOf("telegram", String(who.id)), { report: { v: 1, flow }, focus: "report" });
        }
        for (const a of acts) await bot.handleUpdate(updateFor(who, sid, a));
        expect(problems).toEqual([]);
        expect(await storedProblems()).toEqual([]);
      }),
      fuzzParameters(120, 60_000),
    );

    // Some of it reached the database: the report is compiled from what the runs left.
    expect(await db.prisma.answer.count()).toBeGreaterThan(0);
    const compiled = await compileRound(db.prisma, { roundId: world.roundId, includeDrafts: true });
    const zip = await JSZip.loadAsync(compiled.bytes);
    const parts = Object.keys(zip.files).filter((name) => /\.(xml|rels)$/.test(name));
    expect(parts).toContain("word/document.xml");
    for (const name of parts) checkWellFormedXml(await zip.file(name)!.async("string"), name);
  });

  it("answers typed anywhere in the report, in any order, are valid once stored", { timeout: 120_000 }, async () => {
    const who = world.reporters[0]!;
    await fc.assert(
      fc.asyncProperty(fc.array(nastyText, { minLength: 1, maxLength: 6 }), async (texts) => {
        problems.length = 0;
        await bot.handleUpdate(updateFor(who, sids.get(who.unitId)!, { kind: "text", text: "/report" }));
        for (const text of texts) await bot.handleUpdate(updateFor(who, sids.get(who.unitId)!, { kind: "text", text }));
        expect(problems).toEqual([]);
        expect(await storedProblems()).toEqual([]);
      }),
      fuzzParameters(40, 40_000),
    );
  });
});

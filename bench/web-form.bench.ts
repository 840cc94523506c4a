// The web form: first byte and full load of a 15-question form in Chromium, and draft saves of 100 people at once.
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { startApp } from "../src/app.ts";
import { parseConfig } from "../src/config.ts";
import { loadKeyring } from "../src/db/signing-keys.ts";
import { loadTemplateFile } from "../src/domain/template/load-template.ts";
import type { Question } from "../src/domain/template/template-schema.ts";
import { createLogger } from "../src/logger.ts";
import { issueLink } from "../src/web-links/web-links.ts";
import { FakeBotApi } from "../test/support/fake-bot-api.ts";
import { freePort } from "../test/support/free-port.ts";
import { createRound, ROOT, seedOrganisation } from "../test/support/report-world.ts";
import { createTestRedis, deleteKeys } from "../test/support/reminder-fixtures.ts";
import { createTestDatabase } from "../test/support/test-database.ts";
import { markdownTable } from "./markdown-table.ts";
import { percentile } from "./percentile.ts";

export const title = "Web form";
export const description =
  "`npx tsx bench/web-form.bench.ts` — the app as `npm start` runs it (local PostgreSQL and Redis, a local Bot API server), in one process with the load generator. *Page*: a reporter's form of 15 questions (every type, three sections, answers stored for all of them) opened 30 times in Debian's Chromium at 390×844 after a warm-up; first byte = navigation start → first response byte, full load = navigation start → load event (HTML, the stylesheet and the script, all from the server). *Draft saves*: 100 reporters of 100 units each save one answer (a long text of 600 characters, a different question of their form each wave) at the same moment, 10 waves; latency = POST sent → JSON answer received, at the client (link checked, person and grants read, answer parsed, row locked, revision written).";

const LOADS = 30;
const PEOPLE = 100;
const WAVES = 10;

const ms = (value: number) => value.toFixed(1);

/** The browser test's template with a third section of six more questions: 15 in all. */
function fifteenQuestionTemplate() {
  const template = loadTemplateFile(resolve(ROOT, "test/fixtures/web-form.yaml"));
  const first = template.sections[0]!.content as { type: "questions"; questions: Question[] };
  const more = first.questions.map((q) => ({ ...q, key: `${q.key}_2`, required: false }));
  return {
    ...template,
    key: "web-form-bench",
    sections: [...template.sections, { key: "bo_sung", heading: { vi: "Nội dung bổ sung", en: "More" }, omitWhenEmpty: false, children: [], content: { ...first, questions: more } }],
  };
}

export async function run(): Promise<string> {
  const db = await createTestDatabase();
  const api = new FakeBotApi();
  const redis = createTestRedis();
  const prefix = `bench-web-${randomUUID()}`;
  const secret = "bench-web-form-signing-secret-0123456789";
  await api.start();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await startApp(
    "bot",
    parseConfig({ BOT_TOKEN: "123456:bench-web-form-token-abcdefghijklmnopq", BOT_API_ROOT: api.apiRoot, DATABASE_URL: db.url, REDIS_PREFIX: prefix, PORT: String(port), PUBLIC_URL: base, CALLBACK_SECRET: secret }),
    createLogger("silent"),
  );
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const { orgId } = await seedOrganisation(db.prisma);
    const definition = fifteenQuestionTemplate();
    const template = await db.prisma.template.create({ data: { key: definition.key, version: 1, name: definition.name.vi, definition: JSON.parse(JSON.stringify(definition)) } });
    const roundId = await createRound(db.prisma, { orgId, templateId: template.id, deadline: new Date(Date.now() + 20 * 24 * 3600_000) });
    await db.prisma.unit.createMany({ data: Array.from({ length: PEOPLE }, (_, i) => ({ organisationId: orgId, code: `don-vi-${i + 1}`, name: `Phòng thử ${i + 1}`, kind: "department", order: 100 + i })) });
    const units = await db.prisma.unit.findMany({ where: { code: { startsWith: "don-vi-" } }, orderBy: { order: "asc" } });
    const keyring = await loadKeyring(db.prisma, secret);
    const people: { sid: number; url: string }[] = [];
    for (const [i, unit] of units.entries()) {
      const person = await db.prisma.person.create({ data: { name: `Người báo cáo ${i + 1}`, memberships: { create: { role: "REPORTER", unitId: unit.id } } } });
      const submission = await db.prisma.submission.create({ data: { roundId, unitId: unit.id } });
      const token = await issueLink(db.prisma, keyring, { personId: person.id, roundId, kind: "form" });
      people.push({ sid: submission.id, url: `${base}/form/${token}/s/${submission.id}` });
    }

    // The page: a form with every answer filled in.
    const keys = [...definition.sections.flatMap((s) => (s.content?.type === "questions" ? s.content.questions : []))];
    const values: Record<string, unknown> = { short_text: "Nguyễn Thị Lan, Chánh Văn phòng", long_text: "Đơn vị đã hoàn thành kế hoạch. ".repeat(40), list: ["Một", "Hai", "Ba"], number: 12, yes_no: true, date: "2025-03-05", single_choice: "online", multiple_choice: ["board"], document_ref: { text: "Quyết định số 219/QĐ-SKHCN ngày 10/9/2024" } };
    const first = people[0]!;
    for (const q of keys) {
      await db.prisma.answer.create({ data: { submissionId: first.sid, questionKey: q.key, value: values[q.type] as never, revisions: { create: { revision: 1, value: values[q.type] as never, source: "bench" } } } });
    }
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const ttfb: number[] = [];
    const load: number[] = [];
    for (let i = 0; i < LOADS + 3; i++) {
      await page.goto(first.url, { waitUntil: "load" });
      const timing = (await page.evaluate("JSON.stringify(performance.getEntriesByType('navigation')[0])").then((s) => JSON.parse(s as string))) as { responseStart: number; loadEventEnd: number };
      if (i < 3) continue;
      ttfb.push(timing.responseStart);
      load.push(timing.loadEventEnd);
    }
    const questions = await page.locator(".q").count();
    if (questions !== 15) throw new Error(`the form shows ${questions} questions, not 15`);

    // Draft saves: everyone at once, wave after wave.
    const text = "Đơn vị đã triển khai đầy đủ các nội dung của kế hoạch, công khai thông tin đúng quy định. ".repeat(7).slice(0, 600);
    const longKeys = keys.filter((q) => q.type === "long_text" || q.type === "short_text").map((q) => q.key);
    const saves: number[] = [];
    let failed = 0;
    const revisions = new Map<string, number>();
    for (let wave = 0; wave < WAVES; wave++) {
      const key = longKeys[wave % longKeys.length]!;
      const input = { text: key.startsWith("contact") ? text.slice(0, 70) : text };
      await Promise.all(
        people.map(async (person) => {
          const seen = revisions.get(`${person.sid}:${key}`) ?? (person === first ? 1 : 0);
          const t0 = performance.now();
          const response = await fetch(`${person.url}/answer`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ q: key, revision: seen, input }) });
          const answer = (await response.json()) as { status: string; revision?: number };
          saves.push(performance.now() - t0);
          if (answer.status !== "saved") failed++;
          else revisions.set(`${person.sid}:${key}`, answer.revision!);
        }),
      );
    }
    const sortedTtfb = [...ttfb].sort((a, b) => a - b);
    const sortedLoad = [...load].sort((a, b) => a - b);
    const sortedSaves = [...saves].sort((a, b) => a - b);
    return markdownTable(
      ["measure", "samples", "p50 (ms)", "p99 (ms)", "max (ms)", "not saved"],
      [
        ["form of 15 questions: first byte", ttfb.length, ms(percentile(sortedTtfb, 50)), ms(percentile(sortedTtfb, 99)), ms(sortedTtfb.at(-1)!), "—"],
        ["form of 15 questions: full load", load.length, ms(percentile(sortedLoad, 50)), ms(percentile(sortedLoad, 99)), ms(sortedLoad.at(-1)!), "—"],
        [`draft save, ${PEOPLE} people at once`, saves.length, ms(percentile(sortedSaves, 50)), ms(percentile(sortedSaves, 99)), ms(sortedSaves.at(-1)!), failed],
      ],
    );
  } finally {
    await browser.close();
    await app.stop();
    await api.stop();
    await deleteKeys(redis, prefix);
    redis.disconnect();
    await db.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(await run());
  process.exit(0);
}

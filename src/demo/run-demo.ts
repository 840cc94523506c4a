// npm run demo [-- --channel telegram|zalo]: one whole reporting round on this machine, with no messenger account.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadKeyring } from "../db/signing-keys.ts";
import { parseConfig } from "../config.ts";
import { openDatabase } from "../db/create-prisma.ts";
import { migrate } from "../db/migrate.ts";
import { addDays } from "../domain/calendar/local-date.ts";
import { instantAt, localDateOf } from "../domain/calendar/zoned-time.ts";
import { questionsForUnitKind } from "../domain/template/template-schema.ts";
import { createInvite } from "../invites/invite-service.ts";
import { createLogger } from "../logger.ts";
import { importOrganisation } from "../organisation/import-organisation.ts";
import { parseOrgFile } from "../organisation/org-file.ts";
import { checkRedis, createRedisConnection } from "../process/service-checks.ts";
import { failAndExit } from "../process/fail-and-exit.ts";
import { loadWorkingCalendar, seedHolidays } from "../queue/holidays.ts";
import { createOfficeNotifications } from "../queue/office-notifications.ts";
import { createOutbound } from "../queue/outbound.ts";
import { createReminderQueue } from "../queue/reminder-queue.ts";
import { createReminderWorker } from "../queue/reminder-worker.ts";
import { loadBundledTemplate } from "../report/bundled-templates.ts";
import { ensureBundledTemplates } from "../report/ensure-template.ts";
import { answerAllAndSubmit, answerQuestion, askedQuestion } from "./answer-as-person.ts";
import type { DemoChannel } from "./demo-channel.ts";
import { DemoClock } from "./demo-clock.ts";
import { demoAnswers } from "./demo-answers.ts";
import { offersChoice, sleep, type DemoConversation, type DemoPerson } from "./demo-conversation.ts";
import { openRoundAsSecretary } from "./open-round-as-secretary.ts";
import { telegramDemoChannel } from "./telegram-demo-channel.ts";
import { Transcript } from "./transcript.ts";
import { zaloDemoChannel } from "./zalo-demo-channel.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const OUT_FILE = resolve(process.env.DEMO_OUT ?? join(ROOT, "out", "demo-report.docx"));

/**
 * Reporters as Telegram knows them: the given name as first name, the family and middle names as last name.
 * The bot suggests the full name in Vietnamese order ("Nguyễn Thị Lan") and each person confirms it; the
 * transcript calls them the way colleagues do ("Chị Lan").
 */
const REPORTERS = [
  { firstName: "Lan", lastName: "Nguyễn Thị", called: "Chị Lan" },
  { firstName: "Minh", lastName: "Trần Văn", called: "Anh Minh" },
  { firstName: "Hà", lastName: "Lê Thu", called: "Chị Hà" },
  { firstName: "Tuấn", lastName: "Phạm Anh", called: "Anh Tuấn" },
  { firstName: "Hương", lastName: "Đỗ Thị", called: "Chị Hương" },
  { firstName: "Dũng", lastName: "Vũ Tiến", called: "Anh Dũng" },
  { firstName: "Thảo", lastName: "Hoàng Phương", called: "Chị Thảo" },
  { firstName: "Nam", lastName: "Bùi Hoài", called: "Anh Nam" },
  { firstName: "Mai", lastName: "Ngô Thanh", called: "Chị Mai" },
];

function channelArg(): "telegram" | "zalo" {
  const { values } = parseArgs({ options: { channel: { type: "string", default: "telegram" } } });
  if (values.channel === "telegram" || values.channel === "zalo") return values.channel;
  throw new Error(`--channel must be telegram or zalo, not "${values.channel}"`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const channelName = channelArg();
  const config = parseConfig({ ...process.env });
  const timeZone = config.TZ_REPORTS;
  await checkRedis(config.REDIS_URL);
  let clock: DemoClock | undefined;
  const transcript = new Transcript(() => clock?.now() ?? new Date(), timeZone);

  const dataDir = config.DATABASE_URL ? "" : mkdtempSync(join(tmpdir(), "tong-hop-demo-"));
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir });
  const redis = createRedisConnection(config.REDIS_URL);
  await redis.connect();
  const prefix = `tong-hop-demo-${process.pid}`;
  const logger = createLogger(process.env.LOG_LEVEL ?? "silent");
  const cleanups: (() => Promise<unknown>)[] = [];

  // Joining is shown for the first reporter only; the others join the same way.
  const muted = new Set<number>();
  const say = (person: DemoPerson, text: string) => {
    if (!muted.has(person.id)) transcript.person(person.label, text);
  };
  const channel: DemoChannel =
    channelName === "zalo"
      ? zaloDemoChannel(say, { prisma: db.prisma, redis, prefix, logger, now: () => (clock?.now() ?? new Date()).getTime(), windowMs: config.ZALO_WINDOW_HOURS * 3600_000 })
      : telegramDemoChannel(say);
  cleanups.push(() => channel.stop());

  try {
    await channel.start();
    transcript.heading(`Chuẩn bị: cơ sở dữ liệu ${db.embedded ? "nhúng (PostgreSQL trong DATA_DIR)" : db.location}, Redis ${config.REDIS_URL}, ${channel.describe}`);
    await migrate(db.sql);
    const org = await importOrganisation(db.prisma, parseOrgFile(readFileSync(join(ROOT, "examples/org.yaml"), "utf8"), "examples/org.yaml"), { defaultTimeZone: timeZone });
    await ensureBundledTemplates(db.prisma);
    await seedHolidays(db.prisma);
    transcript.note(`Nhập tổ chức từ examples/org.yaml: ${org.created.length + org.updated.length} đơn vị; mẫu báo cáo "dan-chu-co-so".`);

    const reminderQueue = createReminderQueue({ connection: redis, prefix });
    // The round starts on a working morning followed by another, so the first reminder comes the next
    // morning on every channel (within Zalo's messaging window); demo time stands still until the demo lets days pass.
    const calendar = await loadWorkingCalendar(db.prisma);
    let firstDay = localDateOf(new Date(), timeZone);
    while (!calendar.isWorkingDay(firstDay) || calendar.addWorkingDays(firstDay, 1) !== addDays(firstDay, 1)) firstDay = addDays(firstDay, 1);
    clock = new DemoClock(reminderQueue, instantAt(firstDay, 9, 0, timeZone));
    const demoClock = clock;
    const officeNotices = createOfficeNotifications({ connection: redis, prefix, windowMs: 1500 });
    const keyring = await loadKeyring(db.prisma, undefined, "token" in channel ? String(channel.token) : undefined);
    const windows = channel.windowMs === undefined ? {} : { [channel.name]: channel.windowMs };
    const outbound = createOutbound({
      prisma: db.prisma,
      redis,
      prefix,
      logger,
      defaultLocale: "vi",
      windows,
      keyring,
      senders: channel.senders(),
      pace: { [channel.name]: channel.pace },
      now: demoClock.now,
    });
    cleanups.push(() => outbound.close());
    await channel.startBot(
      {
        prisma: db.prisma,
        logger,
        defaultLocale: "vi",
        defaultTimeZone: timeZone,
        reminderQueue,
        keyring,
        notifier: outbound.notifier,
        notices: outbound.notices,
        windows,
        links: {},
        officeNotices,
        now: demoClock.now,
      },
      outbound,
    );
    const reminders = createReminderWorker({
      connection: redis,
      prisma: db.prisma,
      send: outbound.send,
      pacers: outbound.pacers,
      defaultLocale: "vi",
      windows,
      prefix,
      now: demoClock.now,
      reconcileEveryMs: false,
    });
    cleanups.push(() => reminders.close());
    officeNotices.startWorker({ prisma: db.prisma, send: outbound.send, defaultTimeZone: timeZone, defaultLocale: "vi" });
    outbound.startNoticeWorker();
    cleanups.push(() => officeNotices.close());
    cleanups.push(() => reminderQueue.close());

    // People: an administrator, the office secretary and one reporter per unit.
    const verbose = new Set<number>();
    channel.onShown = ({ chat, message, edited }) => {
      if (muted.has(chat.person.id)) return;
      transcript.bot(chat.person.label, message, { edited, maxLines: verbose.has(chat.person.id) ? 12 : 3 });
      if (message.document) {
        mkdirSync(dirname(OUT_FILE), { recursive: true });
        writeFileSync(OUT_FILE, message.document.bytes);
      }
    };
    const chatFor = (person: DemoPerson) => channel.chat(person);
    const kind = channel.inviteKind;

    transcript.heading(kind === "link" ? "Tham gia bằng đường liên kết mời" : "Tham gia: quan tâm Official Account rồi gửi mã mời");
    const admin = chatFor({ id: 1001, firstName: "Hùng", lastName: "Trần Quốc", label: "Quản trị viên" });
    verbose.add(admin.person.id);
    const adminInvite = await createInvite(db.prisma, { role: "ADMIN", kind });
    transcript.note(channel.inviteNote("admin", adminInvite.code));
    await channel.join(admin, adminInvite.code);

    const secretary = chatFor({ id: 1002, firstName: "Ngọc", lastName: "Phạm Bích", label: "Chị Ngọc (Văn phòng)" });
    verbose.add(secretary.person.id);
    const secretaryInvite = await createInvite(db.prisma, { role: "SECRETARY", createdById: null, kind });
    await channel.join(secretary, secretaryInvite.code);

    const template = loadBundledTemplate("dan-chu-co-so");
    const units = await db.prisma.unit.findMany({ where: { active: true }, orderBy: { order: "asc" } });
    const asked = units.filter((unit) => questionsForUnitKind(template, unit.kind).length > 0);
    const reporters: { chat: DemoConversation; unit: (typeof units)[number]; nth: number }[] = [];
    const kindCount = new Map<string, number>();
    for (const [i, unit] of asked.entries()) {
      const invite = await createInvite(db.prisma, { role: "REPORTER", unitId: unit.id, kind });
      const reporter = REPORTERS[i % REPORTERS.length]!;
      const chat = chatFor({ id: 2001 + i, firstName: reporter.firstName, lastName: reporter.lastName, label: `${reporter.called} (${unit.name})` });
      if (i > 0) transcript.note(`${chat.person.label} ${kind === "link" ? "mở đường liên kết mời của đơn vị" : "quan tâm Official Account và gửi mã mời của đơn vị"}`);
      if (i > 0) muted.add(chat.person.id);
      // The first reporter's whole welcome is shown, with the name to confirm.
      else verbose.add(chat.person.id);
      await channel.join(chat, invite.code);
      muted.delete(chat.person.id);
      const nth = kindCount.get(unit.kind) ?? 0;
      kindCount.set(unit.kind, nth + 1);
      reporters.push({ chat, unit, nth });
    }
    verbose.add(reporters[0]!.chat.person.id);

    transcript.heading("Văn phòng mở kỳ báo cáo");
    const deadlineDate = calendar.addWorkingDays(firstDay, 8);
    const periodYear = Number(firstDay.slice(0, 4));
    // Every reporter is prompted; the transcript shows the first one's prompt.
    for (const entry of reporters.slice(1)) muted.add(entry.chat.person.id);
    await openRoundAsSecretary(secretary, {
      templateName: template.name.vi,
      kindLabel: "9 tháng",
      periodLabel: `9 tháng đầu năm ${periodYear}`,
      deadlineDate,
      requestDocument: `Công văn số 09-CV/BCĐ ngày 10/9/${periodYear} của Ban Chỉ đạo về thực hiện Quy chế dân chủ ở cơ sở`,
    });
    for (const entry of reporters.slice(1)) muted.delete(entry.chat.person.id);
    transcript.note(`${reporters.length} người báo cáo nhận lời mời trả lời như trên.`);
    const planned = (await reminderQueue.getDelayed()).length;
    transcript.note(`${planned} lời nhắc đã lên lịch trong Redis. Bản chạy thử cho thời gian trôi nhanh: đồng hồ nhảy tới từng lời nhắc đến hạn.`);
    const at = (date: string, hour: number) => instantAt(date, hour, 0, timeZone);
    // Reminders a channel's messaging window kept from going (Zalo): recorded, and named to the office.
    let closedSoFar = 0;
    const advanceTo = async (instant: Date) => {
      await demoClock.advanceTo(instant);
      const closed = await db.prisma.reminderLog.count({ where: { outcome: "WINDOW_CLOSED" } });
      if (closed > closedSoFar) transcript.note(`${closed - closedSoFar} lời nhắc không gửi: người nhận chưa nhắn cho Official Account trong thời hạn Zalo cho phép nhắn tin miễn phí; nhật ký ghi lại, Văn phòng thấy tên họ trong tiến độ.`);
      closedSoFar = closed;
    };

    const answersOf = (entry: (typeof reporters)[number]) => {
      const questions = questionsForUnitKind(template, entry.unit.kind);
      return { questions, answers: demoAnswers(entry.unit.kind, entry.nth, questions) };
    };
    // One reporter is shown question by question; the others answer side by side, summed up in a line.
    const submit = async (entry: (typeof reporters)[number]) => {
      const { questions, answers } = answersOf(entry);
      const shown = verbose.has(entry.chat.person.id);
      if (!shown) muted.add(entry.chat.person.id);
      await answerAllAndSubmit(entry.chat, questions, answers);
      muted.delete(entry.chat.person.id);
      if (!shown) transcript.note(`${entry.chat.person.label} trả lời ${questions.length} câu hỏi trong cuộc trò chuyện và nộp báo cáo`);
    };
    const submitTogether = (entries: (typeof reporters)[number][]) => Promise.all(entries.map(submit));

    transcript.heading("Các đơn vị trả lời (đơn vị đầu tiên hiển thị đầy đủ)");
    const [first, ...rest] = reporters;
    const onTime = rest.slice(0, Math.max(0, rest.length - 4));
    const late = rest.slice(onTime.length, onTime.length + 2);
    const veryLate = rest.slice(onTime.length + 2, onTime.length + 3);
    await submit(first!);
    await submitTogether(onTime);
    // The office hears of these submissions once its batching window ends.
    await sleep(1700);

    transcript.heading("Thời gian trôi: nhắc việc các đơn vị chưa nộp");
    await advanceTo(at(calendar.addWorkingDays(deadlineDate, -3), 10));
    await submitTogether(late);

    transcript.heading("Văn phòng xem tiến độ và trả lại một câu để bổ sung");
    await secretary.send("/status");
    const returned = first!;
    await secretary.send("/review");
    await secretary.press(returned.unit.name);
    await secretary.press("Trả lại để bổ sung");
    await secretary.press(/^⬜ 1\b|^⬜/);
    await secretary.press("Tiếp tục");
    await secretary.send("Đề nghị bổ sung số liệu cụ thể về các hội nghị đã tổ chức trong kỳ.");
    if (await returned.chat.waitFor((message) => offersChoice(message, "Bổ sung ngay"), 5000)) {
      await returned.chat.press("Bổ sung ngay");
    } else {
      // Zalo: the reporter has not written within the messaging window, so the notice could not go; the bot
      // told the office to get in touch, and the reporter's own message opens the window again.
      transcript.note(`Văn phòng gọi điện cho ${returned.chat.person.label}; người báo cáo nhắn /report cho Official Account`);
      await returned.chat.send("/report");
      if (!askedQuestion(returned.chat, answersOf(returned).questions) && returned.chat.hasButton("Bổ sung")) await returned.chat.press("Bổ sung");
    }
    const { questions, answers } = answersOf(returned);
    const question = askedQuestion(returned.chat, questions);
    if (question) {
      const detailed = question.type === "long_text" ? { value: `${String(answers.get(question.key)?.value ?? "")} Trong kỳ, Sở tổ chức 02 hội nghị giao ban và 01 hội nghị cán bộ, công chức, viên chức.`, skipped: false as const } : answers.get(question.key)!;
      await answerQuestion(returned.chat, question, detailed);
    }
    if (!returned.chat.hasButton("Nộp báo cáo")) await returned.chat.press("Xem lại");
    await returned.chat.press("Nộp báo cáo");
    await sleep(1700);
    await secretary.send("/review");
    await secretary.press(returned.unit.name);
    await secretary.press("Tiếp nhận");

    transcript.heading("Ngày hết hạn và sau hạn");
    await advanceTo(at(calendar.addWorkingDays(deadlineDate, 1), 10));
    await submitTogether(veryLate);
    await sleep(1700);

    transcript.heading("Văn phòng nhận dự thảo báo cáo tổng hợp");
    await secretary.send("/status");
    await secretary.send("/compile");
    await secretary.waitFor((message) => message.document !== undefined, 30_000);

    const sent = channel.messagesSent();
    const logged = await db.prisma.reminderLog.groupBy({ by: ["outcome"], _count: true });
    transcript.heading("Kết thúc");
    transcript.note(`Báo cáo tổng hợp: ${OUT_FILE}`);
    transcript.note(`${sent} tin nhắn của bot; nhật ký nhắc việc: ${logged.map((l) => `${l.outcome} ${l._count}`).join(", ") || "trống"}.`);
    transcript.note(`Thời gian chạy: ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await db.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => failAndExit(error),
);

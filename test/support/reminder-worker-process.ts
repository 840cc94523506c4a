// A reminder worker in its own process, so a test can kill it with SIGKILL mid-batch.
import { Api } from "grammy";
import { Redis } from "ioredis";
import { createDatabase } from "../../src/db/create-prisma.ts";
import { createReminderWorker } from "../../src/queue/reminder-worker.ts";
import { workerSending } from "./outbound.ts";

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const offsetMs = Number(env("CLOCK_OFFSET_MS"));
const db = createDatabase({ databaseUrl: env("DATABASE_URL"), dataDir: "" });
const redis = new Redis(env("REDIS_URL"), { maxRetriesPerRequest: null });
const reminders = createReminderWorker({
  connection: redis,
  prisma: db.prisma,
  ...workerSending(db.prisma, redis, env("PREFIX"), new Api("123456:TEST", { apiRoot: env("BOT_API_ROOT") })),
  prefix: env("PREFIX"),
  now: () => new Date(Date.now() + offsetMs),
  concurrency: Number(process.env.CONCURRENCY ?? 1),
  reconcileEveryMs: false,
  // A killed worker's job is picked up again after its lock expires: keep that short here.
  workerOptions: { lockDuration: 1000, stalledInterval: 500 },
});
await reminders.worker.waitUntilReady();
process.stdout.write("ready\n");

process.on("SIGTERM", () => {
  void reminders.close().then(async () => {
    redis.disconnect();
    await db.close();
    process.exit(0);
  });
});

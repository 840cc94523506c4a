// Acknowledgement time of the Zalo webhook (signature check, parse, enqueue on Redis) under a steady offered load.
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { LocalZaloOa } from "../src/demo/local-zalo-oa.ts";
import type { InboundEvent } from "../src/queue/inbound-events.ts";
import type { ZaloEvent } from "../src/channels/zalo/zalo-event.ts";
import { createTestRedis, deleteKeys } from "../test/support/reminder-fixtures.ts";
import { startZaloInstance, until } from "../test/support/zalo-instance.ts";
import { markdownTable } from "./markdown-table.ts";
import { percentile } from "./percentile.ts";

export const title = "Zalo webhook acknowledgement";
export const description =
  "`npx tsx bench/zalo-webhook.bench.ts` — the Zalo webhook route (raw body capped, X-ZEvent-Signature checked, JSON parsed, event stored in the inbound BullMQ queue on local Redis) on a local HTTP server, fed signed events by the local OA stand-in at a steady offered rate for 12 s: an open loop (each event sent on its schedule whether or not the previous one was answered), from 200 people, 5 % of deliveries repeated (same msg_id) as Zalo's retries are. Acknowledgement = POST sent → 200 received, at the sender. *Route only*: the event is checked and parsed but not stored (the route's own cost). *Route + queue*: stored in the queue, no worker running. *With worker*: the inbound worker runs in the same process (concurrency 10, a handler that waits 5 ms), so the route competes with it for the CPU; handling lag = event timestamp → handler start. The load generator shares the process too; CPU per delivery is the whole process's (route, queue, worker and generator) over the run.";

const SECONDS = 12;
const PEOPLE = 200;
const REPEAT_SHARE = 0.05;


type Mode = "route only" | "route + queue" | "with worker";

async function scenario(rate: number, mode: Mode) {
  const withWorker = mode === "with worker";
  const redis = createTestRedis();
  const prefix = `bench-zalo-${randomUUID()}`;
  const zalo = new LocalZaloOa();
  const lags: number[] = [];
  const handledKeys = new Set<string>();
  let handledTotal = 0;
  const handler = async (event: InboundEvent) => {
    lags.push(Date.now() - (event.data as ZaloEvent).at);
    handledTotal++;
    handledKeys.add(event.key);
    await new Promise((r) => setTimeout(r, 5));
  };
  const instance = await startZaloInstance({
    appId: zalo.appId,
    oaSecretKey: zalo.oaSecretKey,
    prefix,
    handler: withWorker ? handler : undefined,
    store: mode !== "route only",
  });
  zalo.webhookUrl = instance.url;
  const acks: number[] = [];
  const statuses = new Map<number, number>();
  const sent: { body: string; headers: Record<string, string> }[] = [];
  const unique = new Set<string>();
  try {
    // Warm-up: connections, JIT, the queue's scripts.
    for (let i = 0; i < 50; i++) await zalo.sendText(`84600000000${i}`, "khởi động");
    await until(async () => !withWorker || handledTotal >= 50, 20_000, "warm-up handled");
    lags.length = 0;
    handledKeys.clear();
    handledTotal = 0;

    const total = rate * SECONDS;
    const interval = 1000 / rate;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      let delivery: { body: string; headers: Record<string, string> };
      if (sent.length > 0 && Math.random() < REPEAT_SHARE) {
        delivery = sent[Math.floor(Math.random() * sent.length)]!;
      } else {
        const person = `8460${String(i % PEOPLE).padStart(15, "0")}`;
        const msgId = randomUUID().replaceAll("-", "");
        unique.add(`msg-${msgId}`);
        const event =
          i % 10 === 9
            ? { event_name: "user_send_sticker", message: { msg_id: msgId, attachments: [{ type: "sticker", payload: { id: "1", url: "https://zalo-api.zadn.vn/s" } }] } }
            : { event_name: "user_send_text", message: { msg_id: msgId, text: `Báo cáo số ${i}: đơn vị đã hoàn thành kế hoạch quý.` } };
        delivery = zalo.signedEvent({ app_id: zalo.appId, user_id_by_app: "1", timestamp: String(Date.now()), sender: { id: person }, recipient: { id: zalo.oaId }, ...event });
        sent.push(delivery);
      }
      const t0 = performance.now();
      inFlight.push(
        fetch(instance.url, { method: "POST", headers: delivery.headers, body: delivery.body })
          .then(async (response) => {
            await response.arrayBuffer();
            acks.push(performance.now() - t0);
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          })
          .catch(() => {
            statuses.set(0, (statuses.get(0) ?? 0) + 1);
          }),
      );
    }
    await Promise.all(inFlight);
    const wall = (performance.now() - started) / 1000;
    if (withWorker) await until(() => handledKeys.size >= unique.size, 60_000, "every event handled");
    const cpu = process.cpuUsage(cpuBefore);
    const sorted = [...acks].sort((a, b) => a - b);
    const lagSorted = [...lags].sort((a, b) => a - b);
    return {
      deliveries: total,
      unique: unique.size,
      achieved: total / wall,
      ok: statuses.get(200) ?? 0,
      other: total - (statuses.get(200) ?? 0),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? NaN,
      handled: handledTotal,
      lagP50: percentile(lagSorted, 50),
      lagP99: percentile(lagSorted, 99),
      cpuPerEvent: (cpu.user + cpu.system) / 1000 / total,
    };
  } finally {
    await instance.close();
    await deleteKeys(redis, prefix);
    redis.disconnect();
  }
}

export async function run(): Promise<string> {
  const rows: (string | number)[][] = [];
  for (const [rate, mode] of [
    [100, "route only"],
    [100, "route + queue"],
    [100, "with worker"],
    [300, "with worker"],
  ] as const) {
    const r = await scenario(rate, mode);
    const withWorker = mode === "with worker";
    rows.push([
      `${rate}/s offered, ${mode}`,
      `${r.deliveries} (${r.unique} distinct)`,
      r.achieved.toFixed(1),
      `${r.ok} / ${r.other}`,
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      r.max.toFixed(1),
      withWorker ? `${r.handled} (${r.handled === r.unique ? "each once" : `${r.handled - r.unique} extra`})` : "—",
      withWorker ? `${r.lagP50.toFixed(0)} / ${r.lagP99.toFixed(0)}` : "—",
      r.cpuPerEvent.toFixed(2),
    ]);
  }
  return markdownTable(
    ["load", "deliveries", "sent/s", "200 / other", "ack p50 (ms)", "ack p99 (ms)", "ack max (ms)", "events handled", "handling lag p50 / p99 (ms)", "CPU per delivery (ms)"],
    rows,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  console.log(await run());
  process.exit(0);
}

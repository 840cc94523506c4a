import type { FakeBotApi } from "./fake-bot-api.ts";
import { spawnApp, type Spawned } from "./spawn-app.ts";

/**
 * `src/main.ts` as a child process whose start is awaited: ready once it has called deleteWebhook
 * (just before long polling starts). Killed without mercy on request.
 */
export async function startAppProcess(api: FakeBotApi, env: Record<string, string>, mode = "all", timeoutMs = 45_000): Promise<Spawned> {
  const before = api.calls.length;
  const app = spawnApp(env, mode);
  const exited = app.exited.then((code) => {
    throw new Error(`the app exited (${code}) before it was ready:\n${app.output()}`);
  });
  await Promise.race([api.waitForCall((call) => call.method === "deleteWebhook" && api.calls.indexOf(call) >= before, timeoutMs), exited]);
  exited.catch(() => {});
  return app;
}

export async function killApp(app: Spawned, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return;
  app.child.kill(signal);
  await app.exited;
}

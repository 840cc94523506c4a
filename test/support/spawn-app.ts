import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");

export type Spawned = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/**
 * Runs src/main.ts as `npm start` would, in an empty folder, with only the given environment. Each run gets
 * its own REDIS_PREFIX unless one is given, so runs sharing a Redis never see each other's keys.
 */
export function spawnApp(env: Record<string, string>, mode = "all", cwd = mkdtempSync(join(tmpdir(), "tong-hop-")), options: { compiled?: boolean } = {}): Spawned {
  // Resolved here, since the child runs in a folder without node_modules. Compiled: dist/ with npm start's flags.
  const args = options.compiled
    ? ["--liftoff-only", "--max-semi-space-size=1", join(ROOT, "dist/main.js"), mode]
    : ["--import", import.meta.resolve("tsx"), join(ROOT, "src/main.ts"), mode];
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn", REDIS_PREFIX: `test-${randomUUID()}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Sends SIGTERM and waits for the exit: its code, and everything the process printed. */
export async function stopApp(app: Spawned): Promise<{ code: number | null; output: string }> {
  app.child.kill("SIGTERM");
  const code = await app.exited;
  return { code, output: app.output() };
}

/** For a test's `finally`: a process still running after a failure is killed. */
export function killIfRunning(app: Spawned): void {
  if (app.child.exitCode === null) app.child.kill("SIGKILL");
}

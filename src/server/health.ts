export type HealthCheck = () => Promise<void>;

/** What a check found: ok, or the reason it failed (for the log only). */
export type HealthReport = { status: "ok" | "degraded"; checks: Record<string, { ok: true } | { ok: false; reason: string }> };

/** What /healthz shows anyone who asks: up or down per check, never an error text. */
export type PublicHealth = { status: "ok" } | { status: "degraded"; checks: Record<string, "ok" | "down"> };

/** Runs every check with a time limit; a failing check degrades the report, never throws. */
export async function checkHealth(checks: Record<string, HealthCheck>, timeoutMs = 2000): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          check(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
          }),
        ]);
        return [name, { ok: true }] as const;
      } catch (error) {
        return [name, { ok: false, reason: (error as Error).message || "error" }] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { status: entries.every(([, result]) => result.ok) ? "ok" : "degraded", checks: Object.fromEntries(entries) };
}

export function publicHealth(report: HealthReport): PublicHealth {
  if (report.status === "ok") return { status: "ok" };
  return { status: "degraded", checks: Object.fromEntries(Object.entries(report.checks).map(([name, result]) => [name, result.ok ? "ok" : "down"])) };
}

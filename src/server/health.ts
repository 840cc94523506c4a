export type HealthCheck = () => Promise<void>;

export type HealthReport = { status: "ok" | "degraded"; checks: Record<string, "ok" | string> };

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
        return [name, "ok"] as const;
      } catch (error) {
        return [name, (error as Error).message || "error"] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const results = Object.fromEntries(entries);
  return { status: entries.every(([, result]) => result === "ok") ? "ok" : "degraded", checks: results };
}

import type { Queue } from "bullmq";

/**
 * Demo time. It stands still while people act; when the demo lets days pass it jumps from one
 * planned reminder to the next, releases the reminders due at that moment and waits until the
 * worker has handled them. Reminders are planned with real delays (days), so without the clock
 * they would simply wait.
 */
export class DemoClock {
  private current: number;

  constructor(
    private readonly queue: Queue,
    start: Date,
  ) {
    this.current = start.getTime();
  }

  now = (): Date => new Date(this.current);

  /** Moves demo time to `instant`, firing every reminder planned before it, in order. */
  async advanceTo(instant: Date): Promise<number> {
    let fired = 0;
    for (;;) {
      const due = (await this.queue.getDelayed()).filter((job) => {
        const plannedFor = plannedTime(job.data);
        return plannedFor !== undefined && plannedFor <= instant.getTime();
      });
      if (due.length === 0) break;
      const next = Math.min(...due.map((job) => plannedTime(job.data)!));
      this.current = Math.max(this.current, next);
      for (const job of due.filter((job) => plannedTime(job.data) === next)) {
        await job.promote().catch(() => {});
        fired++;
      }
      await this.drained();
    }
    this.current = Math.max(this.current, instant.getTime());
    return fired;
  }

  /** Resolves when no job waits or runs. */
  private async drained(): Promise<void> {
    for (let i = 0; i < 500; i++) {
      const counts = await this.queue.getJobCounts("waiting", "active", "prioritized");
      if (Object.values(counts).every((count) => count === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

function plannedTime(data: unknown): number | undefined {
  const plannedFor = (data as { plannedFor?: string } | undefined)?.plannedFor;
  return plannedFor ? new Date(plannedFor).getTime() : undefined;
}

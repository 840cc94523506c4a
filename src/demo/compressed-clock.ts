import type { Queue } from "bullmq";

/** How long a held reminder waits in real time: longer than any demo. */
const HOLD_MS = 3600_000;

/**
 * Demo time. It stands still while people act, and runs `speed` times faster than real time when
 * the demo lets days pass. Reminder jobs are planned in real time; while the clock runs their
 * delays are shortened so each fires when demo time reaches the moment it was planned for, and
 * while it stands still they are held back.
 */
export class CompressedClock {
  private virtualAt: number;
  private realAt = Date.now();
  private running = false;

  constructor(
    readonly speed: number,
    private readonly queue: Queue,
    start: Date,
  ) {
    this.virtualAt = start.getTime();
  }

  now = (): Date => new Date(this.running ? this.virtualAt + (Date.now() - this.realAt) * this.speed : this.virtualAt);

  /** Lets demo time run until `instant`; the reminders due meanwhile fire on the way. */
  async advanceTo(instant: Date): Promise<void> {
    if (instant.getTime() <= this.virtualAt) return;
    this.realAt = Date.now();
    this.running = true;
    await this.retime((plannedFor) => Math.max(0, (plannedFor - this.now().getTime()) / this.speed));
    const realMs = (instant.getTime() - this.now().getTime()) / this.speed;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, realMs)));
    this.running = false;
    this.virtualAt = instant.getTime();
    await this.retime(() => HOLD_MS);
  }

  /** Holds every planned reminder back until the clock runs. */
  hold(): Promise<void> {
    return this.retime(() => HOLD_MS);
  }

  private async retime(delayFor: (plannedFor: number) => number): Promise<void> {
    for (const job of await this.queue.getDelayed()) {
      const plannedFor = (job.data as { plannedFor?: string }).plannedFor;
      if (plannedFor) await job.changeDelay(Math.round(delayFor(new Date(plannedFor).getTime()))).catch(() => {});
    }
  }
}

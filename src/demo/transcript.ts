import type { ShownMessage } from "./demo-conversation.ts";

const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

/** Prints the round as it happens: who typed what, what the bot answered, in the report's time zone. */
export class Transcript {
  private lastStamp = "";
  lines = 0;

  constructor(
    private readonly clock: () => Date,
    private readonly timeZone: string,
    private readonly write: (line: string) => void = (line) => console.log(line),
  ) {}

  /** Prints a line for each new day; returns the time of day for the line that follows. */
  private stamp(): string {
    const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("vi-VN", { timeZone: this.timeZone, ...options }).format(this.clock());
    const day = `${WEEKDAYS[weekdayIndex(this.clock(), this.timeZone)]} ${format({ day: "2-digit", month: "2-digit", year: "numeric" })}`;
    if (day !== this.lastStamp) {
      this.lastStamp = day;
      this.emit(`\n── ${day} ${"─".repeat(48)}`);
    }
    return format({ hour: "2-digit", minute: "2-digit", hour12: false });
  }

  private emit(line: string): void {
    this.lines++;
    this.write(line);
  }

  heading(text: string): void {
    this.emit(`\n▶ ${text}`);
  }

  note(text: string): void {
    this.emit(`  · ${text}`);
  }

  person(who: string, text: string): void {
    const time = this.stamp();
    const shown = text.length > 120 ? `${text.slice(0, 117).replace(/\n/g, " ⏎ ")}…` : text.replace(/\n/g, " ⏎ ");
    this.emit(`${time} 👤 ${who}: ${shown}`);
  }

  bot(to: string, message: ShownMessage, options: { edited: boolean; maxLines: number }): void {
    const time = this.stamp();
    const lines = message.text.split("\n").filter((line) => line.trim() !== "");
    const kept = lines.slice(0, options.maxLines);
    if (lines.length > kept.length) kept.push(`… (${lines.length - kept.length} dòng nữa)`);
    const head = message.document ? `📎 ${message.document.filename}` : options.edited ? "✎" : "🤖";
    this.emit(`${time} ${head} → ${to}: ${kept[0] ?? ""}`);
    for (const line of kept.slice(1)) this.emit(`         ${line}`);
    const buttons = message.buttons.flat().map((b) => `[${b.text}]`);
    if (buttons.length > 0) this.emit(`         ${buttons.slice(0, 8).join(" ")}${buttons.length > 8 ? ` … +${buttons.length - 8}` : ""}`);
  }
}

function weekdayIndex(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short" }).format(instant);
  return ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(name);
}

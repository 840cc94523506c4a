import type { DeliveredMessage, LocalZaloOa } from "../../src/demo/local-zalo-oa.ts";

type Button = { title: string; type: string; payload: unknown };

function buttonsOf(message: DeliveredMessage): Button[] {
  const attachment = (message.message as { attachment?: { payload?: { buttons?: Button[] } } }).attachment;
  return attachment?.payload?.buttons ?? [];
}

export function textOf(message: DeliveredMessage): string {
  return String((message.message as { text?: unknown }).text ?? "");
}

/**
 * A person chatting with the Official Account through the local stand-in: what they send goes to the
 * bot's webhook signed as Zalo signs it; what the bot sends arrives in the stand-in's record.
 */
export class ZaloPerson {
  private seen = 0;

  constructor(
    readonly oa: LocalZaloOa,
    readonly userId: string,
  ) {}

  messages(): DeliveredMessage[] {
    return this.oa.messagesTo(this.userId);
  }

  /** Sends a text; the webhook must take it (200). */
  async say(text: string): Promise<void> {
    this.seen = this.messages().length;
    const delivery = await this.oa.sendText(this.userId, text);
    if (delivery.status !== 200) throw new Error(`the webhook answered ${delivery.status}`);
  }

  /** Sends a file (`size` may announce another size than the bytes have); the webhook must take it. */
  async sendFile(file: { fileName: string; bytes: Uint8Array; size?: number }): Promise<void> {
    this.seen = this.messages().length;
    const delivery = await this.oa.sendFile(this.userId, file);
    if (delivery.status !== 200) throw new Error(`the webhook answered ${delivery.status}`);
  }

  /** Taps a button of the latest messages by (the start of) its title. */
  async tap(title: string | RegExp): Promise<void> {
    const payload = this.button(title);
    this.seen = this.messages().length;
    const delivery = await this.oa.tapButton(this.userId, payload);
    if (delivery.status !== 200) throw new Error(`the webhook answered ${delivery.status}`);
  }

  button(title: string | RegExp): string {
    const matches = (b: Button) => (typeof title === "string" ? b.title.startsWith(title) : title.test(b.title));
    for (const message of [...this.messages()].reverse()) {
      const found = buttonsOf(message).find(matches);
      if (found) return String(found.payload);
    }
    throw new Error(`no button ${String(title)} for ${this.userId}; last: ${this.messages().slice(-2).map(textOf).join(" | ")}`);
  }

  /**
   * Picks a choice as a person would: taps the newest button whose title matches, or, where the choices
   * came as numbered lines (more than Zalo's five buttons), types the number of the newest matching line.
   */
  async choose(label: RegExp): Promise<void> {
    for (const message of [...this.messages()].reverse()) {
      if (buttonsOf(message).some((b) => label.test(b.title))) return this.tap(label);
      for (const line of textOf(message).split("\n")) {
        const dot = line.indexOf(". ");
        const number = line.slice(0, dot);
        if (dot > 0 && dot < 4 && /^\d+$/.test(number) && label.test(line.slice(dot + 2))) return this.say(number);
      }
    }
    throw new Error(`no choice ${String(label)} for ${this.userId}; last: ${this.messages().slice(-2).map(textOf).join(" | ")}`);
  }

  /** Waits until `probe` holds (the bot's messages come one API call at a time). */
  async until(probe: () => boolean, timeoutMs = 20_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!probe()) {
      if (Date.now() > end) throw new Error(`condition not met for ${this.userId} within ${timeoutMs} ms; last: ${this.messages().slice(-2).map(textOf).join(" | ")}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  buttons(): string[] {
    const last = this.messages().at(-1);
    return last ? buttonsOf(last).map((b) => b.title) : [];
  }

  /** The texts that arrived since the last thing this person did, once one of them matches. */
  async reply(match: RegExp | ((text: string) => boolean) = () => true, timeoutMs = 20_000): Promise<string> {
    const test = typeof match === "function" ? match : (text: string) => match.test(text);
    const end = Date.now() + timeoutMs;
    for (;;) {
      const fresh = this.messages().slice(this.seen).map(textOf);
      if (fresh.some(test)) return fresh.join("\n---\n");
      if (Date.now() > end) throw new Error(`no matching reply for ${this.userId} within ${timeoutMs} ms; got: ${fresh.join(" | ") || "nothing"}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

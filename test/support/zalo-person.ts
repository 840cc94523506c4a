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

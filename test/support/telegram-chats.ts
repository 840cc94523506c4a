import type { FakeBotApi, FakeReply, RecordedCall } from "./fake-bot-api.ts";
import { ChatView, stepUpdate, type Person, type ReporterStep } from "./reporter-script.ts";

type Waiter = { chatId: number; match: (text: string) => boolean; resolve: (text: string) => void };

/**
 * People talking to a bot process through the local Bot API: each step becomes an update the bot fetches,
 * and the messages the bot sends back are followed per chat (text, latest keyboard).
 */
export class TelegramChats {
  readonly view = new ChatView();
  /** Messages the Bot API accepted, in order, per chat. */
  readonly delivered = new Map<number, string[]>();
  private waiters: Waiter[] = [];

  constructor(readonly api: FakeBotApi) {
    api.onCall = (call, reply) => this.record(call, reply);
  }

  private record(call: RecordedCall, reply: FakeReply): void {
    if (!reply.ok || (call.method !== "sendMessage" && call.method !== "editMessageText")) return;
    const result = reply.result as { message_id?: number } | undefined;
    this.view.observe(call.method, call.payload, result?.message_id);
    const chatId = Number(call.payload.chat_id);
    const text = String(call.payload.text);
    this.delivered.set(chatId, [...(this.delivered.get(chatId) ?? []), text]);
    for (const waiter of this.waiters.splice(0)) {
      if (waiter.chatId === chatId && waiter.match(text)) waiter.resolve(text);
      else this.waiters.push(waiter);
    }
  }

  /** The next message the bot gets delivered to the chat (matching `match`, if given). */
  nextMessage(chatId: number, options: { match?: RegExp | string; timeoutMs?: number } = {}): Promise<string> {
    const { match, timeoutMs = 20_000 } = options;
    const test = (text: string) => (match === undefined ? true : typeof match === "string" ? text.includes(match) : match.test(text));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`chat ${chatId}: no message${match ? ` matching ${match}` : ""} within ${timeoutMs} ms; last: ${this.view.lastText(chatId)?.slice(0, 200)}`));
      }, timeoutMs);
      const waiter: Waiter = {
        chatId,
        match: test,
        resolve: (text) => {
          clearTimeout(timer);
          resolve(text);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** The update (without id) a step becomes, pressing buttons of the keyboards seen so far. */
  update(person: Person, step: ReporterStep): Record<string, unknown> {
    return stepUpdate(step, person, this.view);
  }

  /** A message matching `match` delivered to the chat so far, or the next one. */
  someMessage(chatId: number, match: RegExp, timeoutMs = 20_000): Promise<string> {
    const seen = (this.delivered.get(chatId) ?? []).find((text) => match.test(text));
    return seen !== undefined ? Promise.resolve(seen) : this.nextMessage(chatId, { match, timeoutMs });
  }

  /** Queues the step as an update and waits for the bot's answer in that chat; the update, its id and the answer. */
  async step(
    person: Person,
    step: ReporterStep,
    options: { match?: RegExp | string; timeoutMs?: number } = {},
  ): Promise<{ updateId: number; update: Record<string, unknown>; reply: string }> {
    const reply = this.nextMessage(person.id, options);
    const update = stepUpdate(step, person, this.view);
    const updateId = this.api.pushUpdate(update);
    return { updateId, update, reply: await reply };
  }

  /** Messages delivered to the chat that match. */
  count(chatId: number, match: RegExp): number {
    return (this.delivered.get(chatId) ?? []).filter((text) => match.test(text)).length;
  }
}

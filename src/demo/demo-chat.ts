import { labelMatcher, SimulatedChat, type DemoButton as InlineButton, type DemoConversation, type DemoPerson, type ShownMessage } from "./demo-conversation.ts";
import type { FakeBotApi, FakeReply, RecordedCall } from "./local-bot-api.ts";

const IDLE_MS = 80;

/**
 * One simulated Telegram user talking to the bot through the local Bot API: sends text, presses
 * buttons by their label, and keeps the messages the bot showed in this chat.
 */
export class DemoChat extends SimulatedChat implements DemoConversation {
  readonly messages = new Map<number, ShownMessage>();
  private order: number[] = [];
  private nextMessageId = 1;
  private readonly pendingCallbacks = new Set<string>();

  constructor(
    private readonly api: FakeBotApi,
    readonly person: DemoPerson,
    private readonly say: (person: DemoPerson, text: string) => void,
  ) {
    super();
  }

  /** Called by the demo for every Bot API call; keeps those that concern this chat. */
  observe(call: RecordedCall, reply: FakeReply): ShownMessage | undefined {
    if (call.method === "answerCallbackQuery" && this.pendingCallbacks.delete(String(call.payload.callback_query_id))) {
      this.answered();
      return undefined;
    }
    if (Number(call.payload.chat_id) !== this.person.id || !reply.ok) return undefined;
    this.answered();
    const markup = parseMarkup(call.payload.reply_markup);
    const result = reply.result as { message_id?: number } | true;
    if (call.method === "sendMessage" || call.method === "sendDocument") {
      const messageId = typeof result === "object" ? Number(result.message_id) : 0;
      // grammY uploads a file as a separate multipart field that `document` points to (attach://…).
      const reference = call.payload.document;
      const document = (typeof reference === "string" && reference.startsWith("attach://") ? call.payload[reference.slice(9)] : reference) as
        | { filename: string; bytes: Buffer }
        | undefined;
      const shown: ShownMessage = {
        messageId,
        text: String(call.payload.text ?? call.payload.caption ?? ""),
        buttons: markup,
        document: document ? { ...document, caption: call.payload.caption as string | undefined } : undefined,
      };
      this.messages.set(messageId, shown);
      this.order.push(messageId);
      this.recent.push(shown);
      return shown;
    }
    if (call.method === "editMessageText" || call.method === "editMessageReplyMarkup") {
      const existing = this.messages.get(Number(call.payload.message_id));
      if (!existing) return undefined;
      if (call.payload.text !== undefined) existing.text = String(call.payload.text);
      existing.buttons = markup;
      this.recent.push(existing);
      return existing;
    }
    return undefined;
  }

  /** Resolves once the bot has answered the last action and then been quiet in this chat for a moment. */
  settle(timeoutMs = 15_000): Promise<void> {
    return this.settleAfter(IDLE_MS, timeoutMs);
  }

  async send(text: string): Promise<void> {
    this.say(this.person, text);
    this.begin();
    const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
    this.api.pushUpdate({
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: this.person.id, type: "private", first_name: this.person.firstName },
        from: { id: this.person.id, is_bot: false, first_name: this.person.firstName, last_name: this.person.lastName, language_code: "vi" },
        text,
        entities,
      },
    });
    await this.settle();
  }

  /**
   * Presses the newest button whose label contains `label`; throws when none shows up within `timeoutMs`
   * (a long screen comes in several messages, its buttons under the last one).
   */
  async press(label: string | RegExp, timeoutMs = 10_000): Promise<void> {
    const found = await this.poll(() => this.findButton(label), timeoutMs);
    if (!found) throw new Error(`${this.person.label}: no button "${label}" in the chat; the bot last said: ${this.last()?.text.slice(-600) ?? "nothing"}`);
    this.say(this.person, `[${found.button.text}]`);
    this.begin();
    const callbackId = `${this.person.id}-${Date.now()}-${Math.random()}`;
    this.pendingCallbacks.add(callbackId);
    this.api.pushUpdate({
      callback_query: {
        id: callbackId,
        chat_instance: String(this.person.id),
        from: { id: this.person.id, is_bot: false, first_name: this.person.firstName, last_name: this.person.lastName, language_code: "vi" },
        message: { message_id: found.message.messageId, date: Math.floor(Date.now() / 1000), chat: { id: this.person.id, type: "private" }, text: found.message.text },
        data: found.button.callback_data,
      },
    });
    await this.settle();
  }

  /** Telegram shows every choice as a button. */
  numberOf(): string | undefined {
    return undefined;
  }

  hasButton(label: string | RegExp): boolean {
    return this.findButton(label) !== undefined;
  }

  /** The newest message the bot showed here. */
  last(): ShownMessage | undefined {
    const id = this.order.at(-1);
    return id === undefined ? undefined : this.messages.get(id);
  }

  /** Messages newest first. */
  newestFirst(): ShownMessage[] {
    return [...this.order].reverse().map((id) => this.messages.get(id)!);
  }

  private findButton(label: string | RegExp): { message: ShownMessage; button: InlineButton } | undefined {
    const matches = labelMatcher(label);
    for (const message of this.newestFirst()) {
      for (const row of message.buttons) {
        for (const button of row) if (button.callback_data && matches(button.text)) return { message, button };
      }
    }
    return undefined;
  }
}

function parseMarkup(markup: unknown): InlineButton[][] {
  const value = typeof markup === "string" ? (JSON.parse(markup) as unknown) : markup;
  const keyboard = (value as { inline_keyboard?: InlineButton[][] } | undefined)?.inline_keyboard;
  return keyboard ?? [];
}

import { labelMatcher, numberedLine, SimulatedChat, type DemoButton, type DemoConversation, type DemoPerson, type ShownMessage } from "./demo-conversation.ts";
import type { LocalZaloOa, ZaloCall } from "./local-zalo-oa.ts";

// Zalo's replies come through the webhook queue and one API call each: a little more room than Telegram's.
const IDLE_MS = 150;

type Button = { title?: unknown; type?: unknown; payload?: unknown };

/**
 * One simulated Zalo user talking to the Official Account through the local stand-in: what they type or
 * tap goes to the bot's webhook signed as Zalo signs it; what the bot sends arrives through the stand-in.
 * Zalo cannot edit a message, so every answer is a new one; choices beyond five come as numbered lines,
 * which `press` types.
 */
export class ZaloDemoChat extends SimulatedChat implements DemoConversation {
  readonly userId: string;
  private readonly shown: ShownMessage[] = [];
  private nextMessageId = 1;

  constructor(
    private readonly oa: LocalZaloOa,
    readonly person: DemoPerson,
    private readonly say: (person: DemoPerson, text: string) => void,
    /** True while the bot still has people's events to handle (its answers may still be on the way). */
    private readonly busy: () => Promise<boolean> = async () => false,
  ) {
    super();
    this.userId = `84${String(person.id).padStart(17, "0")}`;
  }

  /** Called by the demo for every call the stand-in answered; keeps the messages delivered to this person. */
  observe(call: ZaloCall): ShownMessage | undefined {
    if (call.endpoint !== "message" || call.answer.error !== 0) return undefined;
    const recipient = (call.body.recipient as { user_id?: unknown } | undefined)?.user_id;
    if (recipient !== this.userId) return undefined;
    const message = call.body.message as { text?: unknown; attachment?: { type?: unknown; payload?: { buttons?: Button[]; token?: unknown } } };
    const attachment = message.attachment;
    const buttons: DemoButton[][] = (attachment?.type === "template" ? (attachment.payload?.buttons ?? []) : []).map((button) => [
      button.type === "oa.open.url"
        ? { text: String(button.title), url: String((button.payload as { url?: unknown } | undefined)?.url ?? "") }
        : { text: String(button.title), callback_data: String(button.payload) },
    ]);
    const file = attachment?.type === "file" && typeof attachment.payload?.token === "string" ? this.oa.uploadedFile(attachment.payload.token) : undefined;
    const shown: ShownMessage = {
      messageId: this.nextMessageId++,
      text: typeof message.text === "string" ? message.text : (file?.fileName ?? ""),
      buttons,
      // Zalo sends a document's caption as the message before it.
      document: file ? { filename: file.fileName, bytes: file.bytes, caption: this.shown.at(-1)?.text } : undefined,
    };
    this.shown.push(shown);
    this.recent.push(shown);
    this.answered();
    return shown;
  }

  /** Resolves once the bot has answered the last action and then been quiet in this chat for a moment. */
  settle(timeoutMs = 15_000): Promise<void> {
    // A long answer comes in several messages: the handler is done when the inbound queue is.
    return this.settleAfter(IDLE_MS, timeoutMs, this.busy);
  }

  /** Follows the OA (Zalo lets an OA write only to its followers): the bot greets and says how to join. */
  async follow(): Promise<void> {
    this.begin();
    const delivery = await this.oa.follow(this.userId, { timestamp: Date.now() });
    if (delivery.status !== 200) throw new Error(`the webhook answered ${delivery.status}`);
    await this.settle();
  }

  async send(text: string): Promise<void> {
    this.say(this.person, text);
    this.begin();
    // Events carry real time: the webhook refuses events far from its clock as replays.
    const delivery = await this.oa.sendText(this.userId, text, { timestamp: Date.now() });
    if (delivery.status !== 200) throw new Error(`the webhook answered ${delivery.status}`);
    await this.settle();
  }

  async press(label: string | RegExp, timeoutMs = 10_000): Promise<void> {
    const found = await this.poll(() => this.find(label), timeoutMs);
    if (!found) throw new Error(`${this.person.label}: no button "${label}" in the chat; the bot last said: ${this.shown.at(-1)?.text.slice(-600) ?? "nothing"}`);
    if (found.typed !== undefined) return this.send(found.typed);
    this.say(this.person, `[${found.button.text}]`);
    this.begin();
    const delivery = await this.oa.tapButton(this.userId, found.button.callback_data!, { timestamp: Date.now() });
    if (delivery.status !== 200) throw new Error(`the webhook answered ${delivery.status}`);
    await this.settle();
  }

  hasButton(label: string | RegExp): boolean {
    return this.find(label) !== undefined;
  }

  numberOf(label: string): string | undefined {
    const newest = [...this.shown].reverse().find((message) => numberedLine(message.text, /./) !== undefined);
    return newest ? numberedLine(newest.text, label) : undefined;
  }

  /** In the newest message that offers it: a button whose title matches, or the number of a matching numbered line. */
  private find(label: string | RegExp): { button: DemoButton; typed?: undefined } | { typed: string; button?: undefined } | undefined {
    const matches = labelMatcher(label);
    for (const message of [...this.shown].reverse()) {
      for (const row of message.buttons) for (const button of row) if (button.callback_data && matches(button.text)) return { button };
      const typed = numberedLine(message.text, label);
      if (typed !== undefined) return { typed };
    }
    return undefined;
  }
}

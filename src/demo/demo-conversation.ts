/** A button as the demo sees it on either channel: its label and what pressing it sends back. */
export type DemoButton = { text: string; callback_data?: string; url?: string };

/** A message as the person sees it now: on Telegram, edits replace its text and buttons. */
export type ShownMessage = { messageId: number; text: string; buttons: DemoButton[][]; document?: { filename: string; bytes: Buffer; caption?: string } };

export type DemoPerson = { id: number; firstName: string; lastName?: string; label: string };

/**
 * One simulated person talking to the bot on one channel. The demo's script (joining aside) is written
 * against this, so the same round plays on Telegram and on Zalo.
 */
export interface DemoConversation {
  readonly person: DemoPerson;
  /** What the bot showed since the person last typed or pressed something, oldest first. */
  readonly recent: ShownMessage[];
  /** Types a message and waits until the bot has answered. */
  send(text: string): Promise<void>;
  /** Presses the newest button whose label matches (or, where the channel lists choices as numbered lines, types its number). */
  press(label: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Waits until the bot's answer to the last action includes a message that passes `test`. */
  waitFor(test: (message: ShownMessage) => boolean, timeoutMs?: number): Promise<ShownMessage | undefined>;
  /** True when a button with this label can be pressed (or its number typed). */
  hasButton(label: string | RegExp): boolean;
  /**
   * The number to type for a choice shown as a numbered line of the newest message ("3. Khoa học"), or
   * undefined when it is a button or not shown.
   */
  numberOf(label: string): string | undefined;
}

/** The number of a numbered line ("3. Khoa học") whose text, after a check-box mark, contains `label`. */
export function numberedLine(text: string, label: string | RegExp): string | undefined {
  for (const line of text.split("\n")) {
    const dot = line.indexOf(". ");
    const number = line.slice(0, dot);
    if (dot < 1 || dot > 3 || !/^\d+$/.test(number)) continue;
    const rest = line.slice(dot + 2);
    if (labelMatcher(label)(rest)) return number;
  }
  return undefined;
}

/** Whether a label's text matches what the script looks for (a part of it, or a pattern). */
export function labelMatcher(label: string | RegExp): (text: string) => boolean {
  return (text) => (typeof label === "string" ? text.includes(label) : label.test(text));
}

/** The message offers this choice: as a button, or as a numbered line to type. */
export function offersChoice(message: ShownMessage, label: string | RegExp): boolean {
  const matches = labelMatcher(label);
  return message.buttons.some((row) => row.some((button) => matches(button.text))) || numberedLine(message.text, label) !== undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * What both channels' simulated chats share: the messages since the person's last action, and waiting for the
 * bot's answer to it. A channel's chat says how an action reaches the bot and how the bot's messages arrive.
 */
export abstract class SimulatedChat {
  /** What the bot showed since the person last typed or pressed something, oldest first. */
  recent: ShownMessage[] = [];
  protected lastActivity = Date.now();
  protected awaitingReply = false;

  /** Call before an action: what comes next is the answer to it. */
  protected begin(): void {
    this.recent = [];
    this.awaitingReply = true;
    this.lastActivity = Date.now();
  }

  /** Call when the bot showed or answered something in this chat. */
  protected answered(): void {
    this.awaitingReply = false;
    this.lastActivity = Date.now();
  }

  /** Resolves once the bot has answered the last action and then been quiet for `idleMs` (and `busy` says no more is coming). */
  protected async settleAfter(idleMs: number, timeoutMs: number, busy: () => Promise<boolean> = async () => false): Promise<void> {
    const started = Date.now();
    while (this.awaitingReply && Date.now() - started < timeoutMs) await sleep(10);
    while ((Date.now() - this.lastActivity < idleMs || (await busy())) && Date.now() - started < timeoutMs) await sleep(idleMs / 4);
  }

  /** Looks again until `find` finds something (a long screen comes in several messages, its buttons under the last). */
  protected async poll<T>(find: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
    const started = Date.now();
    let found = find();
    while (found === undefined && Date.now() - started < timeoutMs) {
      await sleep(25);
      found = find();
    }
    return found;
  }

  /** Waits until the bot's answer to the last action includes a message that passes `test`. */
  async waitFor(test: (message: ShownMessage) => boolean, timeoutMs = 15_000): Promise<ShownMessage | undefined> {
    const started = Date.now();
    for (;;) {
      const found = [...this.recent].reverse().find(test);
      if (found || Date.now() - started > timeoutMs) return found;
      await sleep(15);
    }
  }
}

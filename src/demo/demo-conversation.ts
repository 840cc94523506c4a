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
    if (typeof label === "string" ? rest.includes(label) : label.test(rest)) return number;
  }
  return undefined;
}

/** The message offers this choice: as a button, or as a numbered line to type. */
export function offersChoice(message: ShownMessage, label: string | RegExp): boolean {
  const matches = (text: string) => (typeof label === "string" ? text.includes(label) : label.test(text));
  return message.buttons.some((row) => row.some((button) => matches(button.text))) || numberedLine(message.text, label) !== undefined;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

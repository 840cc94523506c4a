/** What a button asks for, as plain data; channels turn it into their own button payload and back. */
export type ButtonAction =
  /** Start or resume answering this submission. */
  | { op: "open"; sid: number }
  /**
   * Steps on the question `q` (index in the unit's question list). add / replace: typed text is added to
   * the answer there or replaces it (and items waiting for that choice are stored so).
   */
  | { op: "skip" | "back" | "keep-last" | "keep-current" | "done" | "clear" | "preview" | "add" | "replace"; sid: number; q: number }
  /** Add more to the answer of question `q`, saved a moment ago. */
  | { op: "more"; sid: number; q: number }
  /** Pick (single choice, yes/no) or toggle (multiple choice) the option at `option`. */
  | { op: "choose" | "toggle"; sid: number; q: number; option: number }
  /** From the preview: change the answer to question `q`. */
  | { op: "edit"; sid: number; q: number }
  /** From the preview: submit, if nothing changed since that preview (`version`). */
  | { op: "submit"; sid: number; version: number };

const CODES = {
  open: "o",
  skip: "s",
  back: "b",
  "keep-last": "k",
  "keep-current": "n",
  done: "d",
  clear: "c",
  preview: "p",
  choose: "h",
  toggle: "t",
  edit: "e",
  submit: "u",
  add: "a",
  replace: "r",
  more: "m",
} as const satisfies Record<ButtonAction["op"], string>;

const OPS = Object.fromEntries(Object.entries(CODES).map(([op, code]) => [code, op])) as Record<string, ButtonAction["op"]>;

/** Payload version: bump when the layout changes so old buttons are recognised as old. */
export const ACTION_PREFIX = "r1";

const b36 = (n: number) => n.toString(36);

/** Compact fields: prefix, op code, then the numbers in base 36. */
export function actionFields(action: ButtonAction): string[] {
  const numbers: number[] = [action.sid];
  if ("q" in action) numbers.push(action.q);
  if ("option" in action) numbers.push(action.option);
  if ("version" in action) numbers.push(action.version);
  return [ACTION_PREFIX, CODES[action.op], ...numbers.map(b36)];
}

/** The action of verified fields, or null when they do not describe one (wrong version, shape or numbers). */
export function actionFromFields(fields: readonly string[]): ButtonAction | null {
  const [prefix, code, ...rest] = fields;
  if (prefix !== ACTION_PREFIX || code === undefined) return null;
  const op = OPS[code];
  if (!op || !rest.every((part) => /^[0-9a-z]{1,8}$/.test(part))) return null;
  const n = rest.map((part) => parseInt(part, 36));
  switch (op) {
    case "open":
      return n.length === 1 ? { op, sid: n[0]! } : null;
    case "choose":
    case "toggle":
      return n.length === 3 ? { op, sid: n[0]!, q: n[1]!, option: n[2]! } : null;
    case "submit":
      return n.length === 2 ? { op, sid: n[0]!, version: n[1]! } : null;
    default:
      return n.length === 2 ? { op, sid: n[0]!, q: n[1]! } : null;
  }
}

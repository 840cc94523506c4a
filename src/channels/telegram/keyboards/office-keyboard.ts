import { InlineKeyboard } from "grammy";
import { signPayload, verifyPayload } from "../../../domain/signed-payload.ts";

/** Payload prefix of the office's buttons (/status, /review, /compile, /export). */
export const OFFICE_PREFIX = "o1";

/** What an office button asks for: an operation code and its numbers (ids, pages, flags). */
export type OfficeButton = { op: string; args: number[] };

export function officeData(op: string, args: readonly number[], secret: string): string {
  return signPayload([OFFICE_PREFIX, op, ...args.map((n) => n.toString(36))], secret);
}

export function officeButton(label: string, op: string, args: readonly number[], secret: string) {
  return InlineKeyboard.text(label, officeData(op, args, secret));
}

/** The button's operation and numbers, or null when the data was not made by this bot (or is malformed). */
export function readOfficeButton(data: string, secret: string): OfficeButton | null {
  const fields = verifyPayload(data, secret);
  if (!fields || fields[0] !== OFFICE_PREFIX || fields.length < 2) return null;
  const [, op, ...rest] = fields;
  if (!/^[a-z]{1,4}$/.test(op!) || !rest.every((part) => /^[0-9a-z]{1,8}$/.test(part))) return null;
  return { op: op!, args: rest.map((part) => parseInt(part, 36)) };
}

/** The keyboard without empty rows (left by row() after the last button of a loop), or none when empty. */
export function tidyKeyboard(keyboard: InlineKeyboard | undefined): InlineKeyboard | undefined {
  if (!keyboard) return undefined;
  const rows = keyboard.inline_keyboard.filter((row) => row.length > 0);
  return rows.length > 0 ? InlineKeyboard.from(rows) : undefined;
}

import { InlineKeyboard } from "grammy";
import { signPayload, verifyPayload } from "../../../domain/signed-payload.ts";

/** Payload prefix of the rounds' buttons (/newround, /rounds, /remind). */
export const ROUNDS_PREFIX = "k1";

/** What a rounds button asks for: an operation code and its numbers (ids, indexes, years). */
export type RoundsButton = { op: string; args: number[] };

export function roundsButton(label: string, op: string, args: readonly number[], secret: string) {
  return InlineKeyboard.text(label, signPayload([ROUNDS_PREFIX, op, ...args.map((n) => n.toString(36))], secret));
}

/** The button's operation and numbers, or null when the data was not made by this bot (or is malformed). */
export function readRoundsButton(data: string, secret: string): RoundsButton | null {
  const fields = verifyPayload(data, secret);
  if (!fields || fields[0] !== ROUNDS_PREFIX || fields.length < 2) return null;
  const [, op, ...rest] = fields;
  if (!/^[a-z]{1,4}$/.test(op!) || !rest.every((part) => /^[0-9a-z]{1,8}$/.test(part))) return null;
  return { op: op!, args: rest.map((part) => parseInt(part, 36)) };
}

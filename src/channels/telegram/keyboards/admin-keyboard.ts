import { InlineKeyboard } from "grammy";
import { signPayload, verifyPayload } from "../../../domain/signed-payload.ts";

/** Payload prefix of the admin screens' buttons (/units, /invite). */
export const ADMIN_PREFIX = "a1";

export function adminButton(label: string, fields: readonly (string | number)[], secret: string) {
  return InlineKeyboard.text(label, signPayload([ADMIN_PREFIX, ...fields.map(String)], secret));
}

/** The fields after the prefix, or null when the data was not made by this bot. */
export function readAdminButton(data: string, secret: string): string[] | null {
  const fields = verifyPayload(data, secret);
  return fields && fields[0] === ADMIN_PREFIX ? fields.slice(1) : null;
}

import { createHash } from "node:crypto";
import { signPayload, verifyPayload } from "../domain/signed-payload.ts";
import { ACTIONS, type Action, type ActionOp } from "./action.ts";

/** A key that signs choices; its id travels in every payload so a rotated key is recognised. */
export type SigningKey = { id: string; secret: string };

/**
 * The key that signs now, and the one before it, still accepted until `until`. `legacy` is the key of the
 * layouts before this one (derived from the bot token): it tells an old button (stale) from a forged one.
 */
export type ActionKeyring = { current: SigningKey; previous?: SigningKey & { until: Date }; legacy?: string };

export type DecodedAction =
  | { kind: "ok"; action: Action }
  /** Made by this bot, but for a layout, key or operation it no longer uses: an old button. */
  | { kind: "stale" }
  /** Not made by this bot (edited by a modified client, or typed): nothing may change. */
  | { kind: "forged" };

/** Layout version of a payload; bump it when the table's fields change meaning. */
const LAYOUT = "a1";

/** Payload layouts of earlier versions of this bot: recognised as old buttons, never acted on. */
const OLD_LAYOUTS = /^(?:[rolka]\d)[^:]{0,4}:/;

const OP_BY_CODE = new Map<string, ActionOp>(Object.entries(ACTIONS).map(([op, spec]) => [spec.code, op as ActionOp]));

/** The key earlier versions of this bot signed their buttons with. */
export function legacyKeyOf(botToken: string): string {
  return createHash("sha256").update(`tong-hop/buttons/${botToken}`).digest("base64url");
}

/** Two characters naming a secret, without revealing it. */
export function keyIdOf(secret: string): string {
  return createHash("sha256").update(`tong-hop/key-id/${secret}`).digest("hex").slice(0, 2);
}

export function signingKey(secret: string): SigningKey {
  return { id: keyIdOf(secret), secret };
}

/** The signed payload of an action: layout and key id, op code, numbers in base 36, MAC. */
export function encodeAction(action: Action, keyring: ActionKeyring): string {
  const spec = ACTIONS[action.op];
  const values = spec.fields.map((field) => {
    const value = (action as unknown as Record<string, number | undefined>)[field];
    if (value === undefined || !Number.isSafeInteger(value) || value < 0) throw new Error(`action ${action.op}: field ${field} must be a whole number ≥ 0`);
    return value.toString(36);
  });
  return signPayload([`${LAYOUT}${keyring.current.id}`, spec.code, ...values], keyring.current.secret);
}

/** Whether a text has the shape of a payload of this bot (on Zalo a tapped choice arrives as text). */
export function looksLikeActionPayload(text: string): boolean {
  return text.length <= 120 && (text.startsWith(LAYOUT) || OLD_LAYOUTS.test(text)) && text.includes(":");
}

function keyFor(id: string, keyring: ActionKeyring, now: Date): SigningKey | "expired" | null {
  if (id === keyring.current.id) return keyring.current;
  const previous = keyring.previous;
  if (previous && id === previous.id) return now.getTime() <= previous.until.getTime() ? previous : "expired";
  return null;
}

export function decodeAction(data: string, keyring: ActionKeyring, now = new Date()): DecodedAction {
  const head = data.slice(0, data.indexOf(":"));
  if (!head.startsWith(LAYOUT)) {
    if (!OLD_LAYOUTS.test(data)) return { kind: "forged" };
    return keyring.legacy === undefined || verifyPayload(data, keyring.legacy) ? { kind: "stale" } : { kind: "forged" };
  }
  const key = keyFor(head.slice(LAYOUT.length), keyring, now);
  // A key this bot no longer holds cannot be checked; such a button is old, and acting on it is refused.
  if (key === null || key === "expired") return { kind: "stale" };
  const fields = verifyPayload(data, key.secret);
  if (!fields) return { kind: "forged" };
  const [, code, ...values] = fields;
  const op = code === undefined ? undefined : OP_BY_CODE.get(code);
  if (!op) return { kind: "stale" };
  const names = ACTIONS[op].fields as readonly string[];
  if (values.length !== names.length || !values.every((v) => /^[0-9a-z]{1,11}$/.test(v))) return { kind: "stale" };
  const action: Record<string, unknown> = { op };
  names.forEach((name, i) => (action[name] = parseInt(values[i]!, 36)));
  if (!names.every((name) => Number.isSafeInteger(action[name]))) return { kind: "stale" };
  return { kind: "ok", action: action as Action };
}

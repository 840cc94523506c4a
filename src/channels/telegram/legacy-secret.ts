import { legacyKeyOf } from "../../messaging/action-codec.ts";

/**
 * Key of the button data that features not yet moved to use cases still sign themselves (derived from the
 * bot token). Moved features use the shared action codec and its keyring instead.
 */
export function secretOf(ctx: { api: { token: string } }): string {
  return legacyKeyOf(ctx.api.token);
}

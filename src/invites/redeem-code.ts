import type { PrismaClient } from "../generated/prisma/client.ts";
import { attemptCode, claimInvite, hashOfTypedCode, type JoiningAccount, type RedeemResult } from "./invite-service.ts";
import { claimLinkCode, type LinkResult } from "./link-code.ts";

/** What a typed code did: an invite redeemed (or refused), or an account linked (or refused). */
export type CodeResult = { kind: "invite"; result: RedeemResult } | { kind: "link"; result: LinkResult };

/**
 * A code sent by someone, the way an invite is sent (Telegram's /start parameter, a code typed to either
 * messenger): an invite first, else a link code, in one attempt that counts against the sender's limit once.
 */
export async function redeemCode(prisma: PrismaClient, code: string, account: JoiningAccount, now = new Date()): Promise<CodeResult> {
  const outcome = await attemptCode(prisma, account, now, async (tx): Promise<{ ok: boolean; done: CodeResult }> => {
    const invite = await claimInvite(tx, code, account, now);
    const hash = hashOfTypedCode(code);
    if (invite.ok || invite.reason !== "unknown" || hash === null) return { ok: invite.ok, done: { kind: "invite", result: invite } };
    const link = await claimLinkCode(tx, hash, account, now);
    // A code that is neither is refused in the invite's words (the ones a stranger expects).
    if (!link.ok && link.reason === "unknown") return { ok: false, done: { kind: "invite", result: invite } };
    return { ok: link.ok, done: { kind: "link", result: link } };
  });
  // Refused before any code was looked at: too many failed guesses from this sender.
  return "done" in outcome ? outcome.done : { kind: "invite", result: outcome };
}

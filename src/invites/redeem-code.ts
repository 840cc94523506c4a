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
  const outcome = await attemptCode(prisma, account, now, async (tx): Promise<CodeResult & { ok: boolean }> => {
    const invite = await claimInvite(tx, code, account, now);
    const hash = hashOfTypedCode(code);
    if (invite.ok || invite.reason !== "unknown" || hash === null) return { kind: "invite", result: invite, ok: invite.ok };
    const link = await claimLinkCode(tx, hash, account, now);
    // A code that is neither is refused in the invite's words (the ones a stranger expects).
    if (!link.ok && link.reason === "unknown") return { kind: "invite", result: invite, ok: false };
    return { kind: "link", result: link, ok: link.ok };
  });
  if ("kind" in outcome) return outcome.kind === "invite" ? { kind: "invite", result: outcome.result } : { kind: "link", result: outcome.result };
  return { kind: "invite", result: outcome };
}

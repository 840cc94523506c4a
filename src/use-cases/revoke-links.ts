import { callerMay } from "./admin-access.ts";
import { TRANSACTION_OPTIONS } from "../submissions/db-client.ts";
import { revokeLinks } from "../web-links/web-links.ts";
import type { UseCaseContext } from "./context.ts";

export type LinksRevoked = { ok: true; count: number } | { ok: false; reason: "not-allowed" | "unknown-person" };

/**
 * Ends a person's web links (of one round, or all): a lost phone, a link forwarded by mistake. Audited with
 * the count, never a token; the person's next link (from the chat or `npm run people -- link`) is a new one.
 */
export async function revokePersonLinks(ctx: UseCaseContext, input: { personId: number; roundId?: number }): Promise<LinksRevoked> {
  if (!callerMay(ctx, "people.manage")) return { ok: false, reason: "not-allowed" };
  const now = ctx.now();
  return ctx.deps.prisma.$transaction(async (tx) => {
    if (!(await tx.person.findUnique({ where: { id: input.personId }, select: { id: true } }))) return { ok: false, reason: "unknown-person" } as const;
    const count = await revokeLinks(tx, { personId: input.personId, roundId: input.roundId, now });
    await tx.auditEvent.create({
      data: {
        actorId: ctx.caller.person?.id ?? null,
        action: "web-links.revoked",
        entityType: "Person",
        entityId: String(input.personId),
        data: { roundId: input.roundId ?? null, count, via: ctx.caller.channel === "cli" ? "cli" : "bot" },
        createdAt: now,
      },
    });
    return { ok: true, count } as const;
  }, TRANSACTION_OPTIONS);
}

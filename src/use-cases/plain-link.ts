import type { LinkKind } from "../domain/link-token.ts";
import { isOffice, reportingUnitIds } from "../domain/permissions.ts";
import { callerMay } from "./admin-access.ts";
import type { UseCaseContext } from "./context.ts";
import { webCaller } from "./identify.ts";
import { pageRound, pageUrl } from "./web-access.ts";

export type PlainLink =
  | { ok: true; url: string; kind: LinkKind; roundId: number; name: string }
  | { ok: false; reason: "not-allowed" | "no-public-url" | "unknown-person" | "no-role" | "no-round" | "not-in-round" };

/**
 * A person's own page as a plain address, for someone reached by e-mail or SMS: their form for a round
 * (by default the open round of their units due first, as /report picks), or the office's desk (by default
 * the round /status shows first). The same signed link the chat gives; the caller prints it, nothing logs it.
 */
export async function plainLink(ctx: UseCaseContext, input: { personId: number; roundId?: number; kind?: LinkKind }): Promise<PlainLink> {
  const { deps } = ctx;
  if (!callerMay(ctx, "people.manage")) return { ok: false, reason: "not-allowed" };
  // Checked first: no link is made that could not be opened.
  if (!deps.links.publicUrl) return { ok: false, reason: "no-public-url" };
  const person = await webCaller(deps, input.personId);
  if (!person.person) return { ok: false, reason: "unknown-person" };
  const units = reportingUnitIds(person.actor);
  const kind = input.kind ?? (units.length > 0 ? "form" : "desk");
  if (kind === "form" ? units.length === 0 : !isOffice(person.actor)) return { ok: false, reason: "no-role" };
  let roundId = input.roundId;
  if (roundId === undefined) {
    const opened = await pageRound(deps, person, kind);
    if (opened === null) return { ok: false, reason: "no-round" };
    roundId = opened;
  } else {
    const asked = await deps.prisma.submission.count({ where: { roundId, ...(kind === "form" ? { unitId: { in: units } } : {}) } });
    if (asked === 0) return { ok: false, reason: (await deps.prisma.round.count({ where: { id: roundId } })) === 0 ? "no-round" : "not-in-round" };
  }
  const url = await pageUrl(deps, { personId: input.personId, roundId, kind });
  return url ? { ok: true, url, kind, roundId, name: person.person.name } : { ok: false, reason: "no-public-url" };
}

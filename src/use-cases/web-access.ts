import { validate } from "@telegram-apps/init-data-node";
import type { LinkKind } from "../domain/link-token.ts";
import { isOffice, reportingUnitIds } from "../domain/permissions.ts";
import type { Locale } from "../i18n.ts";
import type { OutLink } from "../messaging/out-reply.ts";
import { defaultRound } from "../office/round-choice.ts";
import { checkLink, issueLink, type OpenedLink } from "../web-links/web-links.ts";
import { makeContext, type Caller, type UseCaseContext, type UseCaseDeps } from "./context.ts";
import { personOfTelegramUser, webCaller } from "./identify.ts";

export type WebEntry =
  | { ok: true; ctx: UseCaseContext; link: OpenedLink }
  | { ok: false; reason: "forged" | "expired" | "wrong-page" | "no-person"; locale: Locale };

/** A page opened with a personal link: whose link, which round, and the person as they stand now. */
export async function enterByLink(deps: UseCaseDeps, token: string, kind: LinkKind): Promise<WebEntry> {
  const now = deps.now?.() ?? new Date();
  const checked = await checkLink(deps.prisma, deps.keyring, token, now);
  if (!checked.ok) return { ok: false, reason: checked.reason, locale: deps.defaultLocale };
  const caller = await webCaller(deps, checked.link.personId);
  if (!caller.person) return { ok: false, reason: "no-person", locale: deps.defaultLocale };
  // A desk link is the office's: it opens no form, and a form link opens no desk.
  if (checked.link.kind !== kind) return { ok: false, reason: "wrong-page", locale: caller.locale };
  return { ok: true, ctx: makeContext(deps, caller), link: checked.link };
}

/** The path of a person's form or desk for a round: "/form/<token>", "/desk/<token>". */
async function pagePath(deps: UseCaseDeps, input: { personId: number; roundId: number; kind: LinkKind }): Promise<string> {
  const token = await issueLink(deps.prisma, deps.keyring, { ...input, now: deps.now?.() });
  return `/${input.kind}/${token}`;
}

/** The address of a person's form or desk for a round, or null when no PUBLIC_URL is configured. */
export async function pageUrl(deps: UseCaseDeps, input: { personId: number; roundId: number; kind: LinkKind }): Promise<string | null> {
  const base = deps.links.publicUrl;
  return base ? `${base.replace(/\/+$/, "")}${await pagePath(deps, input)}` : null;
}

/** How old a Mini App's start data may be: Telegram signs it when the app opens. */
export const INIT_DATA_MAX_AGE_S = 24 * 3600;

function telegramUserId(json: string | null): number | undefined {
  try {
    const id = (JSON.parse(json ?? "null") as { id?: unknown } | null)?.id;
    return typeof id === "number" && Number.isSafeInteger(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

export type MiniAppEntry =
  | { ok: true; path: string }
  | { ok: false; reason: "forged" | "expired" | "stranger" | "nothing-open"; locale: Locale };

/**
 * A Telegram Mini App opened from the bot: its start data checked (HMAC with the key derived from the bot
 * token, and its age), the Telegram user mapped to the person, who is sent on to their form or desk by a
 * personal link of the round due first.
 */
export async function enterMiniApp(deps: UseCaseDeps, botToken: string, initData: string, wanted: LinkKind): Promise<MiniAppEntry> {
  const fallback = deps.defaultLocale;
  try {
    // Signature only here: the age is judged against this process's clock below.
    validate(initData, botToken, { expiresIn: 0 });
  } catch {
    return { ok: false, reason: "forged", locale: fallback };
  }
  // Read after the check: the fields are Telegram's own.
  const fields = new URLSearchParams(initData);
  const authDate = new Date(Number(fields.get("auth_date")) * 1000);
  const now = deps.now?.() ?? new Date();
  const age = (now.getTime() - authDate.getTime()) / 1000;
  if (!(age <= INIT_DATA_MAX_AGE_S && age >= -300)) return { ok: false, reason: "expired", locale: fallback };
  const userId = telegramUserId(fields.get("user"));
  const personId = userId === undefined ? null : await personOfTelegramUser(deps, String(userId));
  if (personId === null) return { ok: false, reason: "stranger", locale: fallback };
  const caller = await webCaller(deps, personId);
  const kind: LinkKind = wanted === "desk" && isOffice(caller.actor) ? "desk" : reportingUnitIds(caller.actor).length > 0 ? "form" : isOffice(caller.actor) ? "desk" : "form";
  const roundId = await pageRound(deps, caller, kind);
  if (roundId === null) return { ok: false, reason: "nothing-open", locale: caller.locale };
  return { ok: true, path: await pagePath(deps, { personId, roundId, kind }) };
}

/**
 * The "open the web page" button for the caller: on Telegram the Mini App (its start data proves who opens
 * it), elsewhere the person's own signed link (Zalo shows it as an oa.open.url button). None without PUBLIC_URL.
 */
export async function pageLink(ctx: UseCaseContext, roundId: number, kind: LinkKind): Promise<OutLink | null> {
  const { deps, caller } = ctx;
  const base = deps.links.publicUrl;
  if (!base || !caller.person) return null;
  const label = ctx.t(kind === "desk" ? "web-open-desk" : "web-open-form");
  // Telegram opens Mini Apps over HTTPS only.
  if (caller.channel === "telegram" && base.startsWith("https:")) return { label, url: `${base}/tg?to=${kind}`, webApp: true };
  const url = await pageUrl(deps, { personId: caller.person.id, roundId, kind });
  return url ? { label, url } : null;
}

/** The round a reporter's page link is for: the open round of their units due first. */
/** The round a person's page opens on: a reporter's form on their own units' round (as the chat's button picks it), the desk on the office's first. */
export async function pageRound(deps: UseCaseDeps, caller: Caller, kind: LinkKind): Promise<number | null> {
  return kind === "form" ? reporterRound(makeContext(deps, caller)) : ((await defaultRound(deps.prisma))?.id ?? null);
}

export async function reporterRound(ctx: UseCaseContext): Promise<number | null> {
  const units = reportingUnitIds(ctx.caller.actor);
  if (units.length === 0) return null;
  const rows = await ctx.deps.prisma.$queryRaw<{ roundId: number }[]>`
    SELECT s."roundId" FROM "Submission" s JOIN "Round" r ON r."id" = s."roundId"
    WHERE r."status" = 'OPEN' AND s."unitId" = ANY(${units}::int[])
    ORDER BY r."deadline", r."id" LIMIT 1`;
  return rows[0]?.roundId ?? null;
}

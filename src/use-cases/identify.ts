import { sessionData } from "../conversation/session-store.ts";
import { rawSqlOf } from "../db/raw-sql.ts";
import type { Role } from "../domain/permissions.ts";
import { recipientLocale } from "../domain/recipient-locale.ts";
import type { Locale } from "../i18n.ts";
import type { ChannelName } from "../messaging/channel-sender.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { CURRENT_ORGANISATION_SQL, currentOrganisation, organisationFromRow } from "../organisation/current-organisation.ts";
import { CHANNEL_ENUM } from "../queue/notifier.ts";
import type { Caller, SenderProfile, UseCaseDeps } from "./context.ts";

/** What a channel knows about whoever sent an event. */
export type Sender = {
  channel: ChannelName;
  /** Telegram user id, Zalo user id. */
  externalId: string;
  /** Where replies go (a private chat's id). */
  address: string;
  /** The messenger's language, when it tells it. */
  languageHint?: Locale | null;
  profile?: SenderProfile;
};

/** What each channel can show: the longest message and the choices under one. */
export const CHANNEL_LIMITS: Record<Caller["channel"], Pick<Caller, "textLimit" | "maxChoices" | "files">> = {
  telegram: { textLimit: 4096, maxChoices: 100, files: { maxBytes: 50 * 1024 * 1024, extensions: null } },
  // Zalo's OA upload takes pdf, doc and docx files of at most 5 MB.
  zalo: { textLimit: 2000, maxChoices: 5, files: { maxBytes: 5 * 1024 * 1024, extensions: ["pdf", "doc", "docx"] } },
  web: { textLimit: 100_000, maxChoices: 1000, files: { maxBytes: Number.MAX_SAFE_INTEGER, extensions: null } },
  cli: { textLimit: 100_000, maxChoices: 1000, files: { maxBytes: Number.MAX_SAFE_INTEGER, extensions: null } },
};

export function sessionKeyOf(channel: ChannelName, address: string): string {
  return `${channel}:${address}`;
}

type Row = {
  id: number;
  name: string;
  locale: string | null;
  role: Role | null;
  unitId: number | null;
  orgId: number | null;
  orgShortName: string | null;
  orgTimezone: string | null;
  orgLocale: string | null;
  orgRecipients: unknown;
  session: unknown;
};

/**
 * The person behind an event, their live grants and their language, in one statement that also records
 * that they wrote now (Zalo's messaging window opens again; a channel that had refused them is reachable).
 * The current organisation and the chat's session come with it, so the flow that follows need not read them again.
 */
export async function identify(deps: UseCaseDeps, sender: Sender): Promise<Caller> {
  const now = deps.now?.() ?? new Date();
  const sessionKey = sessionKeyOf(sender.channel, sender.address);
  const rows = await rawSqlOf(deps.prisma).rows<Row>(Prisma.sql`
    WITH seen AS (
      UPDATE "ChannelAccount" SET "lastInboundAt" = ${now}, "unreachableAt" = NULL, "unreachableError" = NULL
      WHERE "channel" = ${CHANNEL_ENUM[sender.channel]}::"Channel" AND "externalId" = ${sender.externalId}
      RETURNING "personId")
    SELECT p."id", p."name", p."locale", m."role"::text AS "role", m."unitId",
      o."id" AS "orgId", o."shortName" AS "orgShortName", o."timezone" AS "orgTimezone", o."locale" AS "orgLocale", o."recipients" AS "orgRecipients",
      (SELECT cs."data" FROM "ChatSession" cs WHERE cs."key" = ${sessionKey}) AS "session"
    FROM seen JOIN "Person" p ON p."id" = seen."personId"
    LEFT JOIN "Membership" m ON m."personId" = p."id" AND m."revokedAt" IS NULL
    LEFT JOIN ${Prisma.raw(CURRENT_ORGANISATION_SQL)} o ON true
    ORDER BY m."id"`);
  const first = rows[0];
  const organisation = first
    ? organisationFromRow({ id: first.orgId, shortName: first.orgShortName, timezone: first.orgTimezone, locale: first.orgLocale, recipients: first.orgRecipients })
    : undefined;
  const person = first ? { id: first.id, name: first.name, locale: first.locale } : null;
  const actor = first ? { personId: first.id, grants: rows.filter((r) => r.role !== null).map((r) => ({ role: r.role!, unitId: r.unitId })) } : null;
  // The organisation's language matters only for someone who chose none and whose messenger says none.
  const organisationLocale = person?.locale || sender.languageHint ? null : (organisation !== undefined ? organisation : await currentOrganisation(deps.prisma))?.locale;
  return {
    channel: sender.channel,
    address: sender.address,
    sessionKey,
    person,
    actor,
    locale: recipientLocale({ person: person?.locale, client: sender.languageHint, organisation: organisationLocale, fallback: deps.defaultLocale }),
    ...CHANNEL_LIMITS[sender.channel],
    profile: sender.profile,
    organisation,
    // A stranger's chat is routed with a read of its own (no row came back to carry it).
    session: first ? sessionData(first.session) : undefined,
  };
}

/** The language a sender is addressed in, read without recording anything (for a notice sent before any work). */
export async function senderLocale(deps: UseCaseDeps, sender: Pick<Sender, "channel" | "externalId" | "languageHint">): Promise<Locale> {
  const account = await deps.prisma.channelAccount
    .findUnique({ where: { channel_externalId: { channel: CHANNEL_ENUM[sender.channel], externalId: sender.externalId } }, select: { person: { select: { locale: true } } } })
    .catch(() => null);
  // The organisation only matters to a sender with no language of their own or of their messenger (Zalo sends none).
  const organisationLocale = account?.person.locale || sender.languageHint ? null : (await currentOrganisation(deps.prisma).catch(() => null))?.locale;
  return recipientLocale({ person: account?.person.locale, client: sender.languageHint, organisation: organisationLocale, fallback: deps.defaultLocale });
}

/**
 * The caller behind a web page: a person already known (from a signed link or a Mini App's checked start
 * data), with their live grants and language. Nothing is recorded: a page is not a message in a chat.
 */
export async function webCaller(deps: UseCaseDeps, personId: number): Promise<Caller> {
  const rows = await deps.prisma.$queryRaw<Row[]>`
    SELECT p."id", p."name", p."locale", m."role"::text AS "role", m."unitId"
    FROM "Person" p LEFT JOIN "Membership" m ON m."personId" = p."id" AND m."revokedAt" IS NULL
    WHERE p."id" = ${personId}
    ORDER BY m."id"`;
  const first = rows[0];
  const person = first ? { id: first.id, name: first.name, locale: first.locale } : null;
  const actor = first ? { personId: first.id, grants: rows.filter((r) => r.role !== null).map((r) => ({ role: r.role!, unitId: r.unitId })) } : null;
  const organisationLocale = person?.locale ? null : (await currentOrganisation(deps.prisma))?.locale;
  return {
    channel: "web",
    address: `person:${personId}`,
    sessionKey: null,
    person,
    actor,
    locale: recipientLocale({ person: person?.locale, organisation: organisationLocale, fallback: deps.defaultLocale }),
    ...CHANNEL_LIMITS.web,
  };
}

/** The person a Telegram account belongs to, for a Mini App opened from the bot. */
export async function personOfTelegramUser(deps: UseCaseDeps, telegramUserId: string): Promise<number | null> {
  const account = await deps.prisma.channelAccount.findUnique({
    where: { channel_externalId: { channel: CHANNEL_ENUM.telegram, externalId: telegramUserId } },
    select: { personId: true },
  });
  return account?.personId ?? null;
}

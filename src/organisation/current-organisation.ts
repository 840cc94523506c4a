import type { Db } from "../submissions/db-client.ts";

/** What flows need to know about the organisation a deployment serves. */
export type OrganisationFacts = {
  id: number;
  /** "Sở Khoa học và Công nghệ": running text. */
  shortName: string;
  timezone: string;
  locale: string;
  recipients: string[];
};

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.trim() !== "") : [];
}

/** The one accessor of the current organisation: a deployment serves one, the first imported. */
export async function currentOrganisation(db: Db): Promise<OrganisationFacts | null> {
  const org = await db.organisation.findFirst({ orderBy: { id: "asc" }, select: { id: true, shortName: true, timezone: true, locale: true, recipients: true } });
  return org ? { ...org, recipients: strings(org.recipients) } : null;
}

/**
 * The same organisation as a raw-SQL subquery, for a statement that reads it along with other rows
 * (the sender's identity), sparing a round trip per event; its row goes through organisationFromRow.
 */
export const CURRENT_ORGANISATION_SQL = `(SELECT "id", "shortName", "timezone", "locale", "recipients" FROM "Organisation" ORDER BY "id" LIMIT 1)`;

export function organisationFromRow(row: { id: number | null; shortName: string | null; timezone: string | null; locale: string | null; recipients: unknown }): OrganisationFacts | null {
  if (row.id === null) return null;
  return { id: row.id, shortName: row.shortName ?? "", timezone: row.timezone ?? "", locale: row.locale ?? "", recipients: strings(row.recipients) };
}

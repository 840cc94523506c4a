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

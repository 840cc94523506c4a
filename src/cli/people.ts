import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/create-prisma.ts";
import { migrate } from "../db/migrate.ts";
import type { Role } from "../domain/permissions.ts";
import { unitByCode } from "../invites/invite-service.ts";
import { vietnamesePhone } from "../domain/phone-number.ts";
import { listPeople, type RoleHolder } from "../organisation/people-service.ts";
import { failAndExit } from "../process/fail-and-exit.ts";
import { removeRole } from "../use-cases/people.ts";
import { plainLink } from "../use-cases/plain-link.ts";
import { revokePersonLinks } from "../use-cases/revoke-links.ts";
import { cliContext } from "./cli-context.ts";

const USAGE = `usage:
  npm run people -- list
  npm run people -- revoke --person <id> --role admin|secretary|reporter [--unit <unit code>]
  npm run people -- link --person <id> [--round <id>] [--desk]
  npm run people -- revoke-links --person <id> [--round <id>]
  npm run people -- phone --person <id> --phone <mobile number>|none
Lists who holds which role (person ids first), removes one role from one person (--unit for a reporter;
the person is told, and their web links that opened pages of that role stop working), prints a person's
own web form link (or with --desk the office's desk link) to send by e-mail or SMS (needs PUBLIC_URL;
by default for the round the chat's /report or /status would pick), ends a person's
personal web links (all, or one round's) after a lost phone or a link sent to the wrong person,
or sets the mobile number paid Zalo template messages (ZNS) go to, when ZALO_ZNS_TEMPLATE_ID is set.`;

class UsageError extends Error {}

const ROLES: Record<string, Role> = { admin: "ADMIN", secretary: "SECRETARY", reporter: "REPORTER" };

function holderLines(holders: readonly RoleHolder[], indent: string, none: string): string[] {
  return holders.length === 0 ? [`${indent}(${none})`] : holders.map((h) => `${indent}person ${h.personId}  ${h.name}`);
}

try {
  const { values, positionals } = parseArgs({
    options: {
      person: { type: "string" },
      role: { type: "string" },
      unit: { type: "string" },
      round: { type: "string" },
      desk: { type: "boolean" },
      phone: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  // Arguments are checked before any connection, so a typo fails fast.
  const [command, ...rest] = positionals;
  if ((command !== "list" && command !== "revoke" && command !== "revoke-links" && command !== "link" && command !== "phone") || rest.length > 0) throw new UsageError(USAGE);
  const role = command === "revoke" ? ROLES[(values.role ?? "").toLowerCase()] : undefined;
  const personId = Number(values.person);
  const phone = values.phone === "none" ? null : vietnamesePhone(values.phone ?? "");
  if (command === "phone") {
    if (!Number.isSafeInteger(personId) || personId < 1) throw new UsageError(`--person must be a person's id (see: npm run people -- list)\n${USAGE}`);
    if (phone === null && values.phone !== "none") throw new UsageError("--phone must be a Vietnamese mobile number (0912345678 or +84912345678), or none to remove it");
  } else if (values.phone !== undefined) {
    throw new UsageError(`--phone goes with the phone command only\n${USAGE}`);
  }
  if (command === "revoke") {
    if (!Number.isSafeInteger(personId) || personId < 1) throw new UsageError(`--person must be a person's id (see: npm run people -- list)\n${USAGE}`);
    if (!role) throw new UsageError(`--role must be admin, secretary or reporter\n${USAGE}`);
    if (role === "REPORTER" && !values.unit) throw new UsageError(`--role reporter needs --unit <unit code>\n${USAGE}`);
    if (role !== "REPORTER" && values.unit) throw new UsageError("--unit applies to the reporter role only");
  } else if (command === "list" && (values.person !== undefined || values.role !== undefined || values.unit !== undefined)) {
    throw new UsageError(`list takes no options\n${USAGE}`);
  }
  const roundId = values.round === undefined ? undefined : Number(values.round);
  if (command === "revoke-links" || command === "link") {
    if (!Number.isSafeInteger(personId) || personId < 1) throw new UsageError(`--person must be a person's id (see: npm run people -- list)\n${USAGE}`);
    if (roundId !== undefined && !(Number.isSafeInteger(roundId) && roundId > 0)) throw new UsageError(`--round must be a round's id\n${USAGE}`);
    if (values.role !== undefined || values.unit !== undefined) throw new UsageError(`${command} takes --person and --round only\n${USAGE}`);
  } else if (values.round !== undefined) {
    throw new UsageError(`--round goes with link and revoke-links only\n${USAGE}`);
  }
  if (values.desk && command !== "link") throw new UsageError(`--desk goes with link only\n${USAGE}`);

  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await migrate(db.sql);
    if (command === "phone") {
      const updated = await db.prisma.person.updateMany({ where: { id: personId }, data: { phone } });
      if (updated.count === 0) throw new UsageError(`no person has the id ${personId} (see: npm run people -- list)`);
      await db.prisma.auditEvent.create({ data: { actorId: null, action: "person.phone-set", entityType: "Person", entityId: String(personId), data: { via: "cli", set: phone !== null } } });
      console.log(phone ? `person ${personId}: paid template messages go to +${phone}` : `person ${personId}: no phone number`);
    } else if (command === "list") {
      const people = await listPeople(db.prisma);
      const lines = ["Administrators:", ...holderLines(people.admins, "  ", "nobody"), "The office (secretaries):", ...holderLines(people.secretaries, "  ", "nobody"), "Units:"];
      for (const unit of people.units) {
        lines.push(`  ${unit.code}  ${unit.name}${unit.active ? "" : " (inactive)"}`, ...holderLines(unit.reporters, "    ", "no reporter"));
      }
      console.log(lines.join("\n"));
    } else if (command === "link") {
      // Refused before any key is read or link row made.
      if (!config.PUBLIC_URL) throw new UsageError("PUBLIC_URL is not set: links are built from the address people open (e.g. PUBLIC_URL=https://baocao.example.gov.vn)");
      const cli = await cliContext(config, db);
      try {
        const result = await plainLink(cli.ctx, { personId, roundId, kind: values.desk ? "desk" : undefined });
        if (!result.ok) {
          const why = {
            "not-allowed": "not allowed",
            "no-public-url": "PUBLIC_URL is not set",
            "unknown-person": `no person has the id ${personId} (see: npm run people -- list)`,
            "no-role": values.desk ? `person ${personId} is not in the office: the desk is for secretaries and administrators` : `person ${personId} reports for no unit (and is not in the office)`,
            "no-round": roundId === undefined ? "no round is open for this person's units" : `no round has the id ${roundId}`,
            "not-in-round": `round ${roundId} asks none of this person's units`,
          }[result.reason];
          console.error(why);
          process.exitCode = 1;
        } else {
          // The address is the answer, on stdout only: it is a key to the person's page, never logged.
          console.error(`${result.kind === "desk" ? "the office's desk" : "the report form"} of ${result.name} (person ${personId}), round ${result.roundId}; works until 7 days after the round closes:`);
          console.log(result.url);
        }
      } finally {
        await cli.close();
      }
    } else if (command === "revoke-links") {
      const cli = await cliContext(config, db);
      try {
        const result = await revokePersonLinks(cli.ctx, { personId, roundId });
        if (!result.ok) throw new UsageError(`no person has the id ${personId} (see: npm run people -- list)`);
        const which = roundId === undefined ? "" : ` of round ${roundId}`;
        console.log(result.count === 0 ? `person ${personId} had no working web link${which}; nothing changed` : `person ${personId}: ${result.count} web link(s)${which} no longer open; their next link will be a new one`);
      } finally {
        await cli.close();
      }
    } else if (role) {
      const person = await db.prisma.person.findUnique({ where: { id: personId }, select: { name: true } });
      if (!person) throw new UsageError(`no person has the id ${personId} (see: npm run people -- list)`);
      const unit = role === "REPORTER" ? await unitByCode(db.prisma, values.unit!) : null;
      if (role === "REPORTER" && !unit) throw new UsageError(`no unit has the code "${values.unit}"`);
      const what = unit ? `reporter of ${unit.name} (${unit.code})` : role.toLowerCase();
      const membership = await db.prisma.membership.findFirst({ where: { personId, role, unitId: unit?.id ?? null, revokedAt: null }, select: { id: true } });
      if (!membership) {
        console.error(`${person.name} (person ${personId}) is not ${what}; nothing changed`);
        process.exitCode = 1;
      } else {
        // The same use case as the chat's confirmation: audited, reminders re-planned, links ended, the person told.
        const cli = await cliContext(config, db, { reminders: true });
        try {
          const result = await removeRole(cli.ctx, membership.id);
          if (result.ok) {
            const links = result.linksRevoked > 0 ? `; ${result.linksRevoked} web link(s) no longer open` : "";
            console.log(`removed: ${person.name} (person ${personId}) is no longer ${what}${links}`);
          } else if (result.reason === "last-admin") {
            console.error(`${person.name} is the only administrator left: invite another first (npm run invite -- --role admin), then remove this role`);
            process.exitCode = 1;
          } else {
            console.error(`${person.name} (person ${personId}) is not ${what}; nothing changed`);
            process.exitCode = 1;
          }
        } finally {
          await cli.close();
        }
      }
    }
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  failAndExit(error);
}

import { parseArgs } from "node:util";
import { Api } from "grammy";
import { loadConfig, requireBotToken } from "../config.ts";
import { openDatabase } from "../db/create-prisma.ts";
import { migrate } from "../db/migrate.ts";
import type { Role } from "../domain/permissions.ts";
import { formatDateTime } from "../conversation/format-time.ts";
import { inviteLink, isWellFormedInviteCode, zaloFollowLink } from "../invites/invite-code.ts";
import { createInvite, DEFAULT_INVITE_DAYS, InviteError, revokeInvite, unitByCode } from "../invites/invite-service.ts";
import { currentOrganisation } from "../organisation/current-organisation.ts";
import { failAndExit } from "../process/fail-and-exit.ts";

const USAGE = `usage:
  npm run invite -- --role admin|secretary [--days N] [--channel telegram|zalo]
  npm run invite -- --role reporter --unit <unit code> [--days N] [--channel telegram|zalo]
  npm run invite -- --revoke <code>
Prints a one-time invite (valid ${DEFAULT_INVITE_DAYS} days unless --days is given): a Telegram link
(needs BOT_TOKEN; the default when it is set), or with --channel zalo a code the person sends to the
Zalo Official Account after following it (needs ZALO_OA_ID).`;

class UsageError extends Error {}

const ROLES: Record<string, Role> = { admin: "ADMIN", secretary: "SECRETARY", reporter: "REPORTER" };
const CHANNELS = ["telegram", "zalo"] as const;

try {
  const { values } = parseArgs({
    options: {
      role: { type: "string" },
      unit: { type: "string" },
      days: { type: "string" },
      channel: { type: "string" },
      revoke: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  // Arguments are checked before any connection, so a typo fails fast.
  const role = values.revoke === undefined ? ROLES[(values.role ?? "").toLowerCase()] : undefined;
  const days = values.days === undefined ? DEFAULT_INVITE_DAYS : Number(values.days);
  if (values.revoke === undefined) {
    if (!role) throw new UsageError(`--role must be admin, secretary or reporter\n${USAGE}`);
    if (!Number.isInteger(days) || days < 1 || days > 365) throw new UsageError("--days must be a whole number from 1 to 365");
    if (role === "REPORTER" && !values.unit) throw new UsageError(`--role reporter needs --unit <unit code>\n${USAGE}`);
    if (role !== "REPORTER" && values.unit) throw new UsageError("--unit applies to reporter invites only");
    if (values.channel !== undefined && !(CHANNELS as readonly string[]).includes(values.channel)) throw new UsageError(`--channel must be telegram or zalo\n${USAGE}`);
  }
  const config = loadConfig();
  // A Telegram link when the bot's token is there, else a Zalo code when the OA is known.
  const channel = values.channel ?? (config.BOT_TOKEN ? "telegram" : config.ZALO_OA_ID ? "zalo" : undefined);
  if (role && channel === undefined) throw new UsageError("set BOT_TOKEN to make a Telegram link, or ZALO_OA_ID to make a Zalo code (or pass --channel)");
  if (role && channel === "zalo" && !config.ZALO_OA_ID) throw new UsageError("--channel zalo needs ZALO_OA_ID: the numeric id of the Zalo Official Account people follow and send the code to");
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    await migrate(db.sql);
    if (values.revoke !== undefined) {
      const result = await revokeInvite(db.prisma, values.revoke);
      const text = {
        revoked: isWellFormedInviteCode(values.revoke.trim()) ? "invite revoked: the link no longer works" : "invite revoked: the code no longer works",
        unknown: "no invite has this code",
        "already-used": "this invite was already used; it cannot be revoked (remove the person's role instead)",
        "already-revoked": "this invite was already revoked",
      }[result];
      console.log(text);
      process.exitCode = result === "revoked" || result === "already-revoked" ? 0 : 1;
    } else if (role) {
      let unit: Awaited<ReturnType<typeof unitByCode>> = null;
      if (role === "REPORTER") {
        unit = await unitByCode(db.prisma, values.unit!);
        if (!unit) throw new UsageError(`no unit has the code "${values.unit}" (import the organisation first: npm run import -- org.yaml)`);
      }
      // Expiry on the organisation's clock, as people will read it.
      const timeZone = (await currentOrganisation(db.prisma))?.timezone ?? config.TZ_REPORTS;
      const who = unit ? `reporter of ${unit.name} (${unit.code})` : role.toLowerCase();
      if (channel === "zalo") {
        const invite = await createInvite(db.prisma, { role, unitId: unit?.id ?? null, days, kind: "short" });
        console.log(`One-time Zalo invite code for the ${who}, valid until ${formatDateTime(invite.expiresAt, timeZone, "en")} (${timeZone}).`);
        console.log(`The person follows the Official Account at ${zaloFollowLink(config.ZALO_OA_ID!)}, then sends it the code:`);
        console.log(`code: ${invite.code}`);
        console.log(`(revoke with: npm run invite -- --revoke ${invite.code})`);
      } else {
        // The bot's username first: without it the link cannot be made, so no invite is stored in vain.
        const api = new Api(requireBotToken(config), { apiRoot: config.BOT_API_ROOT });
        const me = await api.getMe().catch((error: Error) => {
          throw new UsageError(`cannot reach the Bot API at ${config.BOT_API_ROOT} (${error.message}); check BOT_TOKEN and BOT_API_ROOT`);
        });
        const invite = await createInvite(db.prisma, { role, unitId: unit?.id ?? null, days });
        console.log(`One-time invite for the ${who}, valid until ${formatDateTime(invite.expiresAt, timeZone, "en")} (${timeZone}):`);
        console.log(inviteLink(me.username, invite.code));
        console.log(`code: ${invite.code}`);
        console.log(`(revoke with: npm run invite -- --revoke ${invite.code})`);
      }
    }
  } finally {
    await db.close();
  }
} catch (error) {
  if (error instanceof UsageError || error instanceof InviteError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  failAndExit(error);
}

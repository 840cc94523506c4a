import { createHash } from "node:crypto";
import { z } from "zod";
import { ZaloTokenError, type ZaloAccessTokens } from "./zalo-api.ts";
import type { ZaloTokenRecord, ZaloTokenStore } from "./zalo-token-store.ts";

type LogFn = (obj: Record<string, unknown>, msg: string) => void;
/** The part of pino the token manager uses. */
export type TokenLogger = { info: LogFn; warn: LogFn; error: LogFn };

export type ZaloTokenHealth = { status: "ok" } | { status: "degraded"; reason: string };

export type ZaloAccessTokenOptions = {
  appId: string;
  oaId: string;
  appSecret: string;
  /** ZALO_OAUTH_ROOT, e.g. https://oauth.zaloapp.com */
  oauthRoot: string;
  /** ZALO_REFRESH_TOKEN: the first link of the chain, used only while nothing usable is stored. */
  seedRefreshToken: string;
  store: ZaloTokenStore;
  logger?: TokenLogger;
  /** Refresh this long before the access token expires (at most half its lifetime). */
  refreshMarginMs?: number;
  timeoutMs?: number;
  now?: () => number;
};

/** What the administrator must do when the chain is broken, in one line for the log and /healthz. */
export const REAUTHORISE_INSTRUCTIONS =
  "authorise the app for the Official Account again (Zalo for Developers → the app → Official Account → access token), " +
  "put the new refresh token in ZALO_REFRESH_TOKEN and restart; a broken chain is replaced by a ZALO_REFRESH_TOKEN " +
  "other than the one it started from";

const hashOf = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

const SUCCESS = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.union([z.number(), z.string()]).optional(),
});
const REFUSAL = z.object({ error: z.union([z.number(), z.string()]), error_name: z.string().optional(), message: z.string().optional() });
/** OAuth's "too many requests": the refresh token was not spent, try later. */
const RATE_LIMITED = -32;
/** Used when `expires_in` cannot be read: a new pair must be stored anyway, the old refresh token is spent. */
const FALLBACK_LIFETIME_S = 3600;

type Outcome = { token: string } | { broken: string } | { transient: string };

/**
 * Access tokens for the OA API from Zalo's OAuth v4, shared by every process through the token store.
 *
 * A refresh token works once. Each refresh runs under the store's lock: it first looks at what is stored
 * (another process may have refreshed while this one waited, and then its pair is used), spends the stored
 * refresh token (or ZALO_REFRESH_TOKEN when nothing is stored), and stores the rotated pair in the same
 * transaction. Within one process concurrent callers share one refresh. Tokens are refreshed before they
 * expire and once more when Zalo calls one invalid. When Zalo refuses the refresh token the chain is
 * marked broken: one log line tells the administrator what to do, health() reports degraded, and each
 * process tries the stored token once more at most (the refusal may have been a wrong app secret, fixed
 * since). A ZALO_REFRESH_TOKEN other than the one the chain started from (a new authorisation) replaces
 * the broken chain; a process still running picks the repaired chain up from the store.
 */
export class ZaloAccessTokenManager implements ZaloAccessTokens {
  private readonly options: ZaloAccessTokenOptions;
  private readonly now: () => number;
  private cached: ZaloTokenRecord | null = null;
  private inflight: Promise<string> | undefined;
  private state: ZaloTokenHealth = { status: "ok" };
  /** A broken chain is tried once per process (the refusal may have been a wrong app secret since fixed). */
  private triedBrokenChain = false;

  constructor(options: ZaloAccessTokenOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  health(): ZaloTokenHealth {
    return this.state;
  }

  async accessToken(): Promise<string> {
    if (this.cached && this.usable(this.cached)) return this.cached.accessToken;
    const stored = await this.options.store.read(this.options.oaId);
    if (stored) this.cached = stored;
    if (stored && this.usable(stored)) {
      this.state = { status: "ok" };
      return stored.accessToken;
    }
    if (stored?.brokenAt && !this.mayRepair(stored)) throw this.brokenError(stored.brokenReason);
    return this.shared();
  }

  async replaceRefused(token: string): Promise<string> {
    return this.shared(token);
  }

  /** Refreshes in the background when due, so an idle bot's refresh token does not age out. Returns a stop function. */
  keepFresh(everyMs = 3600_000): () => void {
    const timer = setInterval(() => {
      this.accessToken().catch(() => {
        // health() tells; the failure was logged where it happened.
      });
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  private usable(record: ZaloTokenRecord): boolean {
    if (record.brokenAt) return false;
    const expires = record.accessExpiresAt.getTime();
    const lifetime = expires - record.refreshedAt.getTime();
    const margin = Math.min(this.options.refreshMarginMs ?? 30 * 60_000, lifetime / 2);
    return this.now() < expires - margin;
  }

  /** A ZALO_REFRESH_TOKEN the stored chain did not start from: the administrator authorised the app again. */
  private newSeed(stored: ZaloTokenRecord): boolean {
    return hashOf(this.options.seedRefreshToken) !== stored.seedHash;
  }

  /** A broken chain can be replaced by a new ZALO_REFRESH_TOKEN, or tried once per process. */
  private mayRepair(stored: ZaloTokenRecord): boolean {
    return this.newSeed(stored) || !this.triedBrokenChain;
  }

  private brokenError(reason: string | null): ZaloTokenError {
    this.state = { status: "degraded", reason: `Zalo token chain broken (${reason ?? "refresh token refused"}): ${REAUTHORISE_INSTRUCTIONS}` };
    return new ZaloTokenError(`the Zalo token chain is broken: ${REAUTHORISE_INSTRUCTIONS}`, false);
  }

  /** One refresh at a time in this process; a caller whose token was refused waits for a token other than it. */
  private shared(refused?: string): Promise<string> {
    if (!this.inflight) {
      this.inflight = this.refreshUnderLock(refused).finally(() => {
        this.inflight = undefined;
      });
      return this.inflight;
    }
    return this.inflight.then((token) => (refused !== undefined && token === refused ? this.shared(refused) : token));
  }

  private async refreshUnderLock(refused: string | undefined): Promise<string> {
    const { oaId, seedRefreshToken } = this.options;
    let chainBrokenNow = false;
    const outcome = await this.options.store.exclusive<Outcome>(oaId, async (stored) => {
      if (stored && this.usable(stored) && stored.accessToken !== refused) return { result: { token: stored.accessToken } };
      let spend: string;
      let seedHash = stored?.seedHash ?? hashOf(seedRefreshToken);
      if (!stored) spend = seedRefreshToken;
      else if (!stored.brokenAt) spend = stored.refreshToken;
      else if (this.newSeed(stored)) {
        spend = seedRefreshToken;
        seedHash = hashOf(seedRefreshToken);
      } else if (!this.triedBrokenChain) spend = stored.refreshToken;
      else return { result: { broken: stored.brokenReason ?? "refresh token refused" } };
      if (stored?.brokenAt) this.triedBrokenChain = true;

      const answer = await this.callOAuth(spend, seedHash);
      if ("pair" in answer) return { store: answer.pair, result: { token: answer.pair.accessToken } };
      if ("transient" in answer) return { result: { transient: answer.transient } };
      chainBrokenNow = true;
      this.triedBrokenChain = true;
      const now = new Date(this.now());
      const broken: ZaloTokenRecord = {
        accessToken: stored?.accessToken ?? "",
        refreshToken: spend,
        accessExpiresAt: stored?.accessExpiresAt ?? now,
        refreshedAt: stored?.refreshedAt ?? now,
        seedHash,
        brokenAt: now,
        brokenReason: answer.refused,
      };
      return { store: broken, result: { broken: answer.refused } };
    });

    if ("token" in outcome) {
      this.state = { status: "ok" };
      this.cached = await this.options.store.read(oaId);
      return outcome.token;
    }
    if ("transient" in outcome) {
      this.state = { status: "degraded", reason: `Zalo OAuth unavailable: ${outcome.transient}` };
      this.options.logger?.warn({ channel: "zalo", reason: outcome.transient }, "Zalo access token could not be refreshed; will try again");
      throw new ZaloTokenError(`Zalo OAuth unavailable: ${outcome.transient}`, true);
    }
    this.cached = await this.options.store.read(oaId);
    const error = this.brokenError(outcome.broken);
    if (chainBrokenNow) {
      this.options.logger?.error({ channel: "zalo", reason: outcome.broken }, `Zalo refused the refresh token; no Zalo message can be sent until an administrator acts: ${REAUTHORISE_INSTRUCTIONS}`);
    }
    throw error;
  }

  /** POST /v4/oa/access_token with a refresh token: the new pair, Zalo's refusal, or a failure worth retrying. */
  private async callOAuth(refreshToken: string, seedHash: string): Promise<{ pair: ZaloTokenRecord } | { refused: string } | { transient: string }> {
    const { appId, appSecret, oauthRoot } = this.options;
    let response: Response;
    try {
      response = await fetch(`${oauthRoot.replace(/\/+$/, "")}/v4/oa/access_token`, {
        method: "POST",
        headers: { secret_key: appSecret, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ app_id: appId, grant_type: "refresh_token", refresh_token: refreshToken }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      return { transient: `cannot reach ${oauthRoot} (${(error as Error).name === "TimeoutError" ? "timed out" : (error as Error).message})` };
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      return { transient: `HTTP ${response.status} from ${oauthRoot}` };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { transient: "the OAuth answer is not JSON" };
    }
    const success = SUCCESS.safeParse(body);
    if (success.success) {
      const seconds = Number(success.data.expires_in);
      const lifetime = Number.isFinite(seconds) && seconds > 0 ? seconds : FALLBACK_LIFETIME_S;
      const now = this.now();
      return {
        pair: {
          accessToken: success.data.access_token,
          refreshToken: success.data.refresh_token,
          accessExpiresAt: new Date(now + lifetime * 1000),
          refreshedAt: new Date(now),
          seedHash,
          brokenAt: null,
          brokenReason: null,
        },
      };
    }
    const refusal = REFUSAL.safeParse(body);
    if (!refusal.success) return { transient: "the OAuth answer has neither tokens nor an error" };
    const code = Number(refusal.data.error);
    if (code === RATE_LIMITED) return { transient: "Zalo OAuth asked to slow down" };
    return { refused: `Zalo OAuth error ${code}${refusal.data.error_name ? `: ${refusal.data.error_name.slice(0, 100)}` : ""}` };
  }
}

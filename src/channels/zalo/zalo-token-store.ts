/** The OA's stored token pair: the head of the refresh-token chain. */
export type ZaloTokenRecord = {
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: Date;
  /** When this pair was issued. */
  refreshedAt: Date;
  /** sha256 of the ZALO_REFRESH_TOKEN the chain started from, so a new one in the environment is recognised. */
  seedHash: string;
  /** Set when Zalo refused `refreshToken`: the chain is broken until an administrator authorises the app again. */
  brokenAt: Date | null;
  brokenReason: string | null;
};

/** Where the token chain is kept, shared by every process of the deployment. */
export interface ZaloTokenStore {
  /** The stored pair of an OA, read without waiting for the lock. */
  read(oaId: string): Promise<ZaloTokenRecord | null>;
  /**
   * Runs `work` holding the OA's exclusive lock, in one transaction: it sees the stored pair and says what to
   * store. Another process calling this waits until the transaction ends, then sees what was stored.
   */
  exclusive<T>(oaId: string, work: (stored: ZaloTokenRecord | null) => Promise<{ store?: ZaloTokenRecord; result: T }>): Promise<T>;
}

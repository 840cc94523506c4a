import pg from "pg";

// pg 8 warns (once per process, and only from the third query waiting) when a client is given a query
// while it runs one; pg 9 refuses. In a transaction that means statements sent side by side on its one
// connection (a nested read Prisma splits into parallel relation queries, or anything else concurrent).
// Every test database checks that none happened while it was in use.

type QueueingClient = pg.Client & { _queryQueue: unknown[]; _getActiveQuery(): unknown };

const seen: string[] = [];
let installed = false;

/** Records every query handed to a pg client that is still busy with another one. */
export function watchOverlappingQueries(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query;
  Error.stackTraceLimit = 60;
  pg.Client.prototype.query = function (this: QueueingClient, ...args: unknown[]) {
    const sql = typeof args[0] === "string" ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? "");
    // Prisma ends a transaction that ran past its timeout with a ROLLBACK sent at once, whatever runs: that
    // transaction has failed already, and the ROLLBACK is no statement of ours.
    if ((this._getActiveQuery() || this._queryQueue.length > 0) && sql.trim().toUpperCase() !== "ROLLBACK") {
      seen.push(`${sql.slice(0, 200)}\n${new Error("query sent while another runs on the same connection").stack ?? ""}`);
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
}

/** The overlaps recorded since the last call, and forgets them. */
export function takeOverlappingQueries(): string[] {
  return seen.splice(0);
}

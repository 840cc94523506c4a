import pg from "pg";

type Row = Record<string, unknown>;

/** The few raw-SQL needs (migrations, introspection, health) over PostgreSQL. */
export class SqlRunner {
  private constructor(
    readonly query: <T extends Row = Row>(text: string, params?: unknown[]) => Promise<T[]>,
    /** Runs a script of several statements. */
    readonly exec: (script: string) => Promise<void>,
    readonly close: () => Promise<void>,
  ) {}

  static postgres(connectionString: string, onConnectionError: (error: Error) => void = () => {}): SqlRunner {
    // One connection keeps BEGIN … COMMIT on the same session.
    const pool = new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: 5000 });
    pool.on("error", onConnectionError);
    return new SqlRunner(
      async <T extends Row>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
      async (script) => {
        await pool.query(script);
      },
      () => pool.end(),
    );
  }
}

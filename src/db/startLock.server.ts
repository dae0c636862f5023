import pg from "pg";
import type { DatabaseSettings } from "./client.server.ts";

/** The advisory lock's key: a constant of our own ("komp" in ASCII). */
const START_LOCK = 0x6b6f6d70;

/**
 * Runs `work` (migrations, reference data, the demo) while no other server of this PostgreSQL
 * database does the same: servers started at once on an empty or older database would otherwise
 * apply the same migration or load the same reference data twice, and one of them fail. The
 * lock is PostgreSQL's advisory lock on a connection of its own, held for the session, so a
 * server that dies while holding it lets the next one in. PGlite needs none: its data folder
 * has one process (lock.server.ts).
 */
export async function whileStartLocked<T>(settings: DatabaseSettings, work: () => Promise<T>): Promise<T> {
  if (!settings.databaseUrl) return work();
  const client = new pg.Client({ connectionString: settings.databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  // The lock is released when its session ends; an error on this idle connection is not the work's.
  client.on("error", () => {});
  try {
    await client.query("select pg_advisory_lock($1)", [START_LOCK]);
    return await work();
  } finally {
    await client.end().catch(() => {});
  }
}

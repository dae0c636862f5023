import { sql } from "drizzle-orm";
import type { Database, Db, Tx } from "./client.server.ts";

/**
 * One version number for everything the public sees: results, published evaluations, reference
 * data. The transaction that changes any of it raises the one row of `data_version` and sends
 * the new value with NOTIFY, which PostgreSQL delivers to every listening process at commit
 * (and PGlite to its own listeners, in process). The row's lock makes versions commit in the
 * order of their numbers, so a process that has heard version N has every change up to N.
 * Caches are keyed on the version they were filled under, so no request has to ask the
 * database whether anything changed.
 */
export const DATA_CHANNEL = "kompass_data";

/** Inside a transaction that changed public data: the next version, announced at commit. */
export async function announceDataChange(tx: Db | Tx): Promise<bigint> {
  const { rows } = (await tx.execute(
    sql`with raised as (update data_version set version = version + 1 where id = 1 returning version::text as version)
      select version, pg_notify(${DATA_CHANNEL}, version) from raised`,
  )) as unknown as { rows: { version: string }[] };
  return BigInt(rows[0]!.version);
}

/**
 * Runs `work` in a transaction that announces a change of public data. A process that watches
 * this database moves to the new version as soon as the transaction has committed (other
 * processes hear the notification).
 */
export async function changePublicData<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  let version = 0n;
  const result = await db.transaction(async (tx) => {
    const value = await work(tx);
    version = await announceDataChange(tx);
    return value;
  });
  watches.get(db)?.seen(version);
  return result;
}

class Watch {
  /** null while the version is not known (not yet read, or the listening connection is lost). */
  value: bigint | null = null;
  /** The highest version heard of, also while the value is not known. */
  private heard = 0n;
  /** Counts lost connections: a version read before the latest loss is not to be trusted. */
  losses = 0;
  seen(version: bigint) {
    if (version > this.heard) this.heard = version;
    if (this.value !== null && version > this.value) this.value = version;
  }
  /** The version read after (re)connecting, unless the connection was lost again meanwhile. */
  known(version: bigint, lossesWhenRead: number) {
    if (lossesWhenRead !== this.losses) return;
    this.value = version > this.heard ? version : this.heard;
  }
  lost() {
    this.losses += 1;
    this.value = null;
  }
}

const watches = new WeakMap<Db | Tx, Watch>();

/**
 * The data version of a watched database as a cache key part, or null: a database nobody
 * watches (the CLI, a transaction handle, a test calling services) or one whose notifications
 * cannot be heard right now. Callers then read afresh instead of from a cache.
 */
export function dataVersionOf(db: Db | Tx): string | null {
  const value = watches.get(db)?.value;
  return value === null || value === undefined ? null : value.toString();
}

async function readVersion(db: Db): Promise<bigint> {
  const { rows } = (await db.execute(sql`select version::text as version from data_version where id = 1`)) as unknown as {
    rows: { version: string }[];
  };
  return BigInt(rows[0]?.version ?? "0");
}

const listeners = new WeakMap<Db, { users: number; stop: () => Promise<void> }>();

/**
 * Follows the database's data version from now on; stop() ends it. Servers that share one
 * database object in a process (benchmarks) share one watch.
 */
export async function watchDataVersion(database: Database): Promise<{ stop(): Promise<void> }> {
  const db = database.db;
  const shared = listeners.get(db);
  if (shared) {
    shared.users += 1;
    return { stop: () => release(db) };
  }
  const watch = new Watch();
  const entry = { users: 1, stop: async () => {} };
  listeners.set(db, entry);
  watches.set(db, watch);
  try {
    entry.stop = await database.listen(DATA_CHANNEL, {
      notify: (payload) => {
        if (/^\d+$/.test(payload)) watch.seen(BigInt(payload));
      },
      // Connected (again): notifications may have been missed meanwhile, so read the version.
      connected: async () => {
        watch.value = null;
        const losses = watch.losses;
        watch.known(await readVersion(db), losses);
      },
      lost: () => watch.lost(),
    });
  } catch (error) {
    listeners.delete(db);
    watches.delete(db);
    throw error;
  }
  return { stop: () => release(db) };
}

async function release(db: Db): Promise<void> {
  const entry = listeners.get(db);
  if (!entry || --entry.users > 0) return;
  listeners.delete(db);
  watches.delete(db);
  await entry.stop();
}

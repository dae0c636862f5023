import { inArray, lt, sql } from "drizzle-orm";
import type { Db } from "./client.server.ts";
import { rateCounters } from "./schema.server.ts";

export interface Hit {
  /** Hits in the current window, this one included. */
  hits: number;
  resetAt: Date;
}

/**
 * Counts one hit for a key in a fixed window, atomically: one INSERT … ON CONFLICT statement,
 * so that parallel requests each see their own count and none slips past a limit. A window that
 * has ended starts again at 1.
 */
export async function countHit(db: Db, key: string, windowMs: number): Promise<Hit> {
  const windowEnd = sql`now() + make_interval(secs => ${windowMs / 1000})`;
  const [row] = await db
    .insert(rateCounters)
    .values({ key, hits: 1, resetAt: windowEnd })
    .onConflictDoUpdate({
      target: rateCounters.key,
      set: {
        hits: sql`case when ${rateCounters.resetAt} <= now() then 1 else ${rateCounters.hits} + 1 end`,
        resetAt: sql`case when ${rateCounters.resetAt} <= now() then ${windowEnd} else ${rateCounters.resetAt} end`,
      },
    })
    .returning({ hits: rateCounters.hits, resetAt: rateCounters.resetAt });
  return { hits: row!.hits, resetAt: row!.resetAt };
}

/** Takes one hit back (a request that should not count after all), never below zero. */
export async function takeBackHit(db: Db, key: string): Promise<void> {
  await db
    .update(rateCounters)
    .set({ hits: sql`greatest(${rateCounters.hits} - 1, 0)` })
    .where(sql`${rateCounters.key} = ${key}`);
}

/** Forgets keys: a successful sign-in clears its failures. */
export async function clearHits(db: Db, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await db.delete(rateCounters).where(inArray(rateCounters.key, [...keys]));
}

/** Deletes every counter whose window has ended, so the table holds only live windows. */
export async function pruneRateCounters(db: Db): Promise<number> {
  const deleted = await db.delete(rateCounters).where(lt(rateCounters.resetAt, sql`now()`)).returning({ key: rateCounters.key });
  return deleted.length;
}

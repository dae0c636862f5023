import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../client.server.ts";

/**
 * Runs independent queries together on a pool, one after another inside a transaction: a
 * transaction holds one connection, which cannot run two queries at once.
 */
export async function concurrently<T extends (() => Promise<unknown>)[]>(
  db: Db | Tx,
  queries: readonly [...T],
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (!(db instanceof PgTransaction)) return Promise.all(queries.map((query) => query())) as never;
  const results: unknown[] = [];
  for (const query of queries) results.push(await query());
  return results as never;
}

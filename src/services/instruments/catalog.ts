import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { instrumentVersions } from "../../db/schema.ts";
import { loadAllInstruments } from "../../db/repositories/instruments.ts";
import type { InstrumentVersion } from "../../domain/instrument.ts";

/**
 * Instrument versions change rarely and are read on nearly every request, so they are kept in
 * memory per database and reloaded when the stored versions change (another process, such as
 * the CLI on PostgreSQL, may change them).
 */
const caches = new WeakMap<object, { stamp: string; instruments: Map<string, InstrumentVersion> }>();

export async function getInstruments(db: Db | Tx): Promise<Map<string, InstrumentVersion>> {
  const { rows } = (await db.execute(
    sql`select coalesce(max(${instrumentVersions.updatedAt})::text, '') || ':' || count(*)::int as stamp from ${instrumentVersions}`,
  )) as unknown as { rows: { stamp: string }[] };
  const stamp = String(rows[0]?.stamp ?? "");
  const cached = caches.get(db);
  if (cached && cached.stamp === stamp) return cached.instruments;
  const instruments = new Map((await loadAllInstruments(db)).map((instrument) => [instrument.key, instrument]));
  caches.set(db, { stamp, instruments });
  return instruments;
}

export function sortInstrumentKeys(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => a.localeCompare(b, "sv", { numeric: true }));
}

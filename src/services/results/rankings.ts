import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { findTotals } from "../../db/repositories/results.ts";
import { results } from "../../db/schema.ts";
import { points, pointsNumber, roundHalfUp } from "../../domain/points.ts";
import { rankByTotal } from "../../domain/ranking.ts";
import { municipalityNames, requireInstrument } from "./queries.ts";

export interface RankingEntry {
  rank: number;
  municipality: string;
  name: string;
  year: number;
  date: string | null;
  total: number;
  totalPublished: boolean;
}

/**
 * Rankings are read far more often than results change, so a ranking is kept per database and
 * instrument and recomputed when that instrument's results change (count or last update).
 */
const cache = new WeakMap<Db, Map<string, { stamp: string; entries: RankingEntry[] }>>();

async function stampOf(db: Db, instrument: string): Promise<string> {
  const { rows } = (await db.execute(
    sql`select count(*)::int as n, coalesce(max(${results.updatedAt})::text, '') as at from ${results} where ${results.instrumentKey} = ${instrument}`,
  )) as unknown as { rows: { n: number; at: string }[] };
  return `${rows[0]?.n}:${rows[0]?.at}`;
}

/** The latest result of each municipality (or every result), best total first; ties share a rank. */
export async function getRankings(db: Db, options: { instrument: string; all?: boolean }): Promise<RankingEntry[]> {
  await requireInstrument(db, options.instrument);
  const key = `${options.instrument}:${options.all ? "all" : "latest"}`;
  const stamp = await stampOf(db, options.instrument);
  const perDb = cache.get(db) ?? new Map<string, { stamp: string; entries: RankingEntry[] }>();
  cache.set(db, perDb);
  const cached = perDb.get(key);
  if (cached && cached.stamp === stamp) return cached.entries;

  const [rows, names] = await Promise.all([findTotals(db, options.instrument, !options.all), municipalityNames(db)]);
  const collator = new Intl.Collator("sv");
  const entries = rankByTotal(
    rows.map((row) => ({ row, total: points(row.publishedTotal ?? row.derivedTotal!) })),
    (entry) => entry.total,
    (a, b) => collator.compare(names.get(a.row.municipalityCode) ?? "", names.get(b.row.municipalityCode) ?? "") || b.row.year - a.row.year,
  ).map(({ rank, item }) => ({
    rank,
    municipality: item.row.municipalityCode,
    name: names.get(item.row.municipalityCode) ?? item.row.municipalityCode,
    year: item.row.year,
    date: item.row.date,
    total: pointsNumber(roundHalfUp(item.total)),
    totalPublished: item.row.publishedTotal !== null,
  }));
  perDb.set(key, { stamp, entries });
  return entries;
}

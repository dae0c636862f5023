import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { findTotals } from "../../db/repositories/results.ts";
import { instrumentVersions, results } from "../../db/schema.ts";
import { NotFoundError } from "../errors.ts";
import { points, pointsNumber, roundHalfUp } from "../../domain/points.ts";
import { rankByTotal } from "../../domain/ranking.ts";
import { municipalityNames } from "./queries.ts";

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

/** One round trip: does the instrument exist, and what state are its results in. */
async function stampOf(db: Db, instrument: string): Promise<string | null> {
  const { rows } = (await db.execute(
    sql`select exists (select 1 from ${instrumentVersions} where ${instrumentVersions.key} = ${instrument}) as known,
      count(*)::int as n, coalesce(max(${results.updatedAt})::text, '') as at
      from ${results} where ${results.instrumentKey} = ${instrument}`,
  )) as unknown as { rows: { known: boolean; n: number; at: string }[] };
  const row = rows[0];
  return row?.known ? `${row.n}:${row.at}` : null;
}

/** The latest result of each municipality (or every result), best total first; ties share a rank. */
export async function getRankings(db: Db, options: { instrument: string; all?: boolean }): Promise<RankingEntry[]> {
  const key = `${options.instrument}:${options.all ? "all" : "latest"}`;
  const stamp = await stampOf(db, options.instrument);
  if (stamp === null) throw new NotFoundError("instrument", options.instrument);
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

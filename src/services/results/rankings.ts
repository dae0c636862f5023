import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { findAllTotals, findYearsWithTwoVersions } from "../../db/repositories/results.ts";
import { instrumentVersions, results } from "../../db/schema.ts";
import { NotFoundError, ValidationError, type Problem } from "../errors.ts";
import { points, pointsNumber, roundHalfUp } from "../../domain/points.ts";
import { rankRecords, type TotalRecord } from "../../domain/rankingFilters.ts";
import { onPublicDataChanged } from "../publicData.ts";
import { DEFAULT_GROUPING, municipalityList } from "./queries.ts";

export interface RankingEntry {
  rank: number;
  municipality: string;
  name: string;
  year: number;
  date: string | null;
  total: number;
  totalPublished: boolean;
  /** Exact points since the previous result of the same version; null when there is none to compare. */
  change: number | null;
  previousYear: number | null;
  previousInstrument: string | null;
}

export interface RankingQuery {
  instrument: string;
  /** Every result instead of the latest per municipality. */
  all?: boolean;
  /** A county code ("18"). */
  county?: string;
  /** A group code of SKL's 2011 grouping ("3"). */
  group?: string;
  yearFrom?: number;
  yearTo?: number;
  limit?: number;
}

/**
 * Rankings are read far more often than results change, so the history of totals and the
 * rankings without a county or group filter are kept per database and recomputed when any
 * result changes (count or last update) or reference data is loaded. County and group filters depend on reference data as
 * well, so those rankings are computed from the kept history on each request (cheap: in memory).
 */
interface Cached {
  stamp: string;
  history: TotalRecord[];
  rankings: Map<string, RankingEntry[]>;
  /** Derived on first use: every public page's filters and links read them. */
  facts?: HistoryFacts;
}

/** What the filters and links of public pages need to know about the whole history. */
export interface HistoryFacts {
  /** Instrument versions that have at least one result. */
  instruments: ReadonlySet<string>;
  years: { first: number; last: number } | null;
  /** "code/year" of evaluations that share their year with another version: their links need `?version=`. */
  shared: ReadonlySet<string>;
}
let cache = new WeakMap<Db, Cached>();
let loading = new WeakMap<Db, { stamp: string; promise: Promise<Cached> }>();
const MAX_CACHED_RANKINGS = 200;
// The stamp sees results only; names, counties and groups come with reference data, whose loads
// announce themselves like publications do.
onPublicDataChanged(() => {
  cache = new WeakMap();
  loading = new WeakMap();
});

/** One round trip: does the instrument exist, and what state are the results in. */
async function stampOf(db: Db, instrument: string | null): Promise<{ known: boolean; stamp: string }> {
  const { rows } = (await db.execute(
    sql`select exists (select 1 from ${instrumentVersions} where ${instrumentVersions.key} = ${instrument ?? ""}) as known,
      count(*)::int as n, coalesce(max(${results.updatedAt})::text, '') as at from ${results}`,
  )) as unknown as { rows: { known: boolean; n: number; at: string }[] };
  const row = rows[0]!;
  return { known: Boolean(row.known), stamp: `${row.n}:${row.at}` };
}

/** The kept history for this stamp; requests that find it stale at the same time share one load. */
async function cachedHistory(db: Db, stamp: string): Promise<Cached> {
  const cached = cache.get(db);
  if (cached && cached.stamp === stamp) return cached;
  const pending = loading.get(db);
  if (pending && pending.stamp === stamp) return pending.promise;
  const [store, loads] = [cache, loading];
  const promise = loadHistory(db, stamp).then((fresh) => {
    store.set(db, fresh);
    return fresh;
  });
  loads.set(db, { stamp, promise });
  promise.finally(() => loads.get(db)?.promise === promise && loads.delete(db)).catch(() => {});
  return promise;
}

async function loadHistory(db: Db, stamp: string): Promise<Cached> {
  const history = (await findAllTotals(db)).map((row) => ({
    municipality: row.municipalityCode,
    instrument: row.instrumentKey,
    year: row.year,
    date: row.date,
    total: points(row.publishedTotal ?? row.derivedTotal!),
    published: row.publishedTotal !== null,
  }));
  return { stamp, history, rankings: new Map<string, RankingEntry[]>() };
}

/** Municipalities in a county and/or a group, or undefined for no such filter; unknown codes are named problems. */
async function municipalitiesOf(db: Db, query: RankingQuery): Promise<Set<string> | undefined> {
  if (query.county === undefined && query.group === undefined) return undefined;
  const list = await municipalityList(db);
  const problems: Problem[] = [];
  if (query.county !== undefined && !list.some((m) => m.county.code === query.county))
    problems.push({ field: "county", message: `no county with the code ${query.county}` });
  const inGroup = (m: (typeof list)[number]) => m.groups.some((g) => g.grouping === DEFAULT_GROUPING && g.code === query.group);
  if (query.group !== undefined && !list.some(inGroup))
    problems.push({ field: "group", message: `no group ${query.group} in the ${DEFAULT_GROUPING} grouping` });
  if (problems.length > 0) throw new ValidationError("unknown filter value", problems);
  return new Set(
    list
      .filter((m) => (query.county === undefined || m.county.code === query.county) && (query.group === undefined || inGroup(m)))
      .map((m) => m.code),
  );
}

/**
 * The latest result of each municipality (or every result) of an instrument version, best total
 * first, ties sharing a rank within the filtered list; each with its change since the
 * municipality's previous result.
 */
export async function getRankings(db: Db, query: RankingQuery): Promise<RankingEntry[]> {
  if (query.yearFrom !== undefined && query.yearTo !== undefined && query.yearFrom > query.yearTo)
    throw new ValidationError("bad year range", [{ field: "yearTo", message: `must not be before yearFrom (${query.yearFrom})` }]);
  const { known, stamp } = await stampOf(db, query.instrument);
  if (!known) throw new NotFoundError("instrument", query.instrument);
  const [cached, allowed] = await Promise.all([cachedHistory(db, stamp), municipalitiesOf(db, query)]);
  const key = allowed ? null : `${query.instrument}:${query.all ? "all" : "latest"}:${query.yearFrom ?? ""}:${query.yearTo ?? ""}`;
  let entries = key === null ? undefined : cached.rankings.get(key);
  if (!entries) {
    entries = await computeRanking(db, cached.history, { ...query, municipalities: allowed });
    if (key !== null && cached.rankings.size < MAX_CACHED_RANKINGS) cached.rankings.set(key, entries);
  }
  // The same array object while the cache holds, so the API can keep its JSON text.
  return query.limit === undefined || query.limit >= entries.length ? entries : entries.slice(0, query.limit);
}

async function computeRanking(
  db: Db,
  history: readonly TotalRecord[],
  criteria: RankingQuery & { municipalities?: Set<string> },
): Promise<RankingEntry[]> {
  const names = new Map((await municipalityList(db)).map((m) => [m.code, m.name]));
  const nameOf = (code: string) => names.get(code) ?? code;
  return rankRecords(history, criteria, nameOf).map(({ rank, item: { record, change } }) => ({
    rank,
    municipality: record.municipality,
    name: nameOf(record.municipality),
    year: record.year,
    date: record.date,
    total: pointsNumber(roundHalfUp(record.total)),
    totalPublished: record.published,
    change: change.kind === "points" ? pointsNumber(change.points) : null,
    previousYear: change.kind === "none" ? null : change.previous.year,
    previousInstrument: change.kind === "none" ? null : change.previous.instrument,
  }));
}

export async function getHistoryFacts(db: Db): Promise<HistoryFacts> {
  const { stamp } = await stampOf(db, null);
  const cached = await cachedHistory(db, stamp);
  // Every result counts for shared years, also one without a total: its page exists all the same.
  cached.facts ??= { ...versionsAndYears(cached.history), shared: await findYearsWithTwoVersions(db) };
  return cached.facts;
}

function versionsAndYears(history: readonly TotalRecord[]): Omit<HistoryFacts, "shared"> {
  const years = history.map((r) => r.year);
  return {
    instruments: new Set(history.map((r) => r.instrument)),
    years: years.length > 0 ? { first: years.reduce((a, b) => Math.min(a, b)), last: years.reduce((a, b) => Math.max(a, b)) } : null,
  };
}

/** "code/year" of evaluations that share their year with another version: their links need `?version=`. */
export async function sharedYears(db: Db): Promise<ReadonlySet<string>> {
  return (await getHistoryFacts(db)).shared;
}

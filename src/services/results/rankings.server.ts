import type { Db } from "../../db/client.server.ts";
import { findAllTotals, findYearsWithTwoVersions } from "../../db/repositories/results.server.ts";
import { NotFoundError, ValidationError, type Problem } from "../errors.ts";
import { points, pointsNumber, roundHalfUp } from "../../domain/points.ts";
import { rankRecords, type TotalRecord } from "../../domain/rankingFilters.ts";
import { getInstruments } from "../instruments/catalog.server.ts";
import { publicDataCache } from "../publicDataCache.server.ts";
import { DEFAULT_GROUPING, municipalityList } from "./queries.server.ts";
import type { RankingEntry } from "../../domain/tables/rankings.ts";

/** The shape is declared with the rankings table (its columns, CSV, Excel and OpenAPI schema). */
export type { RankingEntry } from "../../domain/tables/rankings.ts";

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

/** What the filters and links of public pages need to know about the whole history. */
export interface HistoryFacts {
  /** Instrument versions that have at least one result. */
  instruments: ReadonlySet<string>;
  years: { first: number; last: number } | null;
  /** "code/year" of evaluations that share their year with another version: their links need `?version=`. */
  shared: ReadonlySet<string>;
}

/**
 * Rankings are read far more often than results change: the history of totals, the facts the
 * public pages' filters need, and rankings without a county or group filter are kept per data
 * version. County and group filters are applied to the kept history on each request (cheap:
 * in memory).
 */
const histories = publicDataCache<TotalRecord[]>({ max: 2, load: loadHistory });
const rankings = publicDataCache<RankingEntry[]>({
  max: 200,
  load: async (db, key) => computeRanking(db, await histories.get(db, "all"), JSON.parse(key) as RankingQuery),
});
const facts = publicDataCache<HistoryFacts>({
  max: 2,
  // Every result counts for shared years, also one without a total: its page exists all the same.
  load: async (db) => ({ ...versionsAndYears(await histories.get(db, "all")), shared: await findYearsWithTwoVersions(db) }),
});

async function loadHistory(db: Db): Promise<TotalRecord[]> {
  return (await findAllTotals(db)).map((row) => ({
    municipality: row.municipalityCode,
    instrument: row.instrumentKey,
    year: row.year,
    date: row.date,
    total: points(row.publishedTotal ?? row.derivedTotal!),
    published: row.publishedTotal !== null,
  }));
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
  if (!(await getInstruments(db)).has(query.instrument)) throw new NotFoundError("instrument", query.instrument);
  const allowed = await municipalitiesOf(db, query);
  const entries = allowed
    ? await computeRanking(db, await histories.get(db, "all"), { ...query, municipalities: allowed })
    : await rankings.get(
        db,
        JSON.stringify({ instrument: query.instrument, all: query.all ?? false, yearFrom: query.yearFrom, yearTo: query.yearTo }),
      );
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

export function getHistoryFacts(db: Db): Promise<HistoryFacts> {
  return facts.get(db, "all");
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

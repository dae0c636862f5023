import type { Db } from "../../db/client.server.ts";
import { getInstruments, sortInstrumentKeys } from "../instruments/catalog.server.ts";
import { findResultKeys } from "../../db/repositories/results.server.ts";
import { effectiveDate } from "../../domain/rankingFilters.ts";
import {
  DEFAULT_GROUPING,
  listResults,
  municipalityList,
  municipalityNames,
  presentResults,
  resultFilter,
  type ResultQuery,
} from "./queries.server.ts";
import type { ResultView } from "./presentResult.server.ts";
import { getHistoryFacts } from "./rankings.server.ts";

export interface Choice {
  code: string;
  name: string;
}

export interface RankingChoices {
  /** Instrument versions with at least one total, oldest first. */
  instruments: { key: string; name: string }[];
  counties: Choice[];
  /** SKL's 2011 municipality groups, by number. */
  groups: Choice[];
  /** The first and last year with a total, or null when nothing is published. */
  years: { first: number; last: number } | null;
}

const byName = new Intl.Collator("sv");
const byCode = new Intl.Collator("sv", { numeric: true });

/** What a rankings filter can choose from: only values that exist. */
export async function getRankingChoices(db: Db): Promise<RankingChoices> {
  const [instruments, list, facts] = await Promise.all([getInstruments(db), municipalityList(db), getHistoryFacts(db)]);
  const counties = new Map(list.map((m) => [m.county.code, m.county.name]));
  const groups = new Map(
    list.flatMap((m) => m.groups.filter((g) => g.grouping === DEFAULT_GROUPING).map((g) => [g.code, g.name] as const)),
  );
  return {
    instruments: sortInstrumentKeys([...facts.instruments].filter((key) => instruments.has(key))).map((key) => ({
      key,
      name: instruments.get(key)!.name,
    })),
    counties: [...counties].map(([code, name]) => ({ code, name })).sort((a, b) => byName.compare(a.name, b.name)),
    groups: [...groups].map(([code, name]) => ({ code, name })).sort((a, b) => byCode.compare(a.code, b.code)),
    years: facts.years,
  };
}

export type ResultOrder = "oldest" | "latest";

interface Ordered {
  date: string | null;
  year: number;
  name: string;
  instrument: string;
}

// ISO dates order as plain strings; localeCompare would consult the locale's collation for each pair.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const latestFirst = (a: Ordered, b: Ordered) =>
  byText(effectiveDate(b), effectiveDate(a)) ||
  b.year - a.year ||
  byName.compare(a.name, b.name) ||
  byCode.compare(a.instrument, b.instrument);

/** The ids of the results a query selects, latest first, without reading their figures. */
async function latestIds(db: Db, query: ResultQuery): Promise<number[]> {
  const [keys, names] = await Promise.all([findResultKeys(db, await resultFilter(db, query)), municipalityNames(db)]);
  return keys
    .map((k) => ({
      id: k.id,
      date: k.date,
      year: k.year,
      instrument: k.instrumentKey,
      name: names.get(k.municipalityCode) ?? k.municipalityCode,
    }))
    .sort(latestFirst)
    .map((k) => k.id);
}

/**
 * Published results oldest first (as stored) or latest first: by date, then year (a result
 * without a date counts as of the end of its year), then municipality name; at most `limit`.
 */
export async function listResultsOrdered(db: Db, query: ResultQuery & { sort?: ResultOrder; limit?: number } = {}): Promise<ResultView[]> {
  const { sort = "oldest", limit, ...filter } = query;
  if (sort === "oldest") {
    const rows = await listResults(db, filter);
    return limit === undefined ? rows : rows.slice(0, limit);
  }
  if (limit === undefined) return (await listResults(db, filter)).sort(latestFirst);
  // The start page shows ten of thousands: order what identifies each result, then read and present only those.
  return (await presentResults(db, { ids: (await latestIds(db, filter)).slice(0, limit) })).sort(latestFirst);
}

/**
 * One page of results, latest first (pages counted from 1): a page number past the end gives
 * the last page. With the page it gave and how many results and pages there are in all.
 */
export async function listResultsPage(db: Db, query: ResultQuery, asked: { page: number; size: number }) {
  const ids = await latestIds(db, query);
  const pages = Math.max(1, Math.ceil(ids.length / asked.size));
  const page = Math.min(Math.max(1, asked.page), pages);
  const offset = (page - 1) * asked.size;
  const rows = await presentResults(db, { ids: ids.slice(offset, offset + asked.size) });
  return { total: ids.length, page, pages, from: offset + 1, rows: rows.sort(latestFirst) };
}

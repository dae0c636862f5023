import type { Db } from "../../db/client.ts";
import { getInstruments, sortInstrumentKeys } from "../instruments/catalog.ts";
import { DEFAULT_GROUPING, listResults, municipalityList, type ResultQuery } from "./queries.ts";
import type { ResultView } from "./presentResult.ts";
import { getTotalsHistory } from "./rankings.ts";

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

/** What a rankings filter can choose from: only values that exist. */
export async function getRankingChoices(db: Db): Promise<RankingChoices> {
  const [instruments, list, history] = await Promise.all([getInstruments(db), municipalityList(db), getTotalsHistory(db)]);
  const collator = new Intl.Collator("sv");
  const counties = new Map(list.map((m) => [m.county.code, m.county.name]));
  const groups = new Map(
    list.flatMap((m) => m.groups.filter((g) => g.grouping === DEFAULT_GROUPING).map((g) => [g.code, g.name] as const)),
  );
  const used = new Set(history.map((r) => r.instrument));
  const years = history.map((r) => r.year);
  return {
    instruments: sortInstrumentKeys([...used].filter((key) => instruments.has(key))).map((key) => ({
      key,
      name: instruments.get(key)!.name,
    })),
    counties: [...counties].map(([code, name]) => ({ code, name })).sort((a, b) => collator.compare(a.name, b.name)),
    groups: [...groups].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code, "sv", { numeric: true })),
    years: years.length > 0 ? { first: Math.min(...years), last: Math.max(...years) } : null,
  };
}

export type ResultOrder = "oldest" | "latest";

const effectiveDate = (r: ResultView) => r.date ?? `${r.year}-12-31`;

/**
 * Published results oldest first (as stored) or latest first: by date, then year (a result
 * without a date counts as of the end of its year), then municipality name; at most `limit`.
 */
export async function listResultsOrdered(db: Db, query: ResultQuery & { sort?: ResultOrder; limit?: number } = {}): Promise<ResultView[]> {
  const { sort = "oldest", limit, ...filter } = query;
  const rows = await listResults(db, filter);
  if (sort === "latest") {
    const collator = new Intl.Collator("sv");
    rows.sort(
      (a, b) =>
        effectiveDate(b).localeCompare(effectiveDate(a)) ||
        b.year - a.year ||
        collator.compare(a.name, b.name) ||
        a.instrument.localeCompare(b.instrument, "sv", { numeric: true }),
    );
  }
  return limit === undefined ? rows : rows.slice(0, limit);
}

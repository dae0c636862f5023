import type { Db } from "../../db/client.server.ts";
import { evaluationHref, municipalityPath } from "../../domain/paths.ts";
import { points } from "../../domain/points.ts";
import { changeText, readRankingParams, type RankingParamProblem, type RankingParams } from "../../domain/rankingFilters.ts";
import { publicDataCache } from "../publicDataCache.server.ts";
import { getRankingChoices, type RankingChoices } from "../results/portal.server.ts";
import { getRankings, sharedYears, type RankingEntry } from "../results/rankings.server.ts";

/** A ranked entry as the rankings page shows it: the API's entry, with the page's links and the change in words. */
export type RankingRow = RankingEntry & { key: string; municipalityHref: string; evaluationHref: string; changeText: string | null };

export interface RankingPage {
  choices: RankingChoices;
  values: RankingParams;
  problems: RankingParamProblem[];
  query: Record<string, string>;
  instrumentName: string;
  /** Null when nothing can be ranked (no instrument, or a filter value the page refuses). */
  entries: RankingRow[] | null;
}

// The page is the same for every visitor until public data changes: kept per data version, so a
// visitor with a session cookie (never served by the page cache) or a crawler walking filters
// that others walked before costs a render, not a ranking. The filters' choices once per version.
const choicesCache = publicDataCache<RankingChoices>({ max: 2, load: (db) => getRankingChoices(db) });
const pages = publicDataCache<RankingPage>({ max: 200, load: (db, key) => loadPage(db, new URLSearchParams(key)) });

/** The rankings page for an address's query (?instrument=2010&county=18&group=3&yearFrom=…&all=true). */
export async function getRankingPage(db: Db, params: URLSearchParams): Promise<RankingPage> {
  const read = readParams(await choicesCache.get(db, "all"), params);
  // Keyed on the query as read (unknown parameters and spacing make no new entries); reading it
  // again gives the same values and problems.
  return pages.get(db, new URLSearchParams(read.query).toString());
}

function readParams(choices: RankingChoices, params: URLSearchParams) {
  return readRankingParams(params, {
    instruments: choices.instruments.map((i) => i.key),
    counties: choices.counties.map((c) => c.code),
    groups: choices.groups.map((g) => g.code),
    defaultInstrument: choices.instruments.at(-1)?.key ?? "",
  });
}

async function loadPage(db: Db, params: URLSearchParams): Promise<RankingPage> {
  const choices = await choicesCache.get(db, "all");
  const read = readParams(choices, params);
  const ready = choices.instruments.length > 0 && read.problems.length === 0;
  const { values } = read;
  const [ranking, shared] = ready
    ? await Promise.all([
        getRankings(db, {
          instrument: values.instrument,
          all: values.all,
          county: values.county || undefined,
          group: values.group || undefined,
          yearFrom: values.yearFrom ? Number(values.yearFrom) : undefined,
          yearTo: values.yearTo ? Number(values.yearTo) : undefined,
        }),
        sharedYears(db),
      ])
    : [null, new Set<string>() as ReadonlySet<string>];
  return {
    choices,
    values,
    problems: choices.instruments.length > 0 ? read.problems : [],
    query: read.query,
    instrumentName: choices.instruments.find((i) => i.key === values.instrument)?.name ?? values.instrument,
    entries: ranking?.map((entry) => present(entry, values.instrument, shared)) ?? null,
  };
}

function present(entry: RankingEntry, instrument: string, shared: ReadonlySet<string>): RankingRow {
  return {
    ...entry,
    key: `${entry.municipality}-${entry.year}`,
    municipalityHref: municipalityPath(entry.municipality, entry.name),
    evaluationHref: evaluationHref(shared, entry.municipality, entry.name, entry.year, instrument),
    changeText: entry.change === null ? null : changeText(points(entry.change)),
  };
}

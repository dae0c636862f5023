import { roundHalfUp, type Points } from "./points.ts";
import { latestPerKey, rankByTotal, type Ranked } from "./ranking.ts";

/** One result with a total (published, or derived where none was published). */
export interface TotalRecord {
  municipality: string;
  instrument: string;
  year: number;
  date: string | null;
  total: Points;
  published: boolean;
}

/** Which results a ranking holds. Year bounds are inclusive; `municipalities` limits to a set. */
export interface RankingCriteria {
  instrument: string;
  /** Every result instead of the latest per municipality. */
  all?: boolean;
  yearFrom?: number;
  yearTo?: number;
  municipalities?: ReadonlySet<string>;
}

/**
 * A change since the municipality's previous result: a number only within the same instrument
 * version, since totals of different versions are not comparable.
 */
export type Change =
  | { kind: "none" }
  | { kind: "otherVersion"; previous: TotalRecord }
  | { kind: "points"; previous: TotalRecord; points: Points };

/** A result without a date counts as of the end of its year (rankings, averages, latest lists). */
export const effectiveDate = (result: { date: string | null; year: number }) => result.date ?? `${result.year}-12-31`;

/** Later by year, then by date. */
export function isLater(a: TotalRecord, b: TotalRecord): boolean {
  return a.year !== b.year ? a.year > b.year : effectiveDate(a) > effectiveDate(b);
}

/**
 * The municipality's result before the current one's year: the latest by year and date; in a
 * year with two versions, the current version is preferred because only it gives a number.
 */
export function previousResult(history: readonly TotalRecord[], current: TotalRecord): TotalRecord | null {
  let best: TotalRecord | null = null;
  for (const record of history) {
    if (record.municipality !== current.municipality || record.year >= current.year) continue;
    if (!best || isLater(record, best)) best = record;
    else if (!isLater(best, record) && record.instrument === current.instrument) best = record;
  }
  return best;
}

export function changeSince(current: TotalRecord, previous: TotalRecord | null): Change {
  if (!previous) return { kind: "none" };
  if (previous.instrument !== current.instrument) return { kind: "otherVersion", previous };
  return { kind: "points", previous, points: current.total.minus(previous.total) };
}

/** "+35", "−12" (minus sign), "0": a change as shown, rounded half up to whole points. */
export function changeText(change: Points): string {
  const shown = roundHalfUp(change);
  if (shown.isZero()) return "0";
  return shown.isNegative() ? `\u2212${shown.abs().toString()}` : `+${shown.toString()}`;
}

/** The results a ranking holds: instrument, years and municipalities, then latest per municipality. */
export function selectForRanking(records: readonly TotalRecord[], criteria: RankingCriteria): TotalRecord[] {
  const selected = records.filter(
    (r) =>
      r.instrument === criteria.instrument &&
      (criteria.yearFrom === undefined || r.year >= criteria.yearFrom) &&
      (criteria.yearTo === undefined || r.year <= criteria.yearTo) &&
      (!criteria.municipalities || criteria.municipalities.has(r.municipality)),
  );
  return criteria.all ? selected : latestPerKey(selected, (r) => r.municipality, isLater);
}

export interface RankedRecord {
  record: TotalRecord;
  change: Change;
}

/**
 * The ranking: selected results best first, ties sharing a rank (ranked within the filtered
 * list), each with its change since the municipality's previous result in the full history.
 */
export function rankRecords(
  history: readonly TotalRecord[],
  criteria: RankingCriteria,
  nameOf: (municipality: string) => string,
): Ranked<RankedRecord>[] {
  const byMunicipality = new Map<string, TotalRecord[]>();
  for (const record of history) {
    const list = byMunicipality.get(record.municipality);
    if (list) list.push(record);
    else byMunicipality.set(record.municipality, [record]);
  }
  const collator = new Intl.Collator("sv");
  const selected = selectForRanking(history, criteria).map((record) => ({
    record,
    change: changeSince(record, previousResult(byMunicipality.get(record.municipality) ?? [], record)),
  }));
  return rankByTotal(
    selected,
    (entry) => entry.record.total,
    (a, b) => collator.compare(nameOf(a.record.municipality), nameOf(b.record.municipality)) || b.record.year - a.record.year,
  );
}

/** The rankings page's filters as the visitor typed them (the form is filled with these). */
export interface RankingParams {
  instrument: string;
  all: boolean;
  county: string;
  group: string;
  yearFrom: string;
  yearTo: string;
}

export type RankingParamField = "instrument" | "county" | "group" | "yearFrom" | "yearTo";
/** A field and what is wrong with it: the field's own name, or "yearOrder" for a reversed range. */
export type RankingParamProblem = { field: RankingParamField; problem: RankingParamField | "yearOrder" };

export interface ReadRankingParams {
  values: RankingParams;
  problems: RankingParamProblem[];
  /** The query for the API and the downloads: only the filters in use. */
  query: Record<string, string>;
}

/**
 * Reads the rankings page's query: choices must be among those offered, years four digits and
 * in order. An empty instrument means the default; empty filters mean "all".
 */
export function readRankingParams(
  params: URLSearchParams,
  allowed: { instruments: readonly string[]; counties: readonly string[]; groups: readonly string[]; defaultInstrument: string },
): ReadRankingParams {
  const text = (name: string) => (params.get(name) ?? "").trim();
  const values: RankingParams = {
    instrument: text("instrument") || allowed.defaultInstrument,
    all: text("all") === "true",
    county: text("county"),
    group: text("group"),
    yearFrom: text("yearFrom"),
    yearTo: text("yearTo"),
  };
  const problems: RankingParamProblem[] = [];
  const check = (field: RankingParamField, ok: boolean) => {
    if (!ok) problems.push({ field, problem: field });
  };
  check("instrument", allowed.instruments.includes(values.instrument));
  check("county", values.county === "" || allowed.counties.includes(values.county));
  check("group", values.group === "" || allowed.groups.includes(values.group));
  const isYear = (value: string) => value === "" || /^\d{4}$/.test(value);
  check("yearFrom", isYear(values.yearFrom));
  check("yearTo", isYear(values.yearTo));
  if (problems.length === 0 && values.yearFrom !== "" && values.yearTo !== "" && Number(values.yearFrom) > Number(values.yearTo))
    problems.push({ field: "yearTo", problem: "yearOrder" });
  const query: Record<string, string> = { instrument: values.instrument };
  if (values.all) query.all = "true";
  for (const name of ["county", "group", "yearFrom", "yearTo"] as const) if (values[name] !== "") query[name] = values[name];
  return { values, problems, query };
}

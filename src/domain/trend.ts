import { average } from "./ranking.ts";
import { pointsNumber, roundHalfUp, type Points } from "./points.ts";

/**
 * The trend view (/utveckling): several municipalities' figures over time on a time axis, each
 * version's period shaded, and each version's average as a reference. Pure: the service reads
 * the results, these functions choose, order and average them.
 */

/** How many municipalities one trend shows at most. */
export const MAX_TREND_MUNICIPALITIES = 6;

/** An average of fewer results than this is not drawn (the same rule as the evaluation page's profile). */
import { MIN_AVERAGED } from "./report/compare.ts";

export { MIN_AVERAGED };

/**
 * What is followed: the total (across instrument versions), or one area's points within one
 * version, since area numbers mean different things in different versions.
 */
export type TrendMeasure = { kind: "total" } | { kind: "area"; instrument: string; area: number };

export const TOTAL_MEASURE = "total";

/** "total" or "2010:3" (version:area), as in the address and the API. */
export function measureKey(measure: TrendMeasure): string {
  return measure.kind === "total" ? TOTAL_MEASURE : `${measure.instrument}:${measure.area}`;
}

/** Reads a measure key; null when it is not one (whether the version and area exist is checked elsewhere). */
export function parseMeasure(text: string): TrendMeasure | null {
  if (text === TOTAL_MEASURE) return { kind: "total" };
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]{0,31}):([1-9]\d?)$/.exec(text);
  return match ? { kind: "area", instrument: match[1]!, area: Number(match[2]) } : null;
}

export interface TrendQuery {
  municipalities: string[];
  measure: TrendMeasure;
}

export type TrendField = "municipalities" | "measure";
/** What is wrong: a code that is not four digits, one no municipality has, too many, a measure that is not one or names no area. */
export type TrendProblemCode = "code" | "unknownMunicipality" | "tooMany" | "measure" | "unknownMeasure";
export interface TrendProblem {
  field: TrendField;
  problem: TrendProblemCode;
  /** The value concerned, as given. */
  value: string;
}

/**
 * Checks a trend's choices: municipality codes known (a code given twice counts once, in its
 * first place), at most MAX_TREND_MUNICIPALITIES, and a measure that names an existing area of
 * an existing version. Blank codes are choices left open. No measure means the total.
 */
export function checkTrendQuery(
  input: { municipalities: readonly string[]; measure: string | null | undefined },
  known: { municipality: (code: string) => boolean; area: (instrument: string, area: number) => boolean },
): { query: TrendQuery; problems: TrendProblem[] } {
  const problems: TrendProblem[] = [];
  const municipalities: string[] = [];
  for (const raw of input.municipalities) {
    const code = raw.trim();
    if (code === "" || municipalities.includes(code)) continue;
    if (!/^\d{4}$/.test(code)) problems.push({ field: "municipalities", problem: "code", value: code });
    else if (!known.municipality(code)) problems.push({ field: "municipalities", problem: "unknownMunicipality", value: code });
    else municipalities.push(code);
  }
  if (municipalities.length > MAX_TREND_MUNICIPALITIES)
    problems.push({ field: "municipalities", problem: "tooMany", value: String(municipalities.length) });
  const text = input.measure?.trim() || TOTAL_MEASURE;
  let measure = parseMeasure(text);
  if (!measure) problems.push({ field: "measure", problem: "measure", value: text });
  else if (measure.kind === "area" && !known.area(measure.instrument, measure.area)) {
    problems.push({ field: "measure", problem: "unknownMeasure", value: text });
    measure = null;
  }
  return { query: { municipalities, measure: measure ?? { kind: "total" } }, problems };
}

/**
 * What a form refused as a whole still keeps: the municipalities it offers (in the order given,
 * once each), and the measure if it is one of its choices, else the total.
 */
export function keptChoices(
  choices: {
    municipalities: readonly { code: string; name: string }[];
    versions: readonly { key: string; areas: readonly { number: number }[] }[];
  },
  codes: readonly string[],
  measure: string | null,
): { chosen: { code: string; name: string }[]; measure: string } {
  const offered = new Map(choices.municipalities.map((m) => [m.code, m.name]));
  const chosen = [...new Set(codes.map((code) => code.trim()))].flatMap((code) => {
    const name = offered.get(code);
    return name ? [{ code, name }] : [];
  });
  const measures = choices.versions.flatMap((v) => v.areas.map((a) => `${v.key}:${a.number}`));
  return { chosen, measure: measure !== null && measures.includes(measure) ? measure : TOTAL_MEASURE };
}

/** Where a figure stands on the time axis: its date when known, else the middle of its year (1 July). */
export function plotDate(result: { year: number; date: string | null }): string {
  return result.date ?? `${result.year}-07-01`;
}

const yearOf = (result: { year: number; date: string | null }) => Number(plotDate(result).slice(0, 4));

export interface VersionPeriod {
  instrument: string;
  /** 1 January of the first year with a result of the version. */
  from: string;
  /** 31 December of the last year with a result of the version. */
  to: string;
}

/**
 * When each version was in use, read from the results (the instrument definitions carry no
 * dates): from 1 January of the first year to 31 December of the last year in which any
 * municipality has a result of the version, the year being that of the figure's place on the
 * time axis. Earliest first. Periods may overlap where two versions were used in one year.
 */
export function versionPeriods(results: readonly { instrument: string; year: number; date: string | null }[]): VersionPeriod[] {
  const years = new Map<string, { first: number; last: number }>();
  for (const result of results) {
    const year = yearOf(result);
    const known = years.get(result.instrument);
    years.set(
      result.instrument,
      known ? { first: Math.min(known.first, year), last: Math.max(known.last, year) } : { first: year, last: year },
    );
  }
  return [...years]
    .map(([instrument, { first, last }]) => ({ instrument, from: `${first}-01-01`, to: `${last}-12-31` }))
    .sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.instrument.localeCompare(b.instrument));
}

export interface VersionAverage {
  instrument: string;
  /** How many results of the version have the measure: every evaluation counts, not one per municipality. */
  count: number;
  /** Exact; null when fewer than MIN_AVERAGED results have the measure. */
  average: Points | null;
}

/** The average of every result of each version that has the measure, exact; the caller rounds for display. */
export function versionAverages(
  figures: readonly { instrument: string; exact: Points }[],
  instruments: readonly string[],
): VersionAverage[] {
  return instruments.map((instrument) => {
    const values = figures.filter((f) => f.instrument === instrument).map((f) => f.exact);
    return { instrument, count: values.length, average: values.length >= MIN_AVERAGED ? average(values) : null };
  });
}

/** An average as shown: one decimal, rounded half up once, as every average on the pages (src/domain/report/format.ts). */
export const shownAverage = (value: Points): number => pointsNumber(roundHalfUp(value, 1));

/**
 * A municipality's line: its figures in time order, broken where the version changes, since a
 * total of one version does not continue a total of another.
 */
export function lineSegments<T extends { instrument: string; year: number; date: string | null }>(figures: readonly T[]): T[][] {
  const ordered = [...figures].sort((a, b) => plotDate(a).localeCompare(plotDate(b)) || a.instrument.localeCompare(b.instrument));
  const segments: T[][] = [];
  for (const figure of ordered) {
    const last = segments.at(-1);
    if (last && last[0]!.instrument === figure.instrument) last.push(figure);
    else segments.push([figure]);
  }
  return segments;
}

/** The trend page's address: /utveckling?kommun=1880&kommun=1080&matt=2010:3 (the total, the default, left out). */
export function trendPath(municipalities: readonly string[], measure = TOTAL_MEASURE): string {
  const query = new URLSearchParams(municipalities.map((code) => ["kommun", code]));
  if (measure !== TOTAL_MEASURE) query.set("matt", measure);
  const search = query.toString();
  return search ? `/utveckling?${search}` : "/utveckling";
}

/**
 * A source that begins with a web address ("https://www.vallentuna.se/…: ”…”"), split so that the
 * address can be a link named by its host, followed by the rest of the text; null for a source
 * that does not begin with one (such as a printed report's title).
 */
export function sourceAddress(source: string): { href: string; host: string; rest: string } | null {
  const match = /^(https?:\/\/\S+?)(:?(?:\s[\s\S]*)?)$/.exec(source);
  if (!match) return null;
  try {
    const url = new URL(match[1]!);
    return { href: url.href, host: url.host, rest: match[2]! };
  } catch {
    return null;
  }
}

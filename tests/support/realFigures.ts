/**
 * The real results: all that a database may hold for a real municipality (see fictional.ts for
 * the rule). Read from the sources themselves, not from the demo files they were made into:
 *
 * - tests/fixtures/orebro-2012.json (a copy of shared/fixtures): Örebro 2012 as printed in the
 *   seed report, down to sub-areas; 2010 as printed in its table 1; the 2015 total of the seed
 *   news item;
 * - tests/fixtures/published-results.json (a copy of shared/data/published-results.json):
 *   results as published, each with the page it was read from and the sentence holding it.
 */
import { readFileSync } from "node:fs";
import type { Db } from "../../src/db/client.server.ts";
import { findResults } from "../../src/db/repositories/results.server.ts";
import { points, pointsText } from "../../src/domain/points.ts";
import type { Result } from "../../src/domain/result.ts";
import { realMunicipalityCodes } from "./fictional.ts";
import type { Fixture } from "./reportInput.ts";

export interface RealResult {
  municipality: string;
  instrument: string;
  year: number;
  total: number | null;
  areas: Record<string, number>;
  subareas: Record<string, number>;
  /** What the result's source must name: the report or news item, or the page and its sentence. */
  sourceMentions: string[];
}

interface PublishedEntry {
  municipality: string;
  instrument: string;
  year: number;
  total: number;
  areas?: Record<string, number>;
  source: string;
  quote: string;
}

const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8"));

const orebro = readJson("orebro-2012.json") as Fixture & {
  municipality: { code: string };
  previous: { year: number; printed_area_points: Record<string, number>; printed_total: number };
  later: { year: number; printed_total: number };
};

export const publishedEntries = readJson("published-results.json") as PublishedEntry[];

/** Örebro's three results of the seeds, then every published result. */
export const REAL_RESULTS: readonly RealResult[] = [
  {
    municipality: orebro.municipality.code,
    instrument: orebro.instrument,
    year: orebro.previous.year,
    total: orebro.previous.printed_total,
    areas: orebro.previous.printed_area_points,
    subareas: {},
    sourceMentions: ["Örebro"],
  },
  {
    municipality: orebro.municipality.code,
    instrument: orebro.instrument,
    year: orebro.year,
    total: orebro.printed_total,
    areas: Object.fromEntries(orebro.areas.map((a) => [String(a.number), a.printed_points])),
    subareas: Object.fromEntries(orebro.areas.flatMap((a) => a.subareas.map((s) => [s.id, s.exact]))),
    sourceMentions: ["Örebro"],
  },
  {
    municipality: orebro.municipality.code,
    instrument: orebro.instrument,
    year: orebro.later.year,
    total: orebro.later.printed_total,
    areas: {},
    subareas: {},
    sourceMentions: ["Örebro"],
  },
  ...publishedEntries.map((entry) => ({
    municipality: entry.municipality,
    instrument: entry.instrument,
    year: entry.year,
    total: entry.total,
    areas: entry.areas ?? {},
    subareas: {},
    sourceMentions: [entry.source, entry.quote],
  })),
];

export const realKey = (r: { municipality: string; instrument: string; year: number }) => `${r.municipality}/${r.instrument}/${r.year}`;

const byKey = new Map(REAL_RESULTS.map((r) => [realKey(r), r]));

/** A result's figures as plain numbers, in the shape of RealResult (exact: decimals as written). */
export function figuresOf(result: Pick<Result, "figures">) {
  const plain = (value: ReturnType<typeof points>) => Number(pointsText(value));
  return {
    total: result.figures.total ? plain(result.figures.total) : null,
    areas: Object.fromEntries([...result.figures.areas].map(([n, p]) => [String(n), plain(p)])),
    subareas: Object.fromEntries([...result.figures.subareas].map(([id, p]) => [id, plain(p)])),
  };
}

/** Every figure of `a` is in `b` with the same value; and, unless `partial`, nothing more is. */
const sameRecord = (a: Record<string, number>, b: Record<string, number>, partial = false) =>
  (partial || Object.keys(a).length === Object.keys(b).length) &&
  Object.entries(a).every(([k, v]) => b[k] !== undefined && points(v).eq(b[k]!));

/**
 * What is wrong with a result of a real municipality: nothing ([]) when it is a real one, as
 * published and with its source. `partial`: an example may leave figures out (the docs show two
 * areas of eight), but every figure it gives must be the published one.
 */
export function problemsOfRealResult(
  result: Pick<Result, "municipalityCode" | "instrumentKey" | "year" | "figures" | "source">,
  { partial = false } = {},
): string[] {
  const key = realKey({ municipality: result.municipalityCode, instrument: result.instrumentKey, year: result.year });
  const real = byKey.get(key);
  if (!real) return [`${key}: no such result was published`];
  const problems: string[] = [];
  const figures = figuresOf(result);
  const totalMissing = figures.total === null && (partial || real.total === null);
  if (!totalMissing && (figures.total === null || real.total === null || !points(figures.total).eq(real.total)))
    problems.push(`${key}: total ${figures.total}, published ${real.total}`);
  if (!sameRecord(figures.areas, real.areas, partial))
    problems.push(`${key}: areas ${JSON.stringify(figures.areas)}, published ${JSON.stringify(real.areas)}`);
  if (!sameRecord(figures.subareas, real.subareas, partial)) problems.push(`${key}: sub-areas differ from the published ones`);
  const source = result.source?.trim() ?? "";
  if (!source) problems.push(`${key}: no source`);
  else
    for (const mention of real.sourceMentions) if (!source.includes(mention)) problems.push(`${key}: the source does not name ${mention}`);
  return problems;
}

/**
 * Results of real municipalities whose figures or source are not the real ones: [] as it must be.
 * Fictional municipalities (fictional.ts) may hold anything.
 */
export async function inventedFigures(db: Db): Promise<string[]> {
  const all = await findResults(db);
  return all.filter((result) => realMunicipalityCodes.has(result.municipalityCode)).flatMap((result) => problemsOfRealResult(result));
}

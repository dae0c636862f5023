// The mixed workload's requests (bench/mixed.ts), all drawn with seeded PRNGs (mulberry32):
// popular public pages that the page cache keeps, filtered rankings and searches that each
// name a combination not asked for before (every one misses the cache, as a crawler walking the
// filters does), signed-in workspace pages and published report downloads.
import { readFileSync } from "node:fs";
import { evaluationPath, municipalityPath } from "../src/domain/paths.ts";
import { prng } from "./data.ts";
import { benchMunicipalities } from "./data.ts";
import type { BenchEvaluation } from "./evaluations.ts";
import { QUERY_FILTERS, QUERY_TEXTS } from "./search-data.ts";

/** Shares of the requests, in per mille: 90 % cached pages, 8 % uncached, 2 % signed-in, 0.2 % PDFs. */
export const MIX = { cached: 898, rankings: 50, search: 30, workspace: 20, pdf: 2 } as const;
export type ClassName = keyof typeof MIX;
export const CLASS_NAMES = Object.keys(MIX) as ClassName[];

/** The order of the classes, request by request: each drawn with its share. */
export function classSequence(seed: number, length = 1 << 20): Uint8Array {
  const random = prng(seed);
  const total = CLASS_NAMES.reduce((sum, name) => sum + MIX[name], 0);
  const sequence = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    let draw = random() * total;
    let index = 0;
    while (draw >= MIX[CLASS_NAMES[index]!]) draw -= MIX[CLASS_NAMES[index++]!];
    sequence[i] = index;
  }
  return sequence;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * The public pages a press-release spike asks for, repeated by popularity: the start page and
 * the rankings most, then municipality pages (all 290 fictional ones), evaluation pages and the
 * rest. Candidates: bench/mixed.ts drops those that do not answer 200.
 */
export function cachedCandidates(published: BenchEvaluation[]): { path: string; weight: number }[] {
  const towns = benchMunicipalities();
  return [
    { path: "/", weight: 200 },
    { path: "/rankning", weight: 150 },
    ...["2010", "2016", "2020"].map((instrument) => ({ path: `/rankning?instrument=${instrument}`, weight: 30 })),
    ...towns.map((m) => ({ path: municipalityPath(m.code, m.name), weight: 1 })),
    // Evaluation pages: 60 of the imported results (2012, the 2010 version) and the published evaluations.
    ...towns.slice(0, 60).map((m) => ({ path: evaluationPath(m.code, m.name, 2012), weight: 1 })),
    ...published.map((e) => ({ path: e.publicPath, weight: 3 })),
    ...published.map((e) => ({ path: municipalityPath(e.municipality.code, e.municipality.name), weight: 2 })),
    ...["/kommuner", "/resultat", "/om", "/oppna-data", "/utveckling"].map((path) => ({ path, weight: 10 })),
  ];
}

/** A list in which each path appears as often as its weight, shuffled: cycled over by the load. */
export function weightedList(pages: { path: string; weight: number }[], seed: number): string[] {
  return shuffle(
    pages.flatMap(({ path, weight }) => Array.from({ length: weight }, () => path)),
    prng(seed),
  );
}

/** The versions and the years each has results for in bench/data.ts. */
const VERSIONS = [
  { key: "2010", from: 2010, to: 2015 },
  { key: "2016", from: 2016, to: 2019 },
  { key: "2020", from: 2020, to: 2026 },
  { key: "bench-a", from: 1990, to: 2009 },
  { key: "bench-b", from: 2027, to: 2046 },
];

/** Draws until `count` unique queries are made (or the draws stop finding new ones). */
function unique(count: number, draw: () => string): string[] {
  const seen = new Set<string>();
  for (let misses = 0; seen.size < count && misses < 100_000; ) {
    const query = draw();
    if (seen.has(query)) misses++;
    else seen.add(query);
  }
  return [...seen];
}

/** `count` different filtered rankings: version × county × group × years × every result or the latest. */
export function uniqueRankings(count: number, seed: number): string[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const towns = benchMunicipalities();
  const counties = [...new Set(towns.map((m) => m.countyCode))];
  const groups = [...new Set(towns.map((m) => m.group))];
  return unique(count, () => {
    const version = pick(VERSIONS);
    const params = new URLSearchParams({ instrument: version.key });
    if (random() < 0.3) params.set("all", "true");
    if (random() < 0.6) params.set("county", pick(counties));
    if (random() < 0.5) params.set("group", pick(groups));
    const span = version.to - version.from;
    const from = version.from + Math.floor(random() * (span + 1));
    if (random() < 0.6) params.set("yearFrom", String(from));
    if (random() < 0.6) params.set("yearTo", String(from + Math.floor(random() * (version.to - from + 1))));
    return `/rankning?${params}`;
  });
}

/** Real municipality names (searching for a name shows no figure), from the reference data. */
function municipalityNames(): string[] {
  const csv = readFileSync(new URL("../reference/municipalities.csv", import.meta.url), "utf8").replace(/^\uFEFF/, "");
  return csv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(",")[1]!.trim());
}

/** `count` different searches: a topic, a municipality's name or both, with or without a filter. */
export function uniqueSearches(count: number, seed: number): string[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const names = municipalityNames();
  return unique(count, () => {
    const kind = random();
    const q = kind < 0.4 ? pick(QUERY_TEXTS) : kind < 0.7 ? pick(names) : `${pick(QUERY_TEXTS)} ${pick(names)}`;
    const params = new URLSearchParams({ q });
    for (const [key, value] of Object.entries(pick(QUERY_FILTERS))) params.set(key, String(value));
    if (random() < 0.2) params.set("sida", String(2 + Math.floor(random() * 3)));
    return `/sok?${params}`;
  });
}

/** The workspace pages of each evaluation (the frame and its tabs) and the list. */
export function workspaceCandidates(evaluations: BenchEvaluation[]): string[] {
  const tabs = ["", "/underlag", "/poang", "/samsyn", "/texter", "/logg", "/versioner", "/rapport", "/sjalvvardering", "/handlingsplan"];
  return ["/arbetsyta", ...evaluations.flatMap((e) => tabs.map((tab) => `/arbetsyta/${e.id}${tab}`))];
}

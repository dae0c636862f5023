import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Db } from "../src/db/client.server.ts";
import { addFictionalMunicipalities, type FictionalMunicipality, syntheticMunicipalities } from "../tests/support/fictional.ts";

// Deterministic synthetic data for the benchmark: 10,000 results with unique
// (municipality, instrument, year) keys, as one NDJSON text for importResults, of 290 fictional
// municipalities (never of real ones: the figures are made up).

const reference = fileURLToPath(new URL("../reference/", import.meta.url));

export const RESULT_COUNT = 10_000;
export const SEED = 20261126;

/** mulberry32: a small, fast, seeded PRNG; returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with the given PRNG (in place). */
function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const int = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/**
 * The benchmark's 290 fictional municipalities, "Syntetisk kommun 001" … with codes 9001–9290
 * (tests/support/fictional.ts), spread over counties and groups as the real 290 are. Synthetic
 * results go to these, never to a real municipality; they are added to the benchmark's
 * database only (addBenchMunicipalities), beside the real ones of the reference data.
 */
export const benchMunicipalities = (): FictionalMunicipality[] => syntheticMunicipalities(290);

/** The codes of benchMunicipalities(). */
export function municipalityCodes(): string[] {
  return benchMunicipalities().map((m) => m.code);
}

/** Adds the benchmark's fictional municipalities to a prepared database. */
export function addBenchMunicipalities(db: Db): Promise<void> {
  return addFictionalMunicipalities(db, benchMunicipalities());
}

interface SubareaDef {
  id: string;
  maxPoints: number;
}
interface InstrumentDef {
  key: string;
  name: string;
  areas: { number: number; maxPoints: number; subareas?: SubareaDef[] }[];
}

export function instrument2010(): InstrumentDef & Record<string, unknown> {
  return JSON.parse(readFileSync(`${reference}instruments/2010.json`, "utf8"));
}

/** Copies of the 2010 definition under the keys bench-a and bench-b. */
export function benchInstrumentDefinitions(): { key: string; definition: unknown }[] {
  return ["bench-a", "bench-b"].map((key) => ({
    key,
    definition: {
      ...instrument2010(),
      key,
      name: `Benchmark copy of the 2010 version (${key})`,
      description: "Synthetic instrument version for npm run bench.",
    },
  }));
}

/**
 * Year ranges per instrument. 2010/2016/2020 use their real years (290 × 17 = 4,930 slots);
 * the remaining 5,070 results go to bench-a (1990–2009) and bench-b (2027–2046), so every
 * natural key is unique and every year lies within 1990–2100.
 */
const RANGES: { instrument: string; from: number; to: number; subareas: boolean }[] = [
  { instrument: "2010", from: 2010, to: 2015, subareas: true },
  { instrument: "2016", from: 2016, to: 2019, subareas: false },
  { instrument: "2020", from: 2020, to: 2026, subareas: false },
  { instrument: "bench-a", from: 1990, to: 2009, subareas: true },
  { instrument: "bench-b", from: 2027, to: 2046, subareas: true },
];

interface Slot {
  municipality: string;
  instrument: string;
  year: number;
  subareas: boolean;
}

export type Level = "subarea" | "area" | "total";

export interface SyntheticData {
  text: string;
  counts: Record<Level, number>;
  byInstrument: Record<string, number>;
}

/** 10,000 results: 30% sub-area level (2010-shaped instruments), 50% area level, 20% total only. */
export function generateResults(codes: string[], seed = SEED, count = RESULT_COUNT): SyntheticData {
  const random = prng(seed);
  const slotsOf = (range: (typeof RANGES)[number]) =>
    codes.flatMap((municipality) =>
      Array.from({ length: range.to - range.from + 1 }, (_, i) => ({
        municipality,
        instrument: range.instrument,
        year: range.from + i,
        subareas: range.subareas,
      })),
    );
  const real = RANGES.slice(0, 3).flatMap(slotsOf);
  const extraNeeded = count - real.length;
  if (extraNeeded < 0) throw new Error(`count ${count} is below the ${real.length} real slots`);
  const half = Math.ceil(extraNeeded / 2);
  const benchA = shuffle(slotsOf(RANGES[3]!), random).slice(0, half);
  const benchB = shuffle(slotsOf(RANGES[4]!), random).slice(0, extraNeeded - half);
  if (benchA.length + benchB.length !== extraNeeded) throw new Error("not enough benchmark slots");
  const slots: Slot[] = [...real, ...benchA, ...benchB];

  // Exact shares: sub-area level only where the instrument has sub-areas (2010 and its copies).
  const subareaTarget = Math.round(count * 0.3);
  const areaTarget = Math.round(count * 0.5);
  const eligible = shuffle(
    slots.filter((slot) => slot.subareas),
    random,
  );
  const levels = new Map<Slot, Level>();
  for (const slot of eligible.slice(0, subareaTarget)) levels.set(slot, "subarea");
  const rest = shuffle(
    slots.filter((slot) => !levels.has(slot)),
    random,
  );
  for (const [i, slot] of rest.entries()) levels.set(slot, i < areaTarget ? "area" : "total");

  const definition = instrument2010();
  const counts: Record<Level, number> = { subarea: 0, area: 0, total: 0 };
  const byInstrument: Record<string, number> = {};
  const lines: string[] = [];
  for (const slot of shuffle(slots, random)) {
    const level = levels.get(slot)!;
    counts[level] += 1;
    byInstrument[slot.instrument] = (byInstrument[slot.instrument] ?? 0) + 1;
    const document: Record<string, unknown> = { municipality: slot.municipality, instrument: slot.instrument, year: slot.year };
    if (random() < 0.5)
      document.date = `${slot.year}-${String(int(random, 1, 12)).padStart(2, "0")}-${String(int(random, 1, 28)).padStart(2, "0")}`;
    if (level === "subarea") {
      const subareas: Record<string, number> = {};
      for (const area of definition.areas)
        for (const sub of area.subareas ?? []) subareas[sub.id] = int(random, 0, sub.maxPoints * 100) / 100;
      document.subareas = subareas;
    } else if (level === "area") {
      const areas: Record<string, number> = {};
      for (let n = 1; n <= 8; n++) areas[String(n)] = random() < 0.5 ? int(random, 0, 100) : int(random, 0, 1000) / 10;
      document.areas = areas;
    } else {
      document.total = int(random, 0, 800);
    }
    document.source = `Synthetic benchmark data (seed ${seed})`;
    lines.push(JSON.stringify(document));
  }
  return { text: `${lines.join("\n")}\n`, counts, byInstrument };
}

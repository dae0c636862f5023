import { readFileSync } from "node:fs";
import { parseInstrumentDefinition } from "../../src/domain/instrument-definition.ts";
import type { InstrumentVersion } from "../../src/domain/instrument.ts";
import { points } from "../../src/domain/points.ts";
import { buildReport } from "../../src/domain/report/buildReport.ts";
import type { ReportInput } from "../../src/domain/report/input.ts";
import type { ReportModel } from "../../src/domain/report/model.ts";
import { reportDocument } from "../../src/domain/report/wording.ts";

/** Örebro 2012 as printed in the seed report: the fixture's exact points and printed figures. */
export interface FixtureSubarea {
  id: string;
  question: string;
  max: number;
  exact: number;
  printed_points: number;
  printed_percent: number;
}
export interface FixtureArea {
  number: number;
  name: string;
  printed_points: number;
  printed_percent: number;
  subareas: FixtureSubarea[];
}
export interface Fixture {
  instrument: string;
  year: number;
  evaluators: string[];
  report_date: string;
  printed_total: number;
  areas: FixtureArea[];
}

const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, "utf8"));

export const fixture = readJson(new URL("../fixtures/orebro-2012.json", import.meta.url)) as Fixture;

export function loadInstrument(key: string): InstrumentVersion {
  const parsed = parseInstrumentDefinition(readJson(new URL(`../../reference/instruments/${key}.json`, import.meta.url)));
  if (!parsed.ok) throw new Error(`instrument ${key} does not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.instrument;
}

/** Table 1 of the seed report: the 2010 result as printed (its total is not the sum of its areas). */
export const PREVIOUS_2010 = { total: 515, areas: [52, 80, 66, 59, 51, 71, 55, 82] };

const demo = readJson(new URL("../../reference/demo/workspace.json", import.meta.url)) as { published: { texts: Record<string, string> } };

/** A paragraph of plausible Swedish text, so that reports have the length of real ones. */
export const FILLER =
  "Kommunen har en tydlig struktur för arbetet och följer upp det regelbundet. Utvärderarna har sett goda exempel men också delar där arbetet kan utvecklas vidare, särskilt när det gäller att följa upp effekterna av de beslut som fattas.";

export interface InputOptions {
  texts?: "demo" | "full" | "none";
  /**
   * The previous evaluation: 2010 as printed (same), none, or "other": SYNTHETIC_OTHER_VERSION,
   * an invented one with another version, for the renderers' note on it (no such result of
   * Örebro is published).
   */
  previous?: "same" | "other" | "none";
  /** How many synthetic comparison municipalities the average is of (SYNTHETIC_COMPARISON). */
  comparison?: number;
}

/**
 * Synthetic, not Örebro's: an evaluation before 2010 with another instrument version. The seeds
 * hold none (the 2012 report says only that it was Örebro's fourth), so this one is made up to
 * show how a report speaks of a previous result it cannot compare area by area.
 */
export const SYNTHETIC_OTHER_VERSION = {
  year: 2008,
  instrumentKey: "2005",
  instrumentName: "2005",
  sameInstrument: false,
  total: 450,
  maxTotal: 800,
  areas: [],
} as const;

/**
 * Synthetic: the average of earlier evaluations the report compares with, of fictional
 * municipalities ("Syntetisk kommun 1" …). The seed report draws a real average of 27 in a chart
 * but prints no figures of it.
 */
export const SYNTHETIC_COMPARISON = { 1: 55.5, 2: 70.25, 3: 63, 4: 60, 5: 58.75, 6: 64, 7: 57, 8: 71 };

/** The report input for Örebro 2012, as the reports service gathers it for the demo. */
export function orebroInput(options: InputOptions = {}): ReportInput {
  const instrument = loadInstrument("2010");
  const texts: Record<string, string> = {};
  if (options.texts !== "none") Object.assign(texts, demo.published.texts);
  if (options.texts === "full") {
    for (const area of instrument.areas) {
      for (const subarea of area.subareas) texts[`subarea.${subarea.id}`] = `${FILLER}\n\n${FILLER} ${FILLER}\n\n${FILLER}`;
      texts[`area.${area.number}.general`] = `${FILLER} ${FILLER}\n\n${FILLER}`;
    }
  }
  const previous = options.previous ?? "same";
  return {
    municipality: { code: "1880", name: "Örebro" },
    group: { grouping: "SKL:s kommungruppsindelning 2011", name: "3. Större städer" },
    instrument,
    year: fixture.year,
    draft: false,
    date: fixture.report_date,
    evaluators: ["Anders Bergenek, Halmstad kommun", "Lars Strid, SKL"],
    visitStart: "2012-11-12",
    visitEnd: "2012-11-14",
    earlierEvaluations: 3,
    interviews: { count: 6, people: 41, groups: ["politiker", "chefer", "fackliga företrädare"] },
    documentCount: 24,
    figures: {
      total: points(fixture.printed_total),
      areas: new Map(fixture.areas.map((a) => [a.number, points(a.printed_points)])),
      subareas: new Map(fixture.areas.flatMap((a) => a.subareas.map((s) => [s.id, points(s.exact)] as const))),
    },
    texts,
    goodExamples: [{ areaNumber: 1, municipality: "Stockholm", sentence: "Visar resultat per verksamhet på enhetsnivå på webben." }],
    previous:
      previous === "none"
        ? null
        : previous === "same"
          ? {
              year: 2010,
              instrumentKey: "2010",
              instrumentName: "2010",
              sameInstrument: true,
              total: PREVIOUS_2010.total,
              maxTotal: 800,
              areas: PREVIOUS_2010.areas.map((p, i) => ({ number: i + 1, points: p, derived: false })),
            }
          : { ...SYNTHETIC_OTHER_VERSION, areas: [] },
    comparison: comparison(options.comparison ?? 0),
    keyFacts: {
      population: 137121,
      populationChange: 1661,
      populationChangePeriod: "2010–2011",
      employees: 11081,
      rulingParties: "S, KD och C",
    },
  };
}

function comparison(n: number): ReportInput["comparison"] {
  const used = Array.from({ length: n }, (_, i) => ({ municipality: `Syntetisk kommun ${i + 1}`, year: 2011 }));
  return { asked: 27, areas: n > 0 ? { ...SYNTHETIC_COMPARISON } : {}, used };
}

export function orebroReport(options: InputOptions = {}): ReportModel {
  return buildReport(orebroInput(options), reportDocument);
}

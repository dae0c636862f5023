/**
 * Report models for the renderer tests, made by the real builder: Örebro 2012 as the demo
 * gathers it (tests/support/reportInput.ts), adjusted at the input and passed through
 * `buildReport`. Nothing here is typed in as the builder would format it, so the renderers are
 * tested on what they will really get.
 */
import { buildReport } from "../../src/domain/report/buildReport.ts";
import type { ReportInput } from "../../src/domain/report/input.ts";
import type { ReportModel } from "../../src/domain/report/model.ts";
import { reportDocument } from "../../src/domain/report/wording.ts";
import { orebroInput, type InputOptions } from "../support/reportInput.ts";

export interface SampleOptions {
  /** The first N areas of the instrument (1–8, default all 8); figures, previous result and texts follow. */
  areas?: number;
  /** Not yet published: "Utkast" on every page (default false, as the demo input). */
  draft?: boolean;
  /** False: no key facts entered, so the builder leaves section 5 out (default true). */
  keyFacts?: boolean;
  /** The evaluators' texts: the demo's (default), demo plus text for every sub-area, or none. */
  texts?: InputOptions["texts"];
  /** The previous evaluation: with the same version (default), another version, or none. */
  previous?: InputOptions["previous"];
  /** How many earlier evaluations the average is made of (default 3; 0 gives no average). */
  comparison?: number;
  /** Puts characters that must be escaped into texts of area 1, the summary and the instrument. */
  tricky?: boolean;
  /** Last changes to the input before it is built (texts left out, a figure marked derived …). */
  edit?: (input: ReportInput) => void;
}

/** The tricky texts, as entered; every renderer must print them escaped, never as markup. */
export const TRICKY = {
  /** A paragraph added to the evaluators' summary. */
  summary: `Örebro & grannarna talar om "styrning" och 'ledning' – 2 < 3 > 1.`,
  /** A rubric heading of area 1 (a table cell in every format). */
  rubric: "Information & insyn <öppen>",
  /** A strength added to area 1's list. */
  strength: "Medborgardialog <öppen> & webbsänd",
  /** A good example added to area 1. */
  example: { areaNumber: 1, municipality: "Malmö & Lund", sentence: `Bjuder in till "öppet hus" <varje vår>.` },
} as const;

/** A report model of Örebro 2012 made by `buildReport`. */
export function sampleModel(options: SampleOptions = {}): ReportModel {
  const input = orebroInput({ texts: options.texts ?? "demo", previous: options.previous ?? "same", comparison: options.comparison ?? 3 });
  input.draft = options.draft ?? false;
  if (options.areas !== undefined) trimAreas(input, options.areas);
  if (options.keyFacts === false) {
    input.group = null;
    input.keyFacts = { population: null, populationChange: null, populationChangePeriod: null, employees: null, rulingParties: null };
  }
  if (options.tricky) makeTricky(input);
  options.edit?.(input);
  return buildReport(input, reportDocument);
}

/**
 * Keeps the instrument's first `count` areas. The published total (615 of 800) no longer
 * applies, so it is left for the builder to derive; the previous result keeps its kept areas
 * and their sum.
 */
function trimAreas(input: ReportInput, count: number): void {
  if (!Number.isInteger(count) || count < 1 || count > input.instrument.areas.length)
    throw new Error(`areas must be 1–${input.instrument.areas.length}, not ${count}`);
  const areas = input.instrument.areas.slice(0, count);
  const kept = new Set(areas.map((a) => a.number));
  const subareas = new Set(areas.flatMap((a) => a.subareas.map((s) => s.id)));
  input.instrument = { ...input.instrument, areas };
  input.figures = {
    total: null,
    areas: new Map([...input.figures.areas].filter(([number]) => kept.has(number))),
    subareas: new Map([...input.figures.subareas].filter(([id]) => subareas.has(id))),
  };
  if (input.previous?.sameInstrument) {
    const previousAreas = input.previous.areas.filter((a) => kept.has(a.number));
    input.previous = {
      ...input.previous,
      areas: previousAreas,
      total: previousAreas.reduce((total, a) => total + a.points, 0),
      maxTotal: 100 * count,
    };
  }
  input.goodExamples = input.goodExamples.filter((g) => kept.has(g.areaNumber));
}

function makeTricky(input: ReportInput): void {
  const texts = { ...input.texts };
  const add = (key: string, text: string, separator: string) => {
    texts[key] = texts[key] ? `${texts[key]}${separator}${text}` : text;
  };
  add("summary.evaluation", TRICKY.summary, "\n\n");
  add("area.1.strengths", TRICKY.strength, "\n");
  input.texts = texts;
  const first = input.instrument.areas[0]!;
  const rubricHeadings = [TRICKY.rubric, ...first.rubricHeadings.slice(1)];
  input.instrument = { ...input.instrument, areas: [{ ...first, rubricHeadings }, ...input.instrument.areas.slice(1)] };
  input.goodExamples = [...input.goodExamples, { ...TRICKY.example }];
}

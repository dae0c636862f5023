import type { FollowupBasis, FollowupEntry } from "../cycle/followup.ts";
import type { InstrumentVersion } from "../instrument.ts";
import type { PublishedFigures } from "../result.ts";

/** An area of the municipality's previous result, as its own instrument version names it. */
export interface PreviousAreaInput {
  number: number;
  points: number;
  /** Summed from its sub-areas rather than published as such. */
  derived: boolean;
}

export interface PreviousInput {
  year: number;
  instrumentKey: string;
  instrumentName: string;
  sameInstrument: boolean;
  total: number | null;
  maxTotal: number;
  areas: PreviousAreaInput[];
}

/** The average profile of the most recent earlier evaluations with the same version. */
export interface ComparisonInput {
  /** N as asked for when the report was made. */
  asked: number;
  /** Area number → mean points, rounded half up once to one decimal by the averages service (AVERAGE_DECIMALS). */
  areas: Readonly<Record<string, number>>;
  used: { municipality: string; year: number }[];
}

/** Facts about the municipality entered on the evaluation; null where not entered. */
export interface KeyFactsInput {
  population: number | null;
  populationChange: number | null;
  populationChangePeriod: string | null;
  employees: number | null;
  rulingParties: string | null;
}

/**
 * The follow-up of the previous evaluation's improvement opportunities: frozen in the published
 * revision, as it stands in the working report.
 */
export interface FollowupInput {
  basis: FollowupBasis;
  entries: FollowupEntry[];
  /** The previous evaluation's instrument version: its areas by number, as that version names them. */
  areaNames: Readonly<Record<number, string>>;
}

/** Everything the report is made from: gathered by the reports service, used by `buildReport`. */
export interface ReportInput {
  municipality: { code: string; name: string };
  group: { grouping: string; name: string } | null;
  instrument: InstrumentVersion;
  year: number;
  /** Not (yet) published: every page says so. */
  draft: boolean;
  /** The report's date (publication, or today for a draft), ISO. */
  date: string | null;
  evaluators: string[];
  visitStart: string | null;
  visitEnd: string | null;
  /** How many results the municipality had before this one. */
  earlierEvaluations: number;
  interviews: { count: number; people: number | null; groups: string[] };
  documentCount: number;
  /** Published figures, or those the agreed points give for a draft. */
  figures: PublishedFigures;
  texts: Readonly<Record<string, string>>;
  goodExamples: { areaNumber: number; municipality: string; sentence: string }[];
  previous: PreviousInput | null;
  comparison: ComparisonInput;
  keyFacts: KeyFactsInput;
  /** Section "Sedan förra utvärderingen": absent or null when there is nothing to follow up. */
  followup?: FollowupInput | null;
}

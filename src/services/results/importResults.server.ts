import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { municipalities } from "../../db/schema.server.ts";
import { storeResults } from "../../db/repositories/results.server.ts";
import { checkFigures } from "../../domain/figures.ts";
import { assessResult, levelOf, type PublishedFigures } from "../../domain/result.ts";
import type { InstrumentVersion } from "../../domain/instrument.ts";
import { problemsFromZod, ValidationError, type Problem } from "../errors.ts";
import { getInstruments } from "../instruments/catalog.server.ts";
import { changePublicData } from "../../db/dataVersion.server.ts";
import type { FileEncoding } from "./decodeResultFile.server.ts";
import { parseResultFile, type RawRecord, type ResultFileFormat } from "./parseResultFile.server.ts";
import { resultDocumentSchema } from "./resultDocument.server.ts";

const ANALYZE_AFTER = 1000;

export type ImportResultsOptions = {
  /** The file's name, for format detection and messages. */
  name: string;
  format?: ResultFileFormat;
} & (
  | /** Text already decoded (the reference data, tests). */ { text: string }
  | /** A file as it came: its encoding is detected (UTF-8, UTF-16 with BOM, Windows-1252). */ { bytes: Uint8Array }
);

export interface ImportSummary {
  file: string;
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  /** How the file's bytes were read; absent when text was given. */
  encoding?: FileEncoding;
}

/** A validated record, ready to store. */
interface Prepared {
  location: string;
  municipalityCode: string;
  instrument: InstrumentVersion;
  year: number;
  date: string | null;
  source: string | null;
  figures: PublishedFigures;
}

/**
 * Imports a file of results all or nothing: every record is validated first and any problem
 * rejects the whole file with the record's line or index, field and reason; then all records
 * are stored in one transaction.
 */
export async function importResults(db: Db, options: ImportResultsOptions): Promise<ImportSummary> {
  const parsed = parseResultFile(options.name, "bytes" in options ? options.bytes : options.text, options.format);
  if (!parsed.ok) throw new ValidationError(`${options.name} was not imported`, parsed.problems);

  const [instruments, knownMunicipalities] = await Promise.all([
    getInstruments(db),
    // A practice municipality is made up: published figures in its name would be invented, so it is unknown here.
    db
      .select({ code: municipalities.code })
      .from(municipalities)
      .where(eq(municipalities.practice, false))
      .then((rows) => new Set(rows.map((row) => row.code))),
  ]);
  const problems: Problem[] = [];
  const prepared: Prepared[] = [];
  const seen = new Map<string, string>();
  for (const record of parsed.records) {
    const result = prepareRecord(record, instruments, knownMunicipalities);
    if ("problems" in result) {
      problems.push(...result.problems);
      continue;
    }
    const key = `${result.municipalityCode}/${result.instrument.key}/${result.year}`;
    const earlier = seen.get(key);
    if (earlier) {
      problems.push({ location: record.location, message: `the same municipality, instrument and year as ${earlier}` });
      continue;
    }
    seen.set(key, record.location);
    prepared.push(result);
  }
  if (problems.length > 0) throw new ValidationError(`${options.name} was not imported`, problems);

  const counts = await changePublicData(db, (tx) =>
    storeResults(
      tx,
      prepared.map((record) => ({
        municipalityCode: record.municipalityCode,
        instrumentKey: record.instrument.key,
        year: record.year,
        date: record.date,
        source: record.source,
        figures: record.figures,
        level: levelOf(record.figures),
        derivedTotal: assessResult(record.instrument, record.figures).derivedTotal,
      })),
    ),
  );
  // After a large import the planner's statistics are stale; without them PostgreSQL scans
  // whole point tables for one municipality's results.
  if (prepared.length >= ANALYZE_AFTER) await db.execute(sql`analyze results, result_area_points, result_subarea_points`);
  return { file: options.name, records: prepared.length, ...counts, ...(parsed.encoding ? { encoding: parsed.encoding } : {}) };
}

function prepareRecord(
  record: RawRecord,
  instruments: Map<string, InstrumentVersion>,
  knownMunicipalities: Set<string>,
): Prepared | { problems: Problem[] } {
  const { location, value } = record;
  if (value && typeof value === "object" && "__csvError" in value) {
    return { problems: [{ location, message: String((value as { __csvError: string }).__csvError) }] };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    return { problems: [{ location, message: "expected a result document (a JSON object)" }] };
  }
  const parsed = resultDocumentSchema.safeParse(value);
  if (!parsed.success) {
    return {
      problems: problemsFromZod(parsed.error.issues, { location }),
    };
  }
  const document = parsed.data;
  const problems: Problem[] = [];
  if (!knownMunicipalities.has(document.municipality)) {
    problems.push({ location, field: "municipality", message: `no municipality has the code ${document.municipality}` });
  }
  const instrument = instruments.get(document.instrument);
  if (!instrument) {
    problems.push({
      location,
      field: "instrument",
      message: `unknown instrument version "${document.instrument}"; known: ${[...instruments.keys()].join(", ")}`,
    });
  }
  if (document.date && Math.abs(Number(document.date.slice(0, 4)) - document.year) > 1) {
    problems.push({ location, field: "date", message: `the date ${document.date} is not in or next to the year ${document.year}` });
  }
  if (!instrument || problems.length > 0) return { problems };

  const figures: PublishedFigures = {
    total: document.total ?? null,
    areas: new Map(Object.entries(document.areas ?? {}).map(([key, value]) => [Number(key), value])),
    subareas: new Map(Object.entries(document.subareas ?? {})),
  };
  const figureProblems = checkFigures(instrument, figures);
  if (figureProblems.length > 0) return { problems: figureProblems.map((problem) => ({ location, ...problem })) };
  return {
    location,
    municipalityCode: document.municipality,
    instrument,
    year: document.year,
    date: document.date ?? null,
    source: document.source ?? null,
    figures,
  };
}

import { parse as parseCsv } from "csv-parse/sync";
import type { Problem } from "../errors.ts";
import { decodeResultFile, type FileEncoding } from "./decodeResultFile.server.ts";
import { jsonErrorOffset, lineOf } from "./jsonErrorOffset.server.ts";

/** One raw record of an import file and where it stood, for error messages. */
export interface RawRecord {
  location: string;
  value: unknown;
}

export type ResultFileFormat = "json" | "ndjson" | "csv";

export function formatOfFile(name: string, text: string): ResultFileFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) return "ndjson";
  if (lower.endsWith(".json")) return "json";
  // Unknown extension (or standard input): look at the content.
  const start = text.trimStart();
  if (start.startsWith("[")) return "json";
  if (start.startsWith("{")) {
    try {
      JSON.parse(text);
      return "json";
    } catch {
      return "ndjson";
    }
  }
  return "csv";
}

export type ParsedFile =
  | { ok: true; records: RawRecord[] /** How the bytes were read; absent when text was given. */; encoding?: FileEncoding }
  | { ok: false; problems: Problem[] };

/**
 * Parses an import file: its bytes (the encoding is detected, see decodeResultFile) or text
 * already decoded. Either way a leading byte order mark is not part of the content.
 */
export function parseResultFile(name: string, input: string | Uint8Array, format?: ResultFileFormat): ParsedFile {
  let text: string;
  let encoding: FileEncoding | undefined;
  if (typeof input === "string") text = input.replace(/^\uFEFF/, "");
  else {
    const decoded = decodeResultFile(input);
    if (!decoded.ok) return decoded;
    ({ text, encoding } = decoded);
  }
  const parsed = parseText(text, format ?? formatOfFile(name, text));
  return parsed.ok && encoding ? { ...parsed, encoding } : parsed;
}

function parseText(text: string, format: ResultFileFormat): ParsedFile {
  if (format === "csv") return parseCsvRecords(text);
  if (format === "ndjson") return parseNdjson(text);
  return parseJson(text);
}

function parseJson(text: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ location: jsonErrorLocation(text), message: `not valid JSON: ${(error as Error).message}` }] };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { ok: false, problems: [{ message: "the file holds an empty array: no results to import" }] };
    return { ok: true, records: value.map((item, index) => ({ location: `record ${index + 1}`, value: item })) };
  }
  return { ok: true, records: [{ location: "record 1", value }] };
}

function jsonErrorLocation(text: string): string | undefined {
  const offset = jsonErrorOffset(text);
  return offset === null ? undefined : `line ${lineOf(text, offset)}`;
}

function parseNdjson(text: string): ParsedFile {
  const records: RawRecord[] = [];
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const location = `line ${index + 1}`;
    try {
      records.push({ location, value: JSON.parse(line) });
    } catch (error) {
      problems.push({ location, message: `not valid JSON: ${(error as Error).message}` });
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  if (records.length === 0) return { ok: false, problems: [{ message: "the file is empty: no results to import" }] };
  return { ok: true, records };
}

export const CSV_COLUMNS = [
  "municipality",
  "instrument",
  "year",
  "total",
  "area1",
  "area2",
  "area3",
  "area4",
  "area5",
  "area6",
  "area7",
  "area8",
] as const;
const REQUIRED_CSV_COLUMNS = ["municipality", "instrument", "year"];
const OPTIONAL_CSV_COLUMNS = ["date", "source"];

type Separator = "," | ";" | "\t";
const SEPARATOR_NAMES: Record<Separator, string> = { ",": "commas", ";": "semicolons", "\t": "tabs" };

/**
 * The separator is the one the header line uses most, outside quotes: Swedish Excel writes ";"
 * (the comma is its decimal sign) and "Unicode-text" writes tabs; a header without any is ",".
 */
export function separatorOf(text: string): Separator {
  const counts: Record<Separator, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char in counts) counts[char as Separator]++;
  }
  const best = (Object.keys(counts) as Separator[]).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return counts[best] > 0 ? best : ",";
}

/** A figure with a decimal comma ("12,5"), as Excel writes it where the comma is the decimal sign. */
const DECIMAL_COMMA = /^\d+,\d+$/;

/**
 * CSV rows become result documents: areaN columns map to areas["N"], empty cells are left out.
 * In a file separated by ";" or tabs a figure's decimal comma becomes a point, as text (the
 * figure goes to decimal.js, never through a float); in a comma-separated file "12,5" stays
 * as written and is refused as not a decimal with a point.
 */
function parseCsvRecords(text: string): ParsedFile {
  const separator = separatorOf(text);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parseCsv(text, {
      delimiter: separator,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    return {
      ok: false,
      problems: [{ location: lines ? `line ${lines}` : undefined, message: `not valid CSV: ${(error as Error).message}` }],
    };
  }
  const rows = parsed.map((row) => row.record);
  const [header, ...body] = rows;
  if (!header) return { ok: false, problems: [{ message: "the file is empty: no results to import" }] };
  const columns = header.map((cell) => cell.toLowerCase());
  const problems: Problem[] = [];
  for (const required of REQUIRED_CSV_COLUMNS) {
    if (!columns.includes(required))
      problems.push({
        location: "line 1",
        message: `missing column "${required}" (the header was read as separated by ${SEPARATOR_NAMES[separator]}); expected the header ${CSV_COLUMNS.join(separator === "\t" ? "," : separator)}`,
      });
  }
  columns.forEach((column, index) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(column) && !OPTIONAL_CSV_COLUMNS.includes(column)) {
      problems.push({
        location: "line 1",
        field: column || `column ${index + 1}`,
        message: `unknown column; expected some of ${[...CSV_COLUMNS, ...OPTIONAL_CSV_COLUMNS].join(", ")}`,
      });
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  if (body.length === 0) return { ok: false, problems: [{ message: "the file has a header but no rows: no results to import" }] };

  const records = body.map((cells, index): RawRecord => {
    const location = `line ${parsed[index + 1]!.info.lines}`;
    if (cells.length > columns.length)
      return { location, value: { __csvError: `${cells.length} cells, the header has ${columns.length}` } };
    const document: Record<string, unknown> = {};
    const areas: Record<string, string> = {};
    columns.forEach((column, i) => {
      const cell = cells[i] ?? "";
      if (cell === "") return;
      const area = /^area(\d+)$/.exec(column);
      const figure = separator !== "," && (area || column === "total") && DECIMAL_COMMA.test(cell) ? cell.replace(",", ".") : cell;
      if (area) areas[area[1]!] = figure;
      else if (column === "total") document.total = figure;
      else if (column === "year") document.year = /^\d+$/.test(cell) ? Number(cell) : cell;
      else document[column] = cell;
    });
    if (Object.keys(areas).length > 0) document.areas = areas;
    return { location, value: document };
  });
  return { ok: true, records };
}

import { stringify } from "csv-stringify/sync";

/**
 * The characters that make a spreadsheet program (Excel, LibreOffice, Numbers, Google Sheets)
 * read a cell as a formula when it comes first: = + - @, a tab or a carriage return (OWASP's
 * list), and the full-width = + - @ that Numbers folds into them.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A number as a spreadsheet reads one: "-3", "-1.5", "-2,5" (a Swedish decimal comma), "-1e-7". */
const NUMBER = /^[+-]?\d+([.,]\d+)?([eE][+-]?\d+)?$/;

/**
 * A cell's text made safe to open in a spreadsheet: a text that a spreadsheet would run as a
 * formula gets a leading apostrophe, which the programs show as text (OWASP's advice on CSV
 * injection); a number (also a negative one) stays a number.
 */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
}

/** A value as a cell's text: nothing is empty, dates in ISO 8601, lists and objects as JSON. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * The one CSV writer of the platform (the API's tables, the audit log, every download): RFC 4180
 * with CRLF line ends and a header row (cells separated by commas, or by semicolons for Swedish
 * Excel, whose list separator is the semicolon since its decimal sign is the comma), written by csv-stringify (cells that need it are quoted),
 * and every cell defused (see defuseFormula), since published texts and imported sources are
 * written by people. Pure, so services write CSV without the API.
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[], options: { delimiter?: "," | ";" } = {}): string {
  const records = [columns, ...rows].map((row) => row.map((value) => defuseFormula(cellText(value))));
  // A line break of any kind inside a cell is quoted (csv-stringify quotes only CRLF once the
  // record delimiter is set): readers other than csv-parse take a bare LF for a new record.
  return stringify(records, { delimiter: options.delimiter ?? ",", record_delimiter: "windows", quote_record_delimiter: true, eof: true });
}

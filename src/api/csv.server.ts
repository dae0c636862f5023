import { toCsv } from "../domain/tables/csv.ts";
import type { TableCells } from "../domain/tables/table.ts";
import { DECIMAL, QUANTITY_TYPES, type ReadableTable } from "./readable.server.ts";

/** An API table as CSV: the machine names of its declared columns, then its rows. */
export function tableCsv(table: TableCells): string {
  return toCsv(
    table.columns.map((c) => c.key),
    table.rows,
  );
}

/** Excel reads a CSV as UTF-8 only when it starts with the byte order mark (else "Ã–rebro"). */
const BOM = "\uFEFF";

/**
 * A table for people as CSV: the byte order mark, the headers in their language, then the rows;
 * no title rows, so that programs read it as they read the API's. "comma" separates cells with
 * commas and writes a decimal point; "semicolon" is for Excel set to Swedish (semicolons, decimal
 * comma), which otherwise puts a whole line in one cell and reads 57.5 as a date or text.
 * Dates stay ISO text (2012-05-03), which every program reads as a date.
 */
export function readableCsv(table: ReadableTable, style: "comma" | "semicolon"): string {
  const decimal = (value: string) => (style === "semicolon" && DECIMAL.test(value) ? value.replace(".", ",") : value);
  const rows = table.rows.map((row) =>
    row.map((value, index) => (value !== null && QUANTITY_TYPES.has(table.columns[index]!.type) ? decimal(String(value)) : value)),
  );
  return (
    BOM +
    toCsv(
      table.columns.map((c) => c.header),
      rows,
      { delimiter: style === "semicolon" ? ";" : "," },
    )
  );
}

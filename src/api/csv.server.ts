import type { TableCells } from "../domain/tables/table.ts";

/** RFC 4180 CSV with a header row; cells that need it are quoted. */
export function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (value: unknown) => {
    if (value === null || value === undefined) return "";
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [columns, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** An API table as CSV: the machine names of its declared columns, then its rows. */
export function tableCsv(table: TableCells): string {
  return toCsv(
    table.columns.map((c) => c.key),
    table.rows,
  );
}

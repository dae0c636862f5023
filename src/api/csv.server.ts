import { toCsv } from "../domain/tables/csv.ts";
import type { TableCells } from "../domain/tables/table.ts";

/** An API table as CSV: the machine names of its declared columns, then its rows. */
export function tableCsv(table: TableCells): string {
  return toCsv(
    table.columns.map((c) => c.key),
    table.rows,
  );
}

import { z } from "zod";

/**
 * One table shape, declared once: its columns here and its row schema next to them (one module
 * per table in this folder). The API's CSV and Excel forms, the OpenAPI description and the
 * public pages' tables all read the same declaration, so a column is added in one place.
 * Pure: the browser imports these modules.
 */

/** What a cell holds: pages align quantities (integer, points) right; the document names it for each CSV column. */
export type ColumnType = "text" | "code" | "integer" | "year" | "points" | "date" | "boolean";

export type Cell = string | number | boolean | null;

export interface Column<Row> {
  /** The machine name: CSV and Excel header, and how pages and tests address the column. */
  key: string;
  /** The header on the public pages. */
  header: { sv: string; en: string };
  type: ColumnType;
  /**
   * The message key under which people's files name a text value of this column (`level` →
   * level.area); a value without a message is shown as it is. The API keeps the machine values.
   */
  labels?: string;
  value: (row: Row) => Cell | undefined;
}

/** What the files need to know of a column: its machine name (the API), its header for people (downloads), its type. */
export type TableColumn = Pick<Column<unknown>, "key" | "header" | "type" | "labels">;

/** A table as the files hold it: the declared columns and rows of cells. */
export interface TableCells {
  columns: readonly TableColumn[];
  rows: readonly (readonly (Cell | undefined)[])[];
}

export function tableCells<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): TableCells {
  return {
    columns: columns.map(({ key, header, type, labels }) => ({ key, header, type, ...(labels ? { labels } : {}) })),
    rows: rows.map((row) => columns.map((c) => c.value(row))),
  };
}

/** The columns of the given keys in that order (what a page shows); an unknown key is a mistake. */
export function pick<Row>(columns: readonly Column<Row>[], keys: readonly string[]): Column<Row>[] {
  return keys.map((key) => {
    const found = columns.find((c) => c.key === key);
    if (!found) throw new Error(`no column ${key}`);
    return found;
  });
}

export const isNumeric = (type: ColumnType) => type === "integer" || type === "points";

// Fields that several tables share, described once.
export const municipalityCode = z
  .string()
  .regex(/^\d{4}$/)
  .meta({ description: "Four-digit municipality code (SCB)", example: "1880" });
export const year = z.int().meta({ example: 2012 });
export const isoDate = z.iso.date().nullable().meta({ description: "Day of the evaluation (YYYY-MM-DD), when known" });
export const points = z.number().meta({ description: "Points, exact as published" });
export const instrumentKey = z.string().meta({ description: "Instrument version key", example: "2010" });

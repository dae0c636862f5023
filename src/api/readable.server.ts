import "../i18n/catalogs.server.ts";
import type { ColumnType, TableCells } from "../domain/tables/table.ts";
import { translator, type Language } from "../i18n/index.ts";

/**
 * An API table as people read it (src/api/download.server.ts writes it as Excel or CSV): the
 * declared headers in their language, yes and no in words, machine values named (level "area" →
 * "Områden"). Quantities keep the API's value as it is (a number, or exact decimal text), dates
 * their ISO text: each file writes them in its own way.
 */
export interface ReadableTable {
  /** "Kommunkompassen – rankning, 2010 års version". */
  title: string;
  /** Where the figures come from, the page, the day of the download and the licence, in one line. */
  source: string;
  /** A short name for the sheet. */
  sheet: string;
  columns: readonly { header: string; type: ColumnType }[];
  rows: readonly (readonly ReadableCell[])[];
}

export type ReadableCell = string | number | null;

/** The types whose cells are numbers in Excel (and take a decimal comma in the Swedish CSV). */
export const QUANTITY_TYPES: ReadonlySet<ColumnType> = new Set(["integer", "points", "year"]);

/** A decimal as the API writes one: "-35", "57.5". */
export const DECIMAL = /^-?\d+(\.\d+)?$/;

/** The table's header row and cells in the language, under the given title and source. */
export function readableTable(
  table: TableCells,
  language: Language,
  text: { title: string; source: string; sheet: string },
): ReadableTable {
  const t = translator(language);
  const yes = t("downloads.yes");
  const no = t("downloads.no");
  return {
    ...text,
    columns: table.columns.map((column) => ({ header: column.header[language], type: column.type })),
    rows: table.rows.map((row) =>
      table.columns.map((column, index): ReadableCell => {
        const value = row[index];
        if (value === null || value === undefined || value === "") return null;
        if (typeof value === "boolean") return value ? yes : no;
        if (typeof value === "string" && value !== "" && column.labels) return t(`${column.labels}.${value}`, { defaultValue: value });
        return value;
      }),
    ),
  };
}

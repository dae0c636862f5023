import { DeclaredTable } from "./DeclaredTable.tsx";
import { useT } from "../i18n.ts";
import type { Column } from "../../src/domain/tables/table.ts";
import { tag } from "./tableHtml.ts";
import { declaredRowsHtml, type CellFormat, type HtmlCells, type TableLayoutSpec } from "./tableLayout.ts";

/** What a row of results needs for its links, besides the declared columns' values. */
export interface ResultLinks {
  key: string;
  name: string;
  year: number;
  municipalityHref: string;
  /** Without it the year is plain text. */
  evaluationHref?: string;
  totalPublished: boolean;
}

/**
 * How a table of results is laid out: the municipality names the row (its header, pinned on a
 * phone), the total is the key column, and on a phone the version and the level of detail wait
 * behind "Visa alla kolumner"; a derived total is marked by its class (the page says what that means).
 */
function layout<R extends ResultLinks>(): Pick<TableLayoutSpec<R>, "rowHeader" | "keyColumn" | "secondary" | "classes"> {
  return {
    rowHeader: "name",
    keyColumn: "total",
    secondary: ["instrument", "level"],
    classes: (column, row) => (column.key === "total" && !row.totalPublished ? "derived" : undefined),
  };
}

/**
 * The rows of a table of results as HTML, made by the page's loader once per data version and
 * language (`htmlOnce`): the start page, /resultat and /rankning ship no JavaScript, and their
 * tables are their cost. The municipality and year are plain links with Designsystemet's class
 * (the year named with the municipality: a column of bare years says little to a screen
 * reader); the page adds whatever else in `cells`.
 */
export function resultRowsHtml<R extends ResultLinks>(
  rows: readonly R[],
  columns: readonly Column<NoInfer<R>>[],
  format: CellFormat,
  cells: HtmlCells<NoInfer<R>> = {},
): string {
  const standard: HtmlCells<R> = {
    name: (row) => tag("a", { class: "ds-link", href: row.municipalityHref }, row.name),
    year: (row) =>
      row.evaluationHref === undefined
        ? row.year
        : tag("a", { class: "ds-link", href: row.evaluationHref, "aria-label": `${row.name} ${row.year}` }, row.year),
  };
  return declaredRowsHtml<R>(rows, { ...layout<R>(), columns, cells: { ...standard, ...cells } }, format).toString();
}

/**
 * A table of results whose rows `resultRowsHtml` made, with the same columns (any rows' columns:
 * the head needs only their keys, headers and types).
 */
export function ResultTable({ rowsHtml, caption, columns }: { rowsHtml: string; caption: string; columns: readonly Column<never>[] }) {
  const { t } = useT();
  return (
    <DeclaredTable<never>
      zebra
      bodyHtml={rowsHtml}
      caption={caption}
      columns={columns}
      {...layout<never>()}
      short={{ rank: t("layout.short.rank"), total: t("layout.short.total"), change: t("layout.short.change") }}
    />
  );
}

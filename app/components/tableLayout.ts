import { isNumeric, type Column } from "../../src/domain/tables/table.ts";
import { html, tag, type Content, type Html } from "./tableHtml.ts";

/** How a page's language writes numbers and days (app/i18n.ts). */
export interface CellFormat {
  formatNumber: (value: number | null | undefined) => string;
  formatDate: (iso: string | null | undefined) => string;
}

/** What decides a declared table's cells besides the rows: one description for React and for HTML strings. */
export interface TableLayoutSpec<R> {
  columns: readonly Column<R>[];
  /** Keys of the page's own columns, after the declared ones. */
  extra?: readonly string[];
  rowHeader?: string;
  /** The column a reader came for; by default the first quantity after the row header. */
  keyColumn?: string;
  secondary?: readonly string[];
  /** Classes a page adds to a cell (such as "derived"), besides "numeric". */
  classes?: (column: Column<R>, row: R) => string | undefined;
}

export interface TableLayout<R> {
  /** A cell's classes (a header cell's without a row); undefined for none. */
  className: (column: Column<R>, row?: R) => string | undefined;
  /** A page column's classes. */
  extraClass: (key: string) => string | undefined;
}

/**
 * The classes of a declared table's cells. What every cell of a column has, head and foot
 * included, is how a phone lays the column out (app/styles/phone.css): the row header pinned,
 * the key column never hidden, secondary columns behind "Visa alla kolumner". The row headers
 * name the rows, so they are not aligned as quantities. Worked out once per column, not per cell.
 */
export function tableLayout<R>({ columns, rowHeader, keyColumn, secondary = [], classes }: TableLayoutSpec<R>): TableLayout<R> {
  const key = keyColumn ?? columns.find((c) => c.key !== rowHeader && isNumeric(c.type))?.key;
  const role = (columnKey: string) => [
    columnKey === rowHeader ? "pinned" : "",
    columnKey === key ? "key-column" : "",
    secondary.includes(columnKey) ? "secondary" : "",
  ];
  const columnClasses = new Map(
    columns.map((column) => [
      column.key,
      [isNumeric(column.type) && column.key !== rowHeader ? "numeric" : "", ...role(column.key)].filter(Boolean).join(" "),
    ]),
  );
  return {
    className: (column, row) => {
      const own = columnClasses.get(column.key) ?? "";
      const added = row ? classes?.(column, row) : undefined;
      return (added ? (own ? `${own} ${added}` : added) : own) || undefined;
    },
    extraClass: (columnKey) => role(columnKey).filter(Boolean).join(" ") || undefined,
  };
}

/** A declared cell as text: numbers and days in the page's language, the rest as the files have it. */
export function cellText<R>(column: Column<R>, row: R, format: CellFormat): string {
  const value = column.value(row);
  if (typeof value === "number" && isNumeric(column.type)) return format.formatNumber(value);
  if (typeof value === "string" && column.type === "date") return format.formatDate(value);
  return String(value ?? "");
}

/** A page's presentation of a cell as markup, by column key (links, screen-reader text). */
export type HtmlCells<R> = Partial<Record<string, (row: R) => Content>>;

/**
 * The rows of a declared table as HTML: the same elements, attributes and classes DeclaredTable
 * draws with React (it puts this string in its <tbody> or <tfoot>), for pages without JavaScript.
 */
export function declaredRowsHtml<R>(
  rows: readonly R[],
  spec: TableLayoutSpec<R> & { cells?: HtmlCells<R>; extraCells?: readonly { key: string; cell: (row: R) => Content }[]; inFoot?: boolean },
  format: CellFormat,
): Html {
  const layout = tableLayout(spec);
  const { columns, rowHeader, cells = {}, extraCells = [], inFoot = false } = spec;
  const extraClasses = extraCells.map((column) => layout.extraClass(column.key));
  const parts: Html[] = [];
  for (const row of rows) {
    const tr: Content[] = [];
    for (const column of columns) {
      const own = cells[column.key];
      const content = own ? own(row) : cellText(column, row, format);
      const className = layout.className(column, row);
      tr.push(
        column.key === rowHeader
          ? tag("th", { scope: "row", class: className }, content)
          : tag("td", { class: className }, inFoot ? tag("strong", {}, content) : content),
      );
    }
    for (const [i, column] of extraCells.entries()) tr.push(tag("td", { class: extraClasses[i] }, column.cell(row)));
    parts.push(tag("tr", {}, tr));
  }
  return html(parts);
}

import { Input, Label, Table } from "@digdir/designsystemet-react";
import { useId, type ReactNode } from "react";
import { ScrollRegion } from "./ScrollRegion.tsx";
import { useT } from "../i18n.ts";
import { cellText, tableLayout } from "./tableLayout.ts";
import type { Column } from "../../src/domain/tables/table.ts";

/** Presentation a page adds to a declared column (links, screen-reader text, a component). */
export type CellOverrides<R> = Partial<Record<string, (row: R) => ReactNode>>;

/** A column only the page shows (not in the files), after the declared ones; its header is already in the page's language. */
export interface PageColumn<R> {
  key: string;
  header: string;
  cell: (row: R) => ReactNode;
}

/**
 * A public page's table drawn from a table declaration (src/domain/tables), the same one the
 * API's CSV, Excel and OpenAPI forms follow: the columns, their order and headers (in the page's
 * language) come from there, so a page cannot drift from its download. Numbers are formatted in
 * the page's language and quantities aligned right ("numeric"); the page adds presentation:
 * `cells` and `headers` by column key, `extra` columns of its own, `rowHeader` to make one
 * column the rows' headers, and `foot` rows (totals, in bold) in the table's foot.
 *
 * On a phone (app/styles/phone.css) the row header, the column that names the row,
 * stays pinned at the left edge while the rest scrolls under it, and the `keyColumn` (the total,
 * or the value a reader came for; by default the first quantity after the row header) is never
 * hidden: the page lists `secondary` columns to hide there instead, which a checkbox under the
 * table shows again, and may give `short` headers, whose full text screen readers still hear.
 */
export function DeclaredTable<R>({
  rows = [],
  rowKey,
  caption,
  columns,
  cells = {},
  headers = {},
  extra = [],
  rowHeader,
  foot = [],
  classes,
  zebra,
  border,
  keyColumn,
  secondary = [],
  short = {},
  focusable,
  bodyHtml,
}: {
  /** Unused when the rows come as `bodyHtml`. */
  rows?: readonly R[];
  rowKey?: (row: R) => string | number;
  caption: string;
  columns: readonly Column<NoInfer<R>>[];
  cells?: CellOverrides<NoInfer<R>>;
  /** Header content by column key, given the declared header in the page's language (to make it a link, say). */
  headers?: Partial<Record<string, (text: string) => ReactNode>>;
  extra?: readonly PageColumn<NoInfer<R>>[];
  rowHeader?: string;
  foot?: readonly R[];
  /** Classes a page adds to a cell (such as "derived"), besides "numeric". */
  classes?: (column: Column<NoInfer<R>>, row: NoInfer<R>) => string | undefined;
  zebra?: boolean;
  border?: boolean;
  /** The column a reader came for; by default the first quantity after the row header. */
  keyColumn?: string;
  /** Columns (declared or extra) a phone hides until the reader asks for all columns. */
  secondary?: readonly string[];
  /** Shorter headers for a phone, by column key, in the page's language. */
  short?: Partial<Record<string, string>>;
  /**
   * A table with no link or control in it: when it scrolls sideways on a phone, keyboard users
   * reach it as a region named by its caption (WCAG 2.1.1, axe: scrollable-region-focusable).
   */
  focusable?: boolean;
  /**
   * The body's rows already made as HTML by declaredRowsHtml (app/components/tableLayout.ts) from
   * the same columns and options, on a page that ships no JavaScript; `rows` is then unused.
   */
  bodyHtml?: string;
}) {
  const tools = useT();
  const { t, language } = tools;
  const toggleId = useId();
  const { className, extraClass } = tableLayout({ columns, extra: extra.map((c) => c.key), rowHeader, keyColumn, secondary, classes });
  const head = (columnKey: string, content: ReactNode) => {
    const text = short[columnKey];
    if (text === undefined) return content;
    return (
      <>
        <span className="header-full">{content}</span>
        <span className="header-short" aria-hidden="true">
          {text}
        </span>
      </>
    );
  };
  const content = (column: Column<R>, row: R): ReactNode => {
    const own = cells[column.key];
    return own ? own(row) : cellText(column, row, tools);
  };
  // Native rows and cells: Designsystemet's Table.Row, Table.Cell and Table.HeaderCell render the
  // same elements, but through a component each, and a table of 290 rows has some 1,500 cells.
  const tableRow = (row: R, inFoot: boolean) => (
    <tr key={rowKey?.(row)}>
      {columns.map((column) =>
        column.key === rowHeader ? (
          <th key={column.key} scope="row" className={className(column, row)}>
            {content(column, row)}
          </th>
        ) : (
          <td key={column.key} className={className(column, row)}>
            {inFoot ? <strong>{content(column, row)}</strong> : content(column, row)}
          </td>
        ),
      )}
      {extra.map((column) => (
        <td key={column.key} className={extraClass(column.key)}>
          {column.cell(row)}
        </td>
      ))}
    </tr>
  );
  return (
    <ScrollRegion
      label={focusable ? caption : undefined}
      controls={
        [...columns, ...extra].some((c) => secondary.includes(c.key)) && (
          <div className="all-columns">
            <Input type="checkbox" id={toggleId} data-size="sm" />
            <Label htmlFor={toggleId} weight="regular" data-size="sm">
              {t("layout.allColumns")}
            </Label>
          </div>
        )
      }
    >
      <Table zebra={zebra} border={border}>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {columns.map((column) => (
              <Table.HeaderCell key={column.key} scope="col" className={className(column)}>
                {head(column.key, headers[column.key]?.(column.header[language]) ?? column.header[language])}
              </Table.HeaderCell>
            ))}
            {extra.map((column) => (
              <Table.HeaderCell key={column.key} scope="col" className={extraClass(column.key)}>
                {head(column.key, column.header)}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        {/* Rows made as one string (declaredRowsHtml) for a page without JavaScript: see tableHtml.ts. */}
        {bodyHtml === undefined ? (
          <tbody>{rows.map((row) => tableRow(row, false))}</tbody>
        ) : (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: made by declaredRowsHtml (tableLayout.ts), which escapes every text and attribute value.
          <tbody dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        )}
        {foot.length > 0 && <tfoot>{foot.map((row) => tableRow(row, true))}</tfoot>}
      </Table>
    </ScrollRegion>
  );
}

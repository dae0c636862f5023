import { Table } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useT } from "../i18n.ts";
import { isNumeric, type Column } from "../../src/domain/tables/table.ts";

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

/** Presentation a page adds to a declared column (links, screen-reader text, a component). */
export type CellOverrides<R> = Partial<Record<string, (row: R) => ReactNode>>;

/**
 * A table of results (start page, rankings, all results). Which columns and their headers come
 * from the table's declaration (src/domain/tables), the same one the CSV, Excel and OpenAPI forms
 * follow; this adds what a page shows: the municipality and year as links, numbers in the page's
 * language, a derived total marked by its class (the page says what that means), and whatever
 * the page gives in `cells`. Plain links with Designsystemet's class: a ranking has 580 of them,
 * and React Router's Link with asChild was a quarter of its render.
 */
export function ResultTable<R extends ResultLinks>({
  rows,
  caption,
  columns,
  cells = {},
}: {
  rows: R[];
  caption: string;
  columns: readonly Column<NoInfer<R>>[];
  cells?: CellOverrides<NoInfer<R>>;
}) {
  const { language, formatNumber } = useT();
  const standard: CellOverrides<R> = {
    name: (row) => (
      <a className="ds-link" href={row.municipalityHref}>
        {row.name}
      </a>
    ),
    // Named with the municipality: a column of bare years says little to a screen reader.
    year: (row) =>
      row.evaluationHref === undefined ? (
        row.year
      ) : (
        <a className="ds-link" href={row.evaluationHref} aria-label={`${row.name} ${row.year}`}>
          {row.year}
        </a>
      ),
  };
  const content = (column: Column<R>, row: R): ReactNode => {
    const own = cells[column.key] ?? standard[column.key];
    if (own) return own(row);
    const value = column.value(row);
    return typeof value === "number" && isNumeric(column.type) ? formatNumber(value) : String(value ?? "");
  };
  const className = (column: Column<R>, row?: R) => {
    const classes = [isNumeric(column.type) ? "numeric" : "", column.key === "total" && row && !row.totalPublished ? "derived" : ""];
    return classes.filter(Boolean).join(" ") || undefined;
  };
  return (
    <div className="table-scroll">
      <Table zebra>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {columns.map((column) => (
              <Table.HeaderCell key={column.key} scope="col" className={className(column)}>
                {column.header[language]}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.key}>
              {columns.map((column) => (
                <Table.Cell key={column.key} className={className(column, row)}>
                  {content(column, row)}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

import { Table } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useT } from "../i18n.ts";
import { ResultLinkCells } from "./ResultLinkCells.tsx";

/** What every list of results shows: the municipality and year as links, and the total. */
export interface ResultRow {
  key: string;
  name: string;
  year: number;
  municipalityHref: string;
  /** Without it the year is plain text. */
  evaluationHref?: string;
  total: number | null;
  totalPublished: boolean;
}

export interface ResultColumn<R> {
  header: string;
  numeric?: boolean;
  cell: (row: R) => ReactNode;
}

/**
 * A table of results (start page, rankings, all results): columns of its own may come before the
 * municipality (rank), between the year and the total (version, level) and after it (change).
 * A derived total is marked by its class; the page says what that means.
 */
export function ResultTable<R extends ResultRow>({
  rows,
  caption,
  before = [],
  middle = [],
  after = [],
}: {
  rows: R[];
  caption: string;
  before?: ResultColumn<R>[];
  middle?: ResultColumn<R>[];
  after?: ResultColumn<R>[];
}) {
  const { t, formatNumber } = useT();
  const header = (c: ResultColumn<R>) => (
    <Table.HeaderCell key={c.header} scope="col" className={c.numeric ? "numeric" : undefined}>
      {c.header}
    </Table.HeaderCell>
  );
  const cells = (columns: ResultColumn<R>[], row: R) =>
    columns.map((c) => (
      <Table.Cell key={c.header} className={c.numeric ? "numeric" : undefined}>
        {c.cell(row)}
      </Table.Cell>
    ));
  return (
    <div className="table-scroll">
      <Table zebra>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {before.map(header)}
            <Table.HeaderCell scope="col">{t("table.municipality")}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t("table.year")}</Table.HeaderCell>
            {middle.map(header)}
            <Table.HeaderCell scope="col" className="numeric">
              {t("table.total")}
            </Table.HeaderCell>
            {after.map(header)}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.key}>
              {cells(before, row)}
              <ResultLinkCells name={row.name} year={row.year} municipalityHref={row.municipalityHref} evaluationHref={row.evaluationHref} />
              {cells(middle, row)}
              <Table.Cell className={row.totalPublished ? "numeric" : "numeric derived"}>{formatNumber(row.total)}</Table.Cell>
              {cells(after, row)}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

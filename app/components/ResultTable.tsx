import { DeclaredTable, type CellOverrides } from "./DeclaredTable.tsx";
import { useT } from "../i18n.ts";
import type { Column } from "../../src/domain/tables/table.ts";

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

/** The columns a phone hides first. */
const SECONDARY = ["instrument", "level"];

/**
 * A table of results (start page, rankings, all results): a DeclaredTable that adds the
 * municipality and year as links and marks a derived total by its class (the page says what
 * that means); the page adds whatever else in `cells`. Plain links with Designsystemet's class:
 * a ranking has 580 of them, and React Router's Link with asChild was a quarter of its render.
 * The municipality names the row (its header, pinned on a phone) and the total is the key
 * column; on a phone the version and the level of detail wait behind "Visa alla kolumner".
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
  const { t } = useT();
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
  return (
    <DeclaredTable
      zebra
      rows={rows}
      rowKey={(row) => row.key}
      caption={caption}
      columns={columns}
      rowHeader="name"
      keyColumn="total"
      secondary={SECONDARY}
      short={{ rank: t("layout.short.rank"), total: t("layout.short.total"), change: t("layout.short.change") }}
      cells={{ ...standard, ...cells }}
      classes={(column, row) => (column.key === "total" && !row.totalPublished ? "derived" : undefined)}
    />
  );
}

import { ScrollRegion } from "./ScrollRegion.tsx";
import { Details, Table } from "@digdir/designsystemet-react";
import type { Table as TableModel } from "../../src/domain/report/model.ts";
import { useT } from "../i18n.ts";

export interface ChartFigureProps {
  /** The chart as drawn for a wide screen and for print (renderChartSvg). */
  svg: string;
  /**
   * The same chart laid out for a phone (renderNarrowChartSvg: larger text, legend below, fewer
   * ticks). Shown instead of `svg` below 600 px; the other is display:none, so a screen reader
   * meets the chart once. Without it, `svg` is shown at every width.
   */
  narrowSvg?: string;
  title: string;
  table: TableModel;
  /** The language of the table's first column where it differs from the page's (area names are Swedish). */
  categoriesLang?: string;
}

/**
 * A chart drawn on the server (inline SVG with its own title and description) and, under it,
 * its figures as a table in a disclosure that works without JavaScript.
 */
export function ChartFigure({ svg, narrowSvg, title, table, categoriesLang }: ChartFigureProps) {
  const { t } = useT();
  return (
    <figure className="chart-figure">
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG is made by our own chart renderer (src/reports/charts.server.ts), which escapes every text it draws. */}
      <div className={narrowSvg ? "chart-svg chart-svg--wide" : "chart-svg"} dangerouslySetInnerHTML={{ __html: svg }} />
      {narrowSvg && (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: made by the same renderer as `svg`.
        <div className="chart-svg chart-svg--narrow" dangerouslySetInnerHTML={{ __html: narrowSvg }} />
      )}
      <figcaption>{title}</figcaption>
      <Details className="chart-figures">
        <Details.Summary>{t("pages.evaluation.chartFigures")}</Details.Summary>
        <Details.Content>
          <ScrollRegion label={table.caption}>
            <Table border data-size="sm">
              <caption>{table.caption}</caption>
              <Table.Head>
                <Table.Row>
                  {table.columns.map((c) => (
                    <Table.HeaderCell key={c.label} scope="col" className={c.numeric ? "numeric" : undefined}>
                      {c.label}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {table.rows.map((row, r) => (
                  <Table.Row key={r}>
                    {row.cells.map((cell, i) =>
                      i === 0 && row.header ? (
                        <Table.HeaderCell key={i} scope="row" lang={categoriesLang}>
                          {cell.text}
                        </Table.HeaderCell>
                      ) : (
                        <Table.Cell key={i} className={table.columns[i]?.numeric ? "numeric" : undefined}>
                          {cell.text}
                        </Table.Cell>
                      ),
                    )}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollRegion>
        </Details.Content>
      </Details>
    </figure>
  );
}

import type { Table as TableModel } from "../../src/domain/report/model.ts";
import { ChartFigure } from "./ChartFigure.tsx";

/**
 * The trend chart drawn twice, wide and narrow (for phones), in one ChartFigure. Until
 * ChartFigure takes the narrow SVG itself (its `narrowSvg`, being added in issue 12), both go in
 * as its SVG and app/styles/trend.css shows the one that fits; then this passes `narrowSvg` and
 * those rules go.
 */
export function TrendChartFigure({ wide, narrow, title, table }: { wide: string; narrow: string; title: string; table: TableModel }) {
  const both = `<div class="trend-chart-wide">${wide}</div><div class="trend-chart-narrow">${narrow}</div>`;
  return <ChartFigure svg={both} title={title} table={table} />;
}

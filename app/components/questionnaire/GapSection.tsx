import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useId } from "react";
import type { Column } from "../../../src/domain/tables/table.ts";
import type { GapGroupView, GapView } from "../../../src/services/questionnaire/gap.server.ts";
import { useT } from "../../i18n.ts";
import { ChartFigure, type ChartFigureProps } from "../ChartFigure.tsx";
import { DeclaredTable } from "../DeclaredTable.tsx";

export interface GapFiguresProps {
  /** From getGap() or publishedGap(). */
  gap: GapView;
  /** From gapChartFigure(gap, language) (src/reports/gapChart.server.ts). */
  chart: ChartFigureProps;
}

/** One table of gap rows (areas, or sub-areas): own score, agreed points, the difference, and the max on request. */
function GapTable({ rows, caption, level }: { rows: GapGroupView[]; caption: string; level: GapGroupView["level"] }) {
  const { t, language, formatNumber } = useT();
  // The page's table is read in one language only: DeclaredTable takes the header for it.
  const header = (key: string) => ({ sv: t(key), en: t(key) });
  const label = (row: GapGroupView) =>
    level === "area"
      ? t("gap.areaLabel", { number: row.areaNumber, name: row.name })
      : t("gap.subareaLabel", { id: row.subareaId, name: row.name });
  const columns: Column<GapGroupView>[] = [
    { key: "name", header: header(level === "area" ? "gap.column.area" : "gap.column.subarea"), type: "text", value: label },
    { key: "own", header: header("gap.column.own"), type: "points", value: (r) => r.shown.own },
    { key: "agreed", header: header("gap.column.agreed"), type: "points", value: (r) => r.shown.agreed },
    { key: "difference", header: header("gap.column.difference"), type: "points", value: (r) => r.shown.difference },
    { key: "max", header: header("gap.column.max"), type: "points", value: (r) => r.max },
  ];
  const signed = (value: number) => (value > 0 ? `+${formatNumber(value)}` : formatNumber(value));
  return (
    <DeclaredTable
      rows={rows}
      rowKey={(r) => r.subareaId ?? r.areaNumber}
      caption={caption}
      columns={columns}
      rowHeader="name"
      keyColumn="difference"
      secondary={["max"]}
      short={{ own: t("gap.short.own"), agreed: t("gap.short.agreed"), difference: t("gap.short.difference") }}
      border
      cells={{
        // Area names and questions are the instrument's, in Swedish.
        name: (r) => <span lang={language === "sv" ? undefined : "sv"}>{label(r)}</span>,
        own: (r) =>
          r.shown.own === null
            ? "–"
            : r.state === "other_scale"
              ? t("gap.ownOf", { points: formatNumber(r.shown.own), max: formatNumber(r.shown.ownMax) })
              : formatNumber(r.shown.own),
        agreed: (r) => (r.shown.agreed === null ? "–" : formatNumber(r.shown.agreed)),
        difference: (r) =>
          r.state === "incomplete" ? t("gap.incomplete") : r.state === "other_scale" ? t("gap.otherScale") : signed(r.shown.difference!),
      }}
    />
  );
}

/** The gap's chart and tables (per area, and per sub-area where the version has them), with what the figures mean. */
export function GapFigures({ gap, chart }: GapFiguresProps) {
  const { t, language } = useT();
  const subareas = gap.areas.flatMap((a) => a.subareas);
  const all = [...gap.areas, ...subareas];
  const names = { municipality: gap.municipalityName, year: gap.year };
  return (
    <div className="stack gap-figures">
      <ChartFigure {...chart} categoriesLang={language === "sv" ? undefined : "sv"} />
      <GapTable rows={gap.areas} caption={t("gap.areasCaption", names)} level="area" />
      {gap.hasSubareas && <GapTable rows={subareas} caption={t("gap.subareasCaption", names)} level="subarea" />}
      <Paragraph data-size="sm">{t("gap.exactNote")}</Paragraph>
      {all.some((g) => g.state === "incomplete") && <Paragraph data-size="sm">{t("gap.incompleteNote")}</Paragraph>}
      {all.some((g) => g.state === "other_scale") && <Paragraph data-size="sm">{t("gap.otherScaleNote")}</Paragraph>}
    </div>
  );
}

export interface GapSectionProps extends GapFiguresProps {
  /** The section heading's level on the page (2 by default). */
  headingLevel?: 2 | 3;
}

/**
 * The municipality's published gap view on the public evaluation page: its own scores beside
 * the agreed points. Render it only when publishedGap() gave a gap (it is null otherwise).
 */
export function GapSection({ gap, chart, headingLevel = 2 }: GapSectionProps) {
  const { t } = useT();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="stack gap-section">
      <Heading level={headingLevel} data-size="md" id={headingId}>
        {t("gap.public.heading")}
      </Heading>
      <Paragraph>{t("gap.public.intro")}</Paragraph>
      <GapFigures gap={gap} chart={chart} />
    </section>
  );
}

import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { ChartFigure, type ChartFigureProps } from "../ChartFigure.tsx";
import { DeclaredTable } from "../DeclaredTable.tsx";
import { useT } from "../../i18n.ts";
import { ACTION_STATUSES, type AreaStatusCounts, actionAnchor } from "../../../src/domain/cycle/actions.ts";
import type { Column } from "../../../src/domain/tables/table.ts";

interface Row extends AreaStatusCounts {
  label: string;
}

/**
 * The plan at a glance: actions by area and status (the area names the row; on a phone the
 * total stays and the statuses can be shown), the overdue actions first, and progress by month.
 */
export function ActionPlanOverview({
  areas,
  total,
  overdue,
  areaNames,
  chart,
}: {
  areas: AreaStatusCounts[];
  total: AreaStatusCounts;
  overdue: { id: number; title: string; dueDate: string | null }[];
  areaNames: Record<number, string>;
  chart: ChartFigureProps | null;
}) {
  const { t, formatDate } = useT();
  const header = (key: string) => ({ sv: t(key), en: t(key) });
  const columns: Column<Row>[] = [
    { key: "area", header: header("actionPlan.overview.area"), type: "text", value: (r) => r.label },
    ...ACTION_STATUSES.map(
      (status): Column<Row> => ({
        key: status,
        header: header(`actionPlan.status.${status}`),
        type: "integer",
        value: (r) => r.counts[status],
      }),
    ),
    { key: "overdue", header: header("actionPlan.overview.overdue"), type: "integer", value: (r) => r.overdue },
    { key: "total", header: header("actionPlan.overview.all"), type: "integer", value: (r) => r.total },
  ];
  const label = (n: number | null) => (n === null ? t("actionPlan.overview.own") : `${n}. ${areaNames[n] ?? ""}`);
  const rows = areas.map((a) => ({ ...a, label: label(a.areaNumber) }));
  return (
    <section aria-labelledby="oversikt" className="stack">
      <Heading level={2} data-size="md" id="oversikt">
        {t("actionPlan.overview.title")}
      </Heading>
      {total.total === 0 ? (
        <Paragraph>{t("actionPlan.overview.empty")}</Paragraph>
      ) : (
        <>
          <DeclaredTable
            rows={rows}
            rowKey={(r) => String(r.areaNumber)}
            caption={t("actionPlan.overview.caption")}
            columns={columns}
            rowHeader="area"
            keyColumn="total"
            secondary={["planned", "cancelled"]}
            focusable
            foot={[{ ...total, label: t("actionPlan.overview.total") }]}
            zebra
          />
          <Heading level={3} data-size="sm">
            {t("actionPlan.overview.overdueTitle")}
          </Heading>
          {overdue.length === 0 ? (
            <Paragraph>{t("actionPlan.overview.noOverdue")}</Paragraph>
          ) : (
            <ul className="action-overdue">
              {overdue.map((a) => (
                <li key={a.id}>
                  <a href={`#${actionAnchor(a.id)}`}>
                    {t("actionPlan.overview.overdueItem", { title: a.title, date: formatDate(a.dueDate) })}
                  </a>
                </li>
              ))}
            </ul>
          )}
          {chart && <ChartFigure {...chart} />}
        </>
      )}
    </section>
  );
}

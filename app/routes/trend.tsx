import { ErrorSummary, Heading, Link, Paragraph } from "@digdir/designsystemet-react";
import { data } from "react-router";
import type { Route } from "./+types/trend";
import { DeclaredTable } from "../components/DeclaredTable.tsx";
import { TableDownloads } from "../components/TableDownloads.tsx";
import { ChartFigure } from "../components/ChartFigure.tsx";
import { TrendForm } from "../components/TrendForm.tsx";
import { languageFromRequest, pageTitle, useT } from "../i18n.ts";
import { kompass } from "../context.ts";
import { pick } from "../../src/domain/tables/table.ts";
import { trendColumns, trendRows, type TrendJson, type TrendRow } from "../../src/domain/tables/trend.ts";
import { keptChoices, MIN_AVERAGED, sourceAddress } from "../../src/domain/trend.ts";
import { translator } from "../../src/i18n/index.ts";
import { renderTrendChartSvg } from "../../src/reports/trendChart.server.ts";
import { ValidationError } from "../../src/services/errors.ts";
import { getTrend, getTrendChoices, trendChartOf, trendTitle } from "../../src/services/portal/trend.server.ts";

/** The API's parameter names and the page's: the page's are for people's addresses (?kommun=1880&kommun=1080&matt=2010:3). */
const FIELDS = { municipalities: "kommun", measure: "matt" } as const;

/** /utveckling?kommun=1880&kommun=1080&matt=total — a GET form; a bad choice is a 400 page that names it, with the form. */
// No interactive part: the page ships no JavaScript (see RouteHandle in app/root.tsx).
export const handle = { hydrate: false };

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = kompass(context);
  const language = languageFromRequest(request);
  const url = new URL(request.url);
  const codes = url.searchParams.getAll("kommun");
  const measure = url.searchParams.get("matt");
  const choices = await getTrendChoices(db);
  try {
    const trend = await getTrend(db, { municipalities: codes, measure });
    const chart = trendChartOf(trend, language);
    return {
      choices,
      chosen: trend.municipalities.map((m) => ({ code: m.municipality, name: m.name })),
      measure: trend.measure.key,
      trend,
      title: trendTitle(trend, language),
      chart: chart
        ? { wide: renderTrendChartSvg(chart, "wide"), narrow: renderTrendChartSvg(chart, "narrow"), title: chart.title, table: chart.table }
        : null,
      errors: {},
    };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const t = translator(language);
    const errors = Object.fromEntries(
      error.problems.map((p) => [
        FIELDS[p.field as keyof typeof FIELDS] ?? FIELDS.municipalities,
        t(`trend.problem.${p.values?.problem}`, { value: p.values?.value }),
      ]),
    ) as Partial<Record<"kommun" | "matt", string>>;
    const { chosen, measure: kept } = keptChoices(choices, codes, measure);
    return data({ choices, chosen, measure: kept, trend: null, title: null, chart: null, errors }, { status: 400 });
  }
}

export function meta({ matches }: Route.MetaArgs) {
  return [{ title: pageTitle(matches, "trend.title") }];
}

export default function TrendPage({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const { choices, chosen, measure, trend, title, chart, errors } = loaderData;
  const problems = Object.entries(errors) as [string, string][];
  return (
    <>
      <Heading level={1} data-size="xl">
        {t("trend.title")}
      </Heading>
      <Paragraph>{t("trend.intro")}</Paragraph>
      {problems.length > 0 && (
        <ErrorSummary>
          <ErrorSummary.Heading>{t("trend.errorsTitle")}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {problems.map(([field, text]) => (
              <ErrorSummary.Item key={field}>
                <ErrorSummary.Link href={`#${field}`}>{text}</ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      {/* Keyed by the choices: after a navigation the selects start from the address, not from what was picked before. */}
      <TrendForm
        key={`${chosen.map((m) => m.code).join()}|${measure}`}
        choices={choices}
        chosen={chosen}
        measure={measure}
        errors={errors}
      />
      {trend && trend.municipalities.length === 0 && <Paragraph role="status">{t("trend.chooseFirst")}</Paragraph>}
      {trend && title && trend.municipalities.length > 0 && (
        <section aria-labelledby="utvecklingen">
          <Heading level={2} data-size="md" id="utvecklingen">
            {t("trend.resultHeading")}
          </Heading>
          <Paragraph role="status">
            {trend.points.length === 0 ? t("trend.noneHaveFigures") : t("trend.count", { count: trend.points.length })}
          </Paragraph>
          {chart && <ChartFigure svg={chart.wide} narrowSvg={chart.narrow} title={chart.title} table={chart.table} />}
          <TrendNotes trend={trend} />
          {trend.points.length > 0 && <TrendTable trend={trend} title={title} />}
          <TableDownloads
            api="trend"
            query={{ municipalities: trend.municipalities.map((m) => m.municipality).join(","), measure: trend.measure.key }}
            label={t("trend.table.label")}
          />
        </section>
      )}
    </>
  );
}

/** What the chart cannot say by itself: where undated figures stand, what the periods are, what the averages hold. */
function TrendNotes({ trend }: { trend: TrendJson }) {
  const { t, formatAverage } = useT();
  const without = trend.municipalities.filter((m) => m.count === 0);
  return (
    <div className="trend-notes">
      {trend.points.length > 0 && without.map((m) => <Paragraph key={m.municipality}>{t("trend.noFigures", { name: m.name })}</Paragraph>)}
      {trend.points.length > 0 && <Paragraph>{t("trend.notes.dates")}</Paragraph>}
      {trend.points.length > 0 && <Paragraph>{t("trend.notes.periods")}</Paragraph>}
      {trend.measure.instrument === null && trend.periods.length > 1 && <Paragraph>{t("trend.notes.totals")}</Paragraph>}
      {trend.averages.map((a) => {
        const period = t("trend.version", { key: a.instrument });
        return (
          <Paragraph key={a.instrument}>
            {a.average === null
              ? t("trend.notes.tooFew", { period, count: a.count, min: MIN_AVERAGED })
              : t("trend.notes.average", { period, average: formatAverage(a.average), count: a.count })}
          </Paragraph>
        );
      })}
    </div>
  );
}

/** A source that begins with an address links it (named by its host); other sources are plain text. */
function SourceText({ source }: { source: string | null }) {
  const { t } = useT();
  if (!source) return <span className="hint">{t("trend.table.noSource")}</span>;
  const address = sourceAddress(source);
  if (!address) return <>{source}</>;
  return (
    <>
      <Link href={address.href}>{address.host}</Link>
      {address.rest}
    </>
  );
}

/** The figures with their sources: the columns of the API's table form that a reader needs. */
const pageColumns = pick(trendColumns, ["name", "year", "date", "instrument", "value", "source"]);

function TrendTable({ trend, title }: { trend: TrendJson; title: string }) {
  const { t, formatDate } = useT();
  return (
    <DeclaredTable
      rows={trendRows(trend)}
      rowKey={(r: TrendRow) => `${r.municipality}-${r.instrument}-${r.year}`}
      rowHeader="name"
      keyColumn="value"
      // On a phone: name, year and points in view; the date and version behind "Visa alla kolumner".
      secondary={["date", "instrument"]}
      caption={t("trend.table.caption", { title })}
      columns={pageColumns}
      cells={{
        // Named in full for a screen reader's list of links: several rows share a year.
        year: (r) => (
          <Link href={r.page} aria-label={t("trend.table.evaluationLink", { name: r.name, year: r.year })}>
            {r.year}
          </Link>
        ),
        date: (r) => (r.date ? formatDate(r.date) : t("trend.table.noDate")),
        source: (r) => <SourceText source={r.source} />,
      }}
      classes={(column, row) =>
        column.key === "value" && !row.published ? "derived" : column.key === "source" ? "trend-source" : undefined
      }
    />
  );
}

import { ScrollRegion } from "../components/ScrollRegion.tsx";
import { Heading, Link, List, Paragraph, Table } from "@digdir/designsystemet-react";
import { data, redirect } from "react-router";
import type { Route } from "./+types/evaluation";
import { ChartFigure } from "../components/ChartFigure.tsx";
import { EvaluationTextsSection } from "../components/EvaluationTexts.tsx";
import { FollowupSection } from "../components/followup/FollowupSection.tsx";
import { ReportDownloads } from "../components/ReportDownloads.tsx";
import { TableDownloads } from "../components/TableDownloads.tsx";
import { languageFromRequest, pageTitle, useT } from "../i18n.ts";
import { codeOfSlug, municipalitySlug } from "../../src/domain/paths.ts";
import { MIN_AVERAGED } from "../../src/domain/report/compare.ts";
import { translator } from "../../src/i18n/index.ts";
import { chartFigure } from "../../src/reports/charts.server.ts";
import { NotFoundError } from "../../src/services/errors.ts";
import { getEvaluationPage } from "../../src/services/portal/evaluationPage.server.ts";
import { kompass } from "../context.ts";
import { PublishedActionPlan } from "../components/actionPlan/PublishedActionPlan.tsx";
import { GapSection } from "../components/questionnaire/GapSection.tsx";
import { swedishDay } from "../../src/domain/cycle/actions.ts";
import { gapChartFigure } from "../../src/reports/gapChart.server.ts";
import { ACTION_PLAN_FORMAT_LIST, actionPlanFileName } from "../../src/services/actionPlan/files.server.ts";
import { publishedActionPlan } from "../../src/services/actionPlan/publish.server.ts";
import { publishedGap } from "../../src/services/questionnaire/gap.server.ts";

/** One published evaluation: /kommun/1880-orebro/2012 (and ?version=2010 in a year with two). */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const language = languageFromRequest(request);
  const t = translator(language);
  const url = new URL(request.url);
  const code = codeOfSlug(params.slug);
  const year = /^\d{4}$/.test(params.year) ? Number(params.year) : null;
  try {
    if (!code || year === null) throw new NotFoundError("evaluation", `${params.slug}/${params.year}`);
    const instrument = url.searchParams.get("version") ?? undefined;
    const page = await getEvaluationPage(kompass(context).db, code, year, { instrument, language });

    const canonical = municipalitySlug(code, page.municipality.name);
    if (params.slug !== canonical) throw redirect(`/kommun/${canonical}/${year}${url.search}`, 301);
    const db = kompass(context).db;
    const evaluationId = page.texts?.evaluationId ?? null;
    const actionPlan = evaluationId === null ? null : await publishedActionPlan(db, evaluationId, swedishDay(new Date()));
    const gap = evaluationId === null ? null : await publishedGap(db, evaluationId);
    return {
      ...page,
      profile: chartFigure(page.profile),
      // Issue 13: what the municipality chose to publish of its own cycle.
      actionPlan,
      actionPlanFiles:
        actionPlan && evaluationId !== null
          ? ACTION_PLAN_FORMAT_LIST.map((format) => {
              const fileName = actionPlanFileName(page.municipality.name, year, format);
              return { format, fileName, href: `/handlingsplan/${evaluationId}/${fileName}` };
            })
          : [],
      gap: gap ? { gap, chart: gapChartFigure(gap, language) } : null,
      // Printed instead of the report's links: paper needs the whole address.
      reportUrl: page.texts ? new URL(page.texts.reportPath, url).href : null,
    };
  } catch (error) {
    if (error instanceof NotFoundError) throw data(t("error.notFound"), { status: 404 });
    throw error;
  }
}

export function meta({ data: page, matches }: Route.MetaArgs) {
  return [
    {
      title: page
        ? pageTitle(matches, "pages.evaluation.title", { name: page.municipality.name, year: page.result.year })
        : "Kommunkompassen",
    },
  ];
}

export default function EvaluationPage({ loaderData }: Route.ComponentProps) {
  const { t, formatDate } = useT();
  const { municipality, result, areas, profile, comparedWith, averaged, others, texts, reportUrl, actionPlan, actionPlanFiles, gap } =
    loaderData;
  const name = municipality.name;
  return (
    <>
      <Paragraph>
        <Link href={municipality.path}>{name}</Link>
      </Paragraph>
      <Heading level={1} data-size="xl">
        {t("pages.evaluation.title", { name, year: result.year })}
      </Heading>
      <Paragraph>{t("pages.evaluation.lead", { instrument: result.instrument.key })}</Paragraph>
      <dl className="facts">
        <dt>{t("pages.evaluation.total")}</dt>
        <dd>
          <strong>{t("pages.evaluation.totalOf", { total: result.total.text, max: result.max.text })}</strong>
          {!result.totalPublished && <> ({t("pages.evaluation.derivedTotal")})</>}
        </dd>
        {result.date && (
          <>
            <dt>{t("pages.evaluation.published")}</dt>
            <dd>{formatDate(result.date)}</dd>
          </>
        )}
      </dl>

      {texts && (
        <section aria-labelledby="rapporten" className="print-hide">
          <Heading level={2} data-size="md" id="rapporten">
            {t("pages.evaluation.reportTitle")}
          </Heading>
          <Paragraph>
            <Link href={texts.reportPath}>{t("pages.evaluation.reportPage")}</Link>
          </Paragraph>
          <ReportDownloads links={texts.files} headingId="rapportfiler" headingLevel={3} />
        </section>
      )}

      <section aria-labelledby="omraden">
        <Heading level={2} data-size="md" id="omraden">
          {t("pages.evaluation.areasTitle")}
        </Heading>
        {/* Focusable and named: on a narrow screen the table scrolls sideways (WCAG 2.1.1). */}
        <ScrollRegion label={t("pages.evaluation.areasCaption", { name, year: result.year })}>
          <Table border className="evaluation-areas">
            <caption>{t("pages.evaluation.areasCaption", { name, year: result.year })}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t("pages.evaluation.subarea")}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t("pages.evaluation.achieved")}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t("pages.evaluation.max")}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" className="numeric">
                  {t("pages.evaluation.percent")}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            {areas.map((area) => (
              <Table.Body key={area.number}>
                <Table.Row className="area-row">
                  {/* Names and questions are the instrument's, in Swedish whatever the page's language. */}
                  <Table.HeaderCell scope="row" lang="sv">
                    {area.number}. {area.name}
                  </Table.HeaderCell>
                  <Table.Cell className={area.derived ? "numeric derived" : "numeric"}>{area.points.text}</Table.Cell>
                  <Table.Cell className="numeric">{area.max.text}</Table.Cell>
                  <Table.Cell className="numeric">{area.percent.text}</Table.Cell>
                </Table.Row>
                {area.subareas.map((s) => (
                  <Table.Row key={s.id}>
                    <Table.HeaderCell scope="row" className="subarea-cell" lang="sv">
                      {s.id} {s.question}
                    </Table.HeaderCell>
                    <Table.Cell className="numeric">{s.points.text}</Table.Cell>
                    <Table.Cell className="numeric">{s.max.text}</Table.Cell>
                    <Table.Cell className="numeric">{s.percent.text}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            ))}
            <Table.Foot>
              <Table.Row>
                <Table.HeaderCell scope="row">{t("pages.totalRow")}</Table.HeaderCell>
                <Table.Cell className="numeric">
                  <strong>{result.total.text}</strong>
                </Table.Cell>
                <Table.Cell className="numeric">{result.max.text}</Table.Cell>
                <Table.Cell />
              </Table.Row>
            </Table.Foot>
          </Table>
        </ScrollRegion>
        <TableDownloads
          api={`municipalities/${municipality.code}/results`}
          query={{ year: String(result.year), instrument: result.instrument.key }}
          label={t("pages.evaluation.tableLabel", { name, year: result.year })}
        />
        <ChartFigure {...profile} categoriesLang="sv" />
        <Paragraph data-size="sm" className="profile-comparison">
          {comparisonSentence(t, { count: comparedWith.length, averaged, list: comparedWith, instrument: result.instrument.key })}
        </Paragraph>
      </section>

      {texts ? (
        <EvaluationTextsSection texts={texts} areas={areas} reportUrl={reportUrl} />
      ) : (
        <Paragraph>{t("pages.evaluation.noTexts")}</Paragraph>
      )}
      {/* Issue 13: the team's follow-up of the previous evaluation's improvement opportunities, as published. */}
      {texts?.followup && <FollowupSection followup={texts.followup} />}
      {gap && <GapSection {...gap} />}
      <PublishedActionPlan plan={actionPlan} downloads={actionPlanFiles} />
      {result.source && (
        <Paragraph data-size="sm">
          {/* The source quotes a Swedish publication. */}
          {t("presentation.source")} <span lang="sv">{result.source}</span>
        </Paragraph>
      )}

      {others.length > 0 && (
        <nav aria-labelledby="andra" className="print-hide">
          <Heading level={2} data-size="sm" id="andra">
            {t("pages.evaluation.others", { name })}
          </Heading>
          <List.Unordered>
            {others.map((o) => (
              <List.Item key={o.path}>
                <Link href={o.path}>
                  {o.year} ({o.instrument})
                </Link>
              </List.Item>
            ))}
          </List.Unordered>
        </nav>
      )}
    </>
  );
}

/** What the profile's average is made of; or that too few (MIN_AVERAGED) or no evaluations could make one. */
function comparisonSentence(
  t: ReturnType<typeof useT>["t"],
  c: { count: number; averaged: boolean; list: string[]; instrument: string },
): string {
  const values = { count: c.count, instrument: c.instrument, list: c.list.join(", "), min: MIN_AVERAGED };
  if (c.averaged) return t("presentation.profile.averaged", values);
  return c.count > 0 ? t("presentation.profile.tooFew", values) : t("presentation.profile.none", values);
}

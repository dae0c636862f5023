import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import type { Route } from "./+types/view";
import { ReportDownloads } from "../../components/ReportDownloads.tsx";
import { ReportComparison, ReportOptions } from "../../components/ReportOptions.tsx";
import { pageTitle, useT } from "../../i18n.ts";
import { fileLinks, loadReport, reportFailure } from "../../report.server.ts";
import { REPORT_CSS, renderReportHtml } from "../../../src/reports/html.server.ts";

/** The analysis report as a web page: public once published, a draft for the team before. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  try {
    const report = await loadReport(context, params.id, new URL(request.url));
    return {
      id: report.evaluationId,
      name: report.model.cover.municipality,
      year: report.year,
      edition: report.edition,
      editions: report.editions,
      compare: report.compare,
      comparison: report.comparison,
      draft: report.model.draft,
      correcting: report.edition === "published" && report.status !== "published",
      // The report itself is Swedish (lang="sv" on its <article>), whatever the page's language.
      html: renderReportHtml(report.model, { headingBase: 2, narrowCharts: true }),
      // Sent as data: the renderer module reads font files and must stay on the server.
      css: REPORT_CSS,
      files: fileLinks(report),
    };
  } catch (error) {
    throw reportFailure(error, request);
  }
}

export function meta({ data, matches }: Route.MetaArgs) {
  return [{ title: data ? pageTitle(matches, "report.pageTitle", { name: data.name, year: data.year }) : "Kommunkompassen" }];
}

export default function ReportView({ loaderData }: Route.ComponentProps) {
  const { t } = useT();
  const r = loaderData;
  return (
    <>
      <Heading level={1} data-size="xl">
        {t("report.title", { name: r.name, year: r.year })}
      </Heading>
      <Paragraph>{t("report.intro", { name: r.name, year: r.year })}</Paragraph>
      {r.draft && <Alert data-color="warning">{t("report.draftNote")}</Alert>}
      {r.correcting && <Alert data-color="info">{t("report.correctionNote")}</Alert>}
      <ReportDownloads links={r.files} headingId="report-downloads" />
      <ReportComparison name={r.name} compare={r.compare} comparison={r.comparison} />
      <ReportOptions
        action={`/rapport/${r.id}`}
        editions={r.editions}
        edition={r.edition}
        compare={r.compare}
        chooseCompare={r.comparison.mayChoose}
      />
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own stylesheet for the report (src/reports/reportCss.server.ts), no user input. */}
      <style dangerouslySetInnerHTML={{ __html: r.css }} />
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the report's HTML renderer escapes every text it writes (tests/reports/html.test.ts). */}
      <div dangerouslySetInnerHTML={{ __html: r.html }} />
    </>
  );
}

import { data, redirect } from "react-router";
import type { Route } from "./+types/file";
import { languageFromRequest } from "../../i18n.ts";
import { loadReport, queryOf, reportFailure } from "../../report.server.ts";
import { translator } from "../../../src/i18n/index.ts";
import { PdfUnavailableError } from "../../../src/reports/pdf.server.ts";
import { isReportFormat, REPORT_FORMATS, renderReportFile, reportFileName } from "../../../src/services/reports/reportFiles.server.ts";

/** A report file: /rapport/1/kommunkompassen-orebro-2012.pdf (also .docx and .xlsx). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const format = params.file.slice(params.file.lastIndexOf(".") + 1);
  const t = translator(languageFromRequest(request));
  if (!isReportFormat(format)) throw data(t("error.notFound"), { status: 404 });
  try {
    const report = await loadReport(context, params.id, new URL(request.url));
    const fileName = reportFileName(report.model, format);
    // Old or hand-made names lead to the file under its proper name.
    if (params.file !== fileName) return redirect(`/rapport/${report.evaluationId}/${fileName}${queryOf(report)}`);
    const body = await renderReportFile(report.model, format);
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": REPORT_FORMATS[format],
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Content-Length": String(body.length),
        // Public reports may be kept by caches; drafts are the team's and change.
        "Cache-Control": report.model.draft || report.edition === "current" ? "private, no-store" : "public, max-age=300",
      },
    });
  } catch (error) {
    if (error instanceof PdfUnavailableError) {
      const message = t("report.pdfUnavailable");
      // The download button asks for the file itself and shows this text; a browser gets a page.
      if (!(request.headers.get("Accept") ?? "").includes("text/html")) {
        return new Response(message, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
      }
      throw data(message, { status: 503 });
    }
    throw reportFailure(error, request);
  }
}

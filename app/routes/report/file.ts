import { data, redirect } from "react-router";
import type { Route } from "./+types/file";
import { languageFromRequest } from "../../i18n.ts";
import { kompass } from "../../context.ts";
import { fileResponse, loadReport, queryOf, reportFailure, storedDownload } from "../../report.server.ts";
import { translator } from "../../../src/i18n/index.ts";
import { PdfBusyError, PdfUnavailableError } from "../../../src/reports/pdf.server.ts";
import { isReportFormat, renderReportFile, reportFileName } from "../../../src/services/reports/reportFiles.server.ts";
import { isStoredVariant, keepReportFile } from "../../../src/services/reports/storedFiles.server.ts";

/**
 * A report file: /rapport/1/kommunkompassen-orebro-2012.pdf (also .docx and .xlsx). A published
 * report's file comes as stored at publication; one not stored yet is made now and stored.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const format = params.file.slice(params.file.lastIndexOf(".") + 1);
  const t = translator(languageFromRequest(request));
  if (!isReportFormat(format)) throw data(t("error.notFound"), { status: 404 });
  // The page's own language for a browser, plain text for the download button's request.
  const failure = (message: string, status: number, headers: Record<string, string> = {}) => {
    if ((request.headers.get("Accept") ?? "").includes("text/html")) throw data(message, { status, headers });
    return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...headers } });
  };
  try {
    const stored = await storedDownload(context, request, params.id, params.file, format);
    if (stored) return stored;
    const report = await loadReport(context, params.id, new URL(request.url));
    const fileName = reportFileName(report.model, format);
    // Old or hand-made names lead to the file under its proper name.
    if (params.file !== fileName) return redirect(`/rapport/${report.evaluationId}/${fileName}${queryOf(report)}`);
    const body = await renderReportFile(report.model, format);
    const published = isStoredVariant(report);
    // Published before files were stored (or with Chromium missing then): kept for the next visitor.
    if (published) await keepReportFile(kompass(context).db, report, format, body);
    return fileResponse(request, body, { fileName, format, published: !report.model.draft && report.edition === "published" });
  } catch (error) {
    if (error instanceof PdfUnavailableError) return failure(t("report.pdfUnavailable"), 503);
    // Every page printing and the queue full: a burst waits its turn in the visitor's browser.
    if (error instanceof PdfBusyError) return failure(t("report.pdfBusy"), 503, { "Retry-After": String(error.retryAfterSeconds) });
    throw reportFailure(error, request);
  }
}

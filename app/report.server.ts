import { data, type RouterContextProvider } from "react-router";
import { kompass } from "./context.ts";
import { failureOf } from "./forms.tsx";
import { languageFromRequest } from "./i18n.ts";
import { translator } from "../src/i18n/index.ts";
import { ValidationError } from "../src/services/errors.ts";
import { problemText } from "./forms.tsx";
import type { EvaluationContext } from "../src/services/evaluations/evaluationContext.server.ts";
import { getReport, parseCompare, type Report, type ReportEdition } from "../src/services/reports/getReport.server.ts";
import { REPORT_FILE_FORMATS, reportFilePath } from "../src/domain/paths.ts";
import { DEFAULT_COMPARE, MAX_COMPARE, MIN_AVERAGED } from "../src/domain/report/compare.ts";
import { REPORT_FORMATS, reportFileName, type ReportFormat } from "../src/services/reports/reportFiles.server.ts";
import { STORED_COMPARE, storedReportFile } from "../src/services/reports/storedFiles.server.ts";

/** Query words of the report pages: ?version=publicerad|arbete&jamfor=27 */
const EDITION_WORDS: Record<string, ReportEdition> = { publicerad: "published", arbete: "current" };
const WORD_OF: Record<ReportEdition, string> = { published: "publicerad", current: "arbete" };

export interface ReportQuery {
  edition?: ReportEdition;
  compare?: number;
}

/** Reads the report's options from the query string; an unknown word is a 400, not a guess. */
export function reportQuery(url: URL): ReportQuery {
  const word = url.searchParams.get("version");
  const compare = url.searchParams.get("jamfor");
  const query: ReportQuery = {};
  if (word) {
    const edition = EDITION_WORDS[word];
    if (!edition) throw new ValidationError("unknown edition", [{ field: "version", message: "edition_invalid", values: { word } }]);
    query.edition = edition;
  }
  if (compare) query.compare = parseCompare(compare);
  return query;
}

export function loadReport(
  context: Readonly<RouterContextProvider>,
  id: string,
  url: URL,
  evaluation?: EvaluationContext,
): Promise<Report> {
  const { db, actor } = kompass(context);
  return getReport(db, actor, Number(id), { ...reportQuery(url), evaluation });
}

/** The query string that asks for the same report again (for links to its files). */
export function queryOf(report: Report): string {
  const params = new URLSearchParams();
  if (report.editions.length > 1) params.set("version", WORD_OF[report.edition]);
  if (report.compare !== DEFAULT_COMPARE) params.set("jamfor", String(report.compare));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export interface ReportFileLink {
  format: ReportFormat;
  href: string;
  fileName: string;
}

export function fileLinks(report: Report): ReportFileLink[] {
  return REPORT_FILE_FORMATS.map((format) => ({
    format,
    fileName: reportFileName(report.model, format),
    href: reportFilePath(report.evaluationId, reportFileName(report.model, format), queryOf(report)),
  }));
}

/** A bad query word answers 400 with what was expected; the rest as every page does. */
export function reportFailure(error: unknown, request: Request) {
  if (error instanceof Response) return error;
  if (error instanceof ValidationError) {
    const t = translator(languageFromRequest(request));
    const hint = error.problems.some((p) => p.field === "compare")
      ? ` ${t("report.compareHint", { min: MIN_AVERAGED, max: MAX_COMPARE, default: DEFAULT_COMPARE })}`
      : "";
    return data(`${error.problems.map((p) => problemText(t, p, "report")).join(" ")}${hint}`, { status: 400 });
  }
  return failureOf(error, request);
}

/**
 * A published report's stored file, when the request can only mean it: the published edition
 * (no ?version=arbete; a signed-in team member of an evaluation under correction reads the
 * working report unless they ask for ?version=publicerad), the default comparison, and the file's
 * proper name. Anything else (or a file not made yet) is null: the report is made as before.
 */
export async function storedDownload(
  context: Readonly<RouterContextProvider>,
  request: Request,
  id: string,
  file: string,
  format: ReportFormat,
): Promise<Response | null> {
  const url = new URL(request.url);
  const version = url.searchParams.get("version");
  const compare = url.searchParams.get("jamfor");
  if ((version !== null && version !== WORD_OF.published) || (compare !== null && compare !== String(STORED_COMPARE))) return null;
  const { db, actor } = kompass(context);
  const stored = await storedReportFile(db, Number(id), format);
  if (!stored || stored.fileName !== file) return null;
  if (actor !== null && stored.status !== "published" && version === null) return null;
  return fileResponse(request, stored.body, { fileName: stored.fileName, format, etag: `"${stored.sha256}"`, published: true });
}

/** A report file as a download; a published one may be kept by caches, and answers If-None-Match. */
export function fileResponse(
  request: Request,
  body: Buffer,
  file: { fileName: string; format: ReportFormat; etag?: string; published: boolean },
): Response {
  const headers = new Headers({
    "Content-Type": REPORT_FORMATS[file.format],
    "Content-Disposition": `attachment; filename="${file.fileName}"`,
    // Public reports may be kept by caches; drafts are the team's and change.
    "Cache-Control": file.published ? "public, max-age=300" : "private, no-store",
  });
  if (file.etag) {
    headers.set("ETag", file.etag);
    if (request.headers.get("If-None-Match") === file.etag) return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Length", String(body.length));
  return new Response(new Uint8Array(body), { headers });
}

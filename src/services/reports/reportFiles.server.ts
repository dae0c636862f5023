import { LRUCache } from "lru-cache";
import { createHash } from "node:crypto";
import type { REPORT_FILE_FORMATS } from "../../domain/paths.ts";
import type { ReportModel } from "../../domain/report/model.ts";
import { renderReportDocx } from "../../reports/docx.server.ts";
import { renderReportPdf } from "../../reports/pdf.server.ts";
import { renderReportXlsx } from "../../reports/xlsx.server.ts";

/** The media type of each of REPORT_FILE_FORMATS. */
export const REPORT_FORMATS: Record<(typeof REPORT_FILE_FORMATS)[number], string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export type ReportFormat = keyof typeof REPORT_FORMATS;

export const isReportFormat = (value: string): value is ReportFormat => Object.hasOwn(REPORT_FORMATS, value);

export const reportFileName = (model: ReportModel, format: ReportFormat) => `${model.fileStem}.${format}`;

const renderers: Record<ReportFormat, (model: ReportModel) => Promise<Buffer>> = {
  pdf: renderReportPdf,
  docx: renderReportDocx,
  xlsx: renderReportXlsx,
};

/**
 * Recently made files, by the model they were made from: the same model gives the same file,
 * so a published report is made once, and a draft again as soon as anything in it changes.
 * Concurrent requests for one file share its making; a failure (such as a missing browser) is
 * not kept, so the next request tries again.
 */
const files = new LRUCache<string, Buffer, { model: ReportModel; format: ReportFormat }>({
  max: 24,
  fetchMethod: (_key, _stale, { context }) => renderers[context.format](context.model),
});

export async function renderReportFile(model: ReportModel, format: ReportFormat): Promise<Buffer> {
  const key = `${format}:${createHash("sha256").update(JSON.stringify(model)).digest("hex")}`;
  return (await files.fetch(key, { context: { model, format } }))!;
}

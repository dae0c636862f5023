import { Packer } from "docx";
import type { ReportModel } from "../domain/report/model.ts";
import { renderChartPng } from "./charts.server.ts";
import { buildReportDocument } from "./docx/document.server.ts";

/**
 * The analysis report as a Word document (.docx). The layout lives in ./docx/; this file only
 * joins it to the chart renderer and packs the result.
 */
export async function renderReportDocx(model: ReportModel): Promise<Buffer> {
  return Packer.toBuffer(buildReportDocument(model, renderChartPng));
}

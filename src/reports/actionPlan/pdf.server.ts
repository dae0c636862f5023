import type { ActionPlanModel } from "../../domain/cycle/actionPlanModel.ts";
import { renderHtmlPdf } from "../pdf.server.ts";
import { renderActionPlanDocument } from "./html.server.ts";

/** The action plan as a tagged A4 PDF, printed by the report's Chromium from its HTML document. */
export function renderActionPlanPdf(model: ActionPlanModel): Promise<Buffer> {
  return renderHtmlPdf(renderActionPlanDocument(model), { pageLabel: model.page, pageOfLabel: model.pageOf });
}

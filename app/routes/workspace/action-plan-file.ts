import { data, redirect } from "react-router";
import type { Route } from "./+types/action-plan-file";
import { languageFromRequest } from "../../i18n.ts";
import { forEvaluation } from "../../workspace.server.ts";
import { swedishDay } from "../../../src/domain/cycle/actions.ts";
import { translator } from "../../../src/i18n/index.ts";
import { PdfUnavailableError } from "../../../src/reports/pdf.server.ts";
import { actionPlanFile } from "../../../src/services/actionPlan/files.server.ts";

/** The action plan as a file: /arbetsyta/1/handlingsplan/handlingsplan-orebro-2012.xlsx (also .docx and .pdf), in the page's language. */
export function loader({ request, params, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, async ({ db, actor, evaluationId }) => {
    const language = languageFromRequest(request);
    const format = params.file.slice(params.file.lastIndexOf(".") + 1);
    try {
      const file = await actionPlanFile(db, actor, evaluationId, format, { language, today: swedishDay(new Date()) });
      // Old or hand-made names lead to the file under its proper name.
      if (params.file !== file.fileName) return redirect(`/arbetsyta/${evaluationId}/handlingsplan/${file.fileName}`);
      const body = await file.render();
      return new Response(new Uint8Array(body), {
        headers: {
          "Content-Type": file.mediaType,
          "Content-Disposition": `attachment; filename="${file.fileName}"`,
          "Content-Length": String(body.length),
          // The plan changes as the municipality works on it: never kept.
          "Cache-Control": "private, no-store",
        },
      });
    } catch (error) {
      if (!(error instanceof PdfUnavailableError)) throw error;
      throw data(translator(language)("report.pdfUnavailable"), { status: 503 });
    }
  });
}

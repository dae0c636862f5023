import { data, redirect } from "react-router";
import { languageFromRequest } from "./i18n.ts";
import type { Db } from "../src/db/client.server.ts";
import { swedishDay } from "../src/domain/cycle/actions.ts";
import type { Actor } from "../src/domain/workflow.ts";
import { translator } from "../src/i18n/index.ts";
import { PdfUnavailableError } from "../src/reports/pdf.server.ts";
import { actionPlanFile } from "../src/services/actionPlan/files.server.ts";

/**
 * An action plan's file as an attachment, for the workspace (/arbetsyta/1/handlingsplan/…) and
 * the public page (/handlingsplan/1/…, published plans only): the model in the page's language,
 * the old or hand-made name redirected to the proper one under `base`.
 */
export async function actionPlanFileResponse(
  db: Db,
  actor: Actor,
  evaluationId: number,
  requested: string,
  request: Request,
  base: string,
  cacheControl: string,
): Promise<Response> {
  const language = languageFromRequest(request);
  const format = requested.slice(requested.lastIndexOf(".") + 1);
  try {
    const file = await actionPlanFile(db, actor, evaluationId, format, { language, today: swedishDay(new Date()) });
    if (requested !== file.fileName) throw redirect(`${base}/${file.fileName}`);
    const body = await file.render();
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": file.mediaType,
        "Content-Disposition": `attachment; filename="${file.fileName}"`,
        "Content-Length": String(body.length),
        "Cache-Control": cacheControl,
      },
    });
  } catch (error) {
    if (!(error instanceof PdfUnavailableError)) throw error;
    throw data(translator(language)("report.pdfUnavailable"), { status: 503 });
  }
}

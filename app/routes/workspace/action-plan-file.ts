import type { Route } from "./+types/action-plan-file";
import { actionPlanFileResponse } from "../../action-plan-file.server.ts";
import { forEvaluation } from "../../workspace.server.ts";

/** The action plan as a file: /arbetsyta/1/handlingsplan/handlingsplan-orebro-2012.xlsx (also .docx and .pdf), in the page's language. */
export function loader({ request, params, context }: Route.LoaderArgs) {
  return forEvaluation({ request, context }, ({ db, actor, evaluationId }) =>
    // The plan changes as the municipality works on it: never kept.
    actionPlanFileResponse(db, actor, evaluationId, params.file, request, `/arbetsyta/${evaluationId}/handlingsplan`, "private, no-store"),
  );
}

import { data } from "react-router";
import type { Route } from "./+types/action-plan-file";
import { actionPlanFileResponse } from "../action-plan-file.server.ts";
import { kompass } from "../context.ts";
import { languageFromRequest } from "../i18n.ts";
import { translator } from "../../src/i18n/index.ts";
import { NotFoundError } from "../../src/services/errors.ts";

/**
 * A published action plan's file for anyone: /handlingsplan/1/handlingsplan-orebro-2012.pdf, linked
 * from the public evaluation page. A private plan is not found, as if it did not exist.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const id = /^\d{1,9}$/.test(params.id) ? Number(params.id) : null;
  try {
    if (id === null) throw new NotFoundError("evaluation", params.id);
    // Anonymous on purpose: the public file is the published plan, whoever asks.
    return await actionPlanFileResponse(kompass(context).db, null, id, params.file, request, `/handlingsplan/${id}`, "no-cache");
  } catch (error) {
    if (error instanceof NotFoundError) throw data(translator(languageFromRequest(request))("error.notFound"), { status: 404 });
    throw error;
  }
}

import { createContext, data, type MiddlewareFunction, type RouterContextProvider } from "react-router";
import { kompass } from "./context.ts";
import { failureOf, requireActor } from "./forms.tsx";
import { languageFromRequest } from "./i18n.ts";
import type { Db } from "../src/db/client.server.ts";
import type { Actor } from "../src/domain/workflow.ts";
import { translator } from "../src/i18n/index.ts";
import { withSharedEvaluationReads } from "../src/services/evaluations/evaluationContext.server.ts";

/** What every page under /arbetsyta/:id works with: checked once, by the layout's middleware. */
export interface Workspace {
  db: Db;
  /** Signed in (an anonymous visitor was sent to sign in). */
  actor: NonNullable<Actor>;
  /** From the URL, a whole number; whether the actor may see it is the services' question (404). */
  evaluationId: number;
}

export const workspaceContext = createContext<Workspace>();

/**
 * The arbetsyta/:id layout's middleware: a visitor who is not signed in goes to the sign-in page
 * (and comes back), an id that cannot be an evaluation's is not found. The pages below read the
 * result with `context.get(workspaceContext)`. A page (GET) reads its evaluation once, whichever
 * loaders and services ask for it (withSharedEvaluationReads).
 */
export const workspaceMiddleware: MiddlewareFunction<Response> = ({ request, params, context }, next) => {
  const actor = requireActor(context, request);
  const evaluationId = Number(params.id);
  if (!/^\d{1,9}$/.test(params.id ?? "")) throw data(translator(languageFromRequest(request))("error.notFound"), { status: 404 });
  const { db } = kompass(context);
  context.set(workspaceContext, { db, actor, evaluationId });
  // A page's loaders (the frame's and its tab's, run side by side) share one load of the
  // evaluation. A form action is left alone: what it saves must show on the page that follows.
  return request.method === "GET" || request.method === "HEAD" ? withSharedEvaluationReads(db, next) : next();
};

/**
 * A workspace loader's work for the evaluation in the address: the checked values in, and the
 * services' typed errors out as the page's answer (403, 404 …), the same way on every page.
 */
export async function forEvaluation<T>(
  { request, context }: { request: Request; context: Readonly<RouterContextProvider> },
  work: (workspace: Workspace) => Promise<T>,
): Promise<T> {
  try {
    return await work(context.get(workspaceContext));
  } catch (error) {
    throw failureOf(error, request);
  }
}

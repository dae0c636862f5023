import { createContext, data } from "react-router";
import type { Route } from "./+types/download";
import { kompass } from "../context.ts";
import { languageFromRequest } from "../i18n.ts";
import { downloadTable } from "../../src/api/download.server.ts";

/** Why the file could not be made, for the loader to show as the page's error. */
const refusal = createContext<{ status: 400 | 404; message: string } | null>(null);

/**
 * /ladda-ned/rankings.xlsx?instrument=2010 (also .csv and -semikolon.csv): an open data table as
 * a file for people, in the visitor's language (src/api/download.server.ts). The middleware
 * answers with the file itself; what cannot be downloaded goes on to the loader, which makes it
 * the site's error page (404 for no such table, 400 for a filter that does not work), in the
 * layout and language of every page. A loader cannot answer with a file: a page route's loader
 * gives data, and a route without a page could not show the error page.
 */
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, context }, next) => {
    const answer = await downloadTable(kompass(context).db, new URL(request.url), languageFromRequest(request));
    if ("response" in answer) return answer.response;
    context.set(refusal, answer);
    return next();
  },
];

export function loader({ context }: Route.LoaderArgs) {
  const problem = context.get(refusal);
  throw data(problem?.message ?? "", { status: problem?.status ?? 404 });
}

/** Never shown: the loader always ends in the error page. */
export default function Download() {
  return null;
}

import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import { renderToPipeableStream, type RenderToPipeableStreamOptions } from "react-dom/server";
import { type EntryContext, type HandleErrorFunction, isRouteErrorResponse, type RouterContextProvider, ServerRouter } from "react-router";
import { contentSecurityPolicy } from "./csp.ts";
import { kompass } from "./context.ts";
import { NonceContext } from "./nonce.ts";
import { refusalPage } from "./refusalPage.ts";
import { noteDatabaseError, databaseIsDown } from "../src/db/health.server.ts";
import { logger } from "../src/logger.server.ts";

/**
 * Renders a page as React Router's default entry does, plus what the site needs: every page
 * carries a Content Security Policy whose nonce its inline scripts carry, and a page that failed
 * because the database is out of reach answers 503 (try again), not 500.
 */
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: RouterContextProvider,
) {
  const { cspNonce, db } = kompass(loadContext);
  if (responseStatusCode >= 500 && databaseIsDown(db)) {
    // Not the error page: it needs the database (the root loader) and says nothing useful.
    responseHeaders.set("Content-Type", "text/html; charset=utf-8");
    responseHeaders.set("Retry-After", "5");
    return new Response(refusalPage(request.headers.get("cookie"), "unavailable"), { status: 503, headers: responseHeaders });
  }
  // Vite's development client writes inline scripts of its own: the policy is for production.
  if (!import.meta.env.DEV) responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(cspNonce));
  if (request.method === "HEAD") return new Response(null, { status: responseStatusCode, headers: responseHeaders });

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");
    // Crawlers get the whole page at once; browsers get the shell first.
    const readyOption: keyof RenderToPipeableStreamOptions = userAgent && isbot(userAgent) ? "onAllReady" : "onShellReady";
    let timeout: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);

    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={cspNonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={cspNonce} />
      </NonceContext.Provider>,
      {
        nonce: cspNonce,
        [readyOption]() {
          shellRendered = true;
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeout);
              timeout = undefined;
              callback();
            },
          });
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          pipe(body);
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors in the shell reject above and are logged by React Router; these come later.
          if (shellRendered) logger.error({ err: error, url: request.url }, "page rendering failed");
        },
      },
    );
  });
}

/** Loader and action failures: a lost database is noted (pages answer 503 until it is back). */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // A refusal React Router answers itself (404 no such page, 405 no such action) is not a fault.
  if (request.signal.aborted || (isRouteErrorResponse(error) && error.status < 500)) return;
  if (noteDatabaseError(kompass(context as RouterContextProvider).db, error)) return;
  logger.error({ err: error, method: request.method, url: request.url }, "request failed");
};

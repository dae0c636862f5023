import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from "express";
import { writeReadableStreamToWritable } from "@react-router/node";
import { createRequestHandler, type RouterContextProvider, type ServerBuild } from "react-router";
import { nodeHeaders } from "./nodeHeaders.ts";

/**
 * Hands an Express request to React Router, as @react-router/express does, with two differences
 * that matter for safety: the body is the one boundedBody already read (so no route reads an
 * unbounded stream), and the URL's origin is the site's own, not one built from a Host header a
 * client chose (a malformed one cannot make the URL fail, nor end up in a page).
 */
export function pageHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "production" | "development";
  origin: (request: ExpressRequest) => string;
  getLoadContext: (request: ExpressRequest, response: ExpressResponse) => Promise<RouterContextProvider>;
}) {
  const handle = createRequestHandler(options.build, options.mode);
  return async (request: ExpressRequest, response: ExpressResponse, next: NextFunction) => {
    try {
      const controller = new AbortController();
      response.on("close", () => {
        if (!response.writableFinished) controller.abort();
      });
      const body = request.method === "POST" && Buffer.isBuffer(request.body) ? request.body : undefined;
      const fetchRequest = new Request(new URL(request.originalUrl, options.origin(request)), {
        method: request.method,
        headers: nodeHeaders(request),
        signal: controller.signal,
        body: request.method === "GET" || request.method === "HEAD" ? undefined : new Uint8Array(body ?? Buffer.alloc(0)),
      });
      const context = await options.getLoadContext(request, response);
      const answer = await handle(fetchRequest, context);
      await send(response, answer);
    } catch (error) {
      next(error);
    }
  };
}

async function send(response: ExpressResponse, answer: Response) {
  if (response.destroyed || response.writableEnded) {
    await answer.body?.cancel();
    return;
  }
  response.statusMessage = answer.statusText;
  response.status(answer.status);
  // Set, not appended: a page's own Content-Security-Policy replaces the fallback set before
  // (two policies would both apply, and the fallback has no nonce). Cookies are each their own.
  for (const [name, value] of answer.headers.entries()) {
    if (name === "set-cookie") response.append(name, value);
    else response.setHeader(name, value);
  }
  if (!answer.body) return void response.end();
  try {
    await writeReadableStreamToWritable(answer.body, response);
  } catch (error) {
    if (!(response.destroyed || response.writableEnded)) throw error;
  }
}

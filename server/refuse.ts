import { STATUS_CODES } from "node:http";
import type { Request, Response } from "express";
import { refusalPage, type PageReason } from "../app/refusalPage.ts";

/**
 * Every answer the server makes itself, before or instead of a page (refused request, too many
 * requests, database out of reach, unexpected error): a problem document (RFC 9457) for the API,
 * a short page in the visitor's language otherwise. `detail` is for the API; pages say it in words.
 */
export function refuse(
  request: Request,
  response: Response,
  status: number,
  reason: PageReason,
  options: { values?: Record<string, unknown>; detail?: string } = {},
): void {
  response.status(status);
  if (request.originalUrl.startsWith("/api/")) {
    const problem = {
      type: "about:blank",
      title: STATUS_CODES[status] ?? "Error",
      status,
      detail: options.detail,
      instance: request.originalUrl,
    };
    response.type("application/problem+json").send(JSON.stringify(problem));
  } else {
    response.type("text/html; charset=utf-8").send(refusalPage(request.headers.cookie, reason, options.values));
  }
}

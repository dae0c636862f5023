import type { OutgoingHttpHeaders } from "node:http";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { LRUCache } from "lru-cache";
import type { Db } from "../src/db/client.server.ts";
import { dataVersionOf } from "../src/db/dataVersion.server.ts";
import { handleApiRequest } from "../src/api/router.server.ts";
import { nodeHeaders } from "./nodeHeaders.ts";

const gzip = promisify(gzipCallback);
const COMPRESS_FROM_BYTES = 1024;

/** One answer of the API, ready to send: identity body and (for text of some size) gzip. */
interface ApiAnswer {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  gzip?: Buffer;
}

/**
 * The open data API on Express. Its answers change only with public data, so successful ones
 * are kept under the data version (with their gzip form: compressing the same ranking for every
 * request cost more than answering it) and concurrent requests for one answer share its making.
 * The key holds the Accept header, which chooses between JSON and CSV.
 */
export function apiMiddleware(db: Db) {
  const answers = new LRUCache<string, ApiAnswer, ExpressRequest>({
    max: 512,
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (answer) => Math.max(1, answer.body.length + (answer.gzip?.length ?? 0)),
    fetchMethod: (_key, _stale, { context }) => answer(db, toFetchRequest(context)),
  });

  function send(request: ExpressRequest, response: ExpressResponse, answer: ApiAnswer) {
    const zipped = answer.gzip && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    const body = zipped ? answer.gzip! : answer.body;
    response.writeHead(answer.status, {
      ...answer.headers,
      vary: "Accept, Accept-Encoding",
      "content-length": body.length,
      ...(zipped ? { "content-encoding": "gzip" } : {}),
    });
    response.end(request.method === "HEAD" ? undefined : body);
  }

  return (request: ExpressRequest, response: ExpressResponse, next: NextFunction) => {
    const version = dataVersionOf(db);
    if (version === null || (request.method !== "GET" && request.method !== "HEAD")) {
      answer(db, toFetchRequest(request)).then((made) => send(request, response, made), next);
      return;
    }
    // The host too: the OpenAPI document names the server it was asked of.
    const key = `${version} ${request.headers.host ?? ""} ${request.originalUrl} ${request.headers.accept ?? ""}`;
    // A kept answer goes out at once, without a promise: the common case of a busy API.
    const kept = answers.get(key);
    if (kept) return send(request, response, kept);
    answers.fetch(key, { context: request }).then((made) => {
      // Problems (400, 404) are answered as made but not kept: a stream of bad URLs must not fill memory.
      if (made!.status !== 200) answers.delete(key);
      send(request, response, made!);
    }, next);
  };
}

async function answer(db: Db, request: Request): Promise<ApiAnswer> {
  const reply = await handleApiRequest(db, request);
  const headers: OutgoingHttpHeaders = {};
  reply.headers.forEach((value, name) => {
    if (name !== "content-length") headers[name] = value;
  });
  const body = Buffer.from(await reply.arrayBuffer());
  // Excel and other binary answers go as they are; text of some size is also kept compressed.
  const text = /^(text\/|application\/(problem\+)?json)/.test(reply.headers.get("content-type") ?? "");
  return { status: reply.status, headers, body, gzip: text && body.length >= COMPRESS_FROM_BYTES ? await gzip(body) : undefined };
}

/** The API reads only method, URL and headers (it is read-only), so the body is not passed on. */
function toFetchRequest(request: ExpressRequest): Request {
  return new Request(`http://${request.headers.host ?? "localhost"}${request.originalUrl}`, {
    method: request.method,
    headers: nodeHeaders(request),
  });
}

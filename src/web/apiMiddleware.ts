import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import type { Db } from "../db/client.ts";
import { handleApiRequest } from "../api/router.ts";
import { nodeHeaders } from "./nodeHeaders.ts";

const gzip = promisify(gzipCallback);
const COMPRESS_FROM_BYTES = 1024;
const CACHE_ENTRIES = 64;

/**
 * The open data API on Express. It compresses on its own: the same ranking is asked for again
 * and again, and compressing it anew for every request cost more than answering it. Recently
 * sent bodies are kept compressed (the API hands out the same text while its answer holds).
 */
export function apiMiddleware(db: Db) {
  const compressed = new Map<string, Buffer>();

  async function gzipped(text: string): Promise<Buffer> {
    const hit = compressed.get(text);
    if (hit) {
      compressed.delete(text);
      compressed.set(text, hit);
      return hit;
    }
    const bytes = await gzip(text);
    compressed.set(text, bytes);
    if (compressed.size > CACHE_ENTRIES) compressed.delete(compressed.keys().next().value!);
    return bytes;
  }

  return (request: ExpressRequest, response: ExpressResponse, next: NextFunction) => {
    handleApiRequest(db, toFetchRequest(request))
      .then(async (reply) => {
        response.status(reply.status);
        reply.headers.forEach((value, name) => response.setHeader(name, value));
        response.setHeader("Vary", "Accept, Accept-Encoding");
        // Excel and other binary answers pass through as bytes; only text is cached compressed.
        const type = reply.headers.get("content-type") ?? "";
        if (!/^(text\/|application\/(problem\+)?json)/.test(type)) {
          const bytes = Buffer.from(await reply.arrayBuffer());
          return void (request.method === "HEAD" ? response.end() : response.end(bytes));
        }
        const text = await reply.text();
        if (request.method === "HEAD") return void response.end();
        if (Buffer.byteLength(text) >= COMPRESS_FROM_BYTES && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
          response.setHeader("Content-Encoding", "gzip");
          response.end(await gzipped(text));
        } else {
          response.end(text);
        }
      })
      .catch(next);
  };
}

/** The API reads only method, URL and headers (it is read-only), so the body is not passed on. */
function toFetchRequest(request: ExpressRequest): Request {
  return new Request(`http://${request.headers.host ?? "localhost"}${request.originalUrl}`, {
    method: request.method,
    headers: nodeHeaders(request),
  });
}

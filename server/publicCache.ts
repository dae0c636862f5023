import { createHash, randomBytes } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { LRUCache } from "lru-cache";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import type { Db } from "../src/db/client.server.ts";
import type { Language } from "../src/i18n/index.ts";
import { dataVersionOf } from "../src/db/dataVersion.server.ts";
import { SESSION_COOKIE_PREFIX } from "../src/auth/auth.server.ts";
import { chooseLanguage, LANGUAGE_COOKIE } from "../app/i18n.ts";
import { routerContextOf } from "../app/context.ts";
import type { RouterContextProvider } from "react-router";

const gzip = promisify(gzipCallback);

/** Renders a page: React Router's request handler. */
export type PageHandler = (request: Request, context: RouterContextProvider) => Promise<Response>;

export interface PublicCacheOptions {
  db: Db;
  handler: PageHandler;
  /** false: anonymous pages are rendered for every request and nothing is kept (for measuring). */
  store?: boolean;
}

/** One stored page: both encodings with their headers ready for writeHead. */
interface PageEntry {
  /** An answer that is not kept (redirect, error): handed to the requests that waited for it, then dropped. */
  transient?: { status: number; headers: OutgoingHttpHeaders; body: Buffer };
  status: number;
  size: number;
  etags: string[];
  identity: { headers: OutgoingHttpHeaders; body: Buffer };
  gzip?: { headers: OutgoingHttpHeaders; body: Buffer };
}

const CACHE_CONTROL = "public, no-cache";
const VARY = "Cookie, Accept-Encoding";
const COMPRESS_FROM_BYTES = 1024;
// A stored page is compressed once and sent many times: the default level. One rendered for a
// single answer (nothing kept) is compressed fast, as server/app.ts does for signed-in pages.
const STORED_GZIP_LEVEL = 6;
const ONE_OFF_GZIP_LEVEL = 3;

// Workspace, administration, sign-in and the API (own cache) are never cached, nor their .data.
const PRIVATE_PATH = /^\/(?:arbetsyta|admin|logga-in|logga-ut|losenord|sprak|api|assets)(?:[/.]|$)/;
// Report files (/rapport/:id/<file>) have their own cache; other dotted paths are static files.
const FILE_PATH = /^\/rapport\/[^/]+\/|\.(?!data$)[^/]*$/;
// better-auth's cookies are "<prefix>.session_token" (with "__Secure-" over https).
const SESSION_COOKIE = new RegExp(`(?:^|;\\s*)(?:__Secure-)?${SESSION_COOKIE_PREFIX}\\.session_`);
// Response headers the cache sets itself, or that must not be replayed to another visitor.
const DROPPED_HEADERS = new Set([
  "set-cookie",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "etag",
  "cache-control",
  "vary",
]);
// The page's own Content-Security-Policy (with the nonce of its render) is kept with it.

function isPublicPagePath(path: string): boolean {
  return !PRIVATE_PATH.test(path) && !FILE_PATH.test(path);
}

/**
 * Public pages change only when something is published, so anonymous GET/HEAD requests for them
 * are answered from memory: gzip and identity bodies, a strong ETag (If-None-Match → 304) and
 * "public, no-cache" so that browsers revalidate and a publication shows at once. Such requests
 * are rendered without a CSRF token, session or cookie of the visitor, so a stored page carries
 * nothing personal; a request with a session cookie never touches the cache.
 */
export function createPublicCache(options: PublicCacheOptions) {
  const keep = options.store ?? true;
  const origin = process.env.KOMPASS_URL || `http://localhost:${process.env.PORT ?? 3000}`;
  // Keys start with the data version the page was rendered under: after a change of public data
  // no request asks for the old keys again, and a render that began before the change can only
  // be stored under the old version. Concurrent misses share one render (lru-cache's fetch).
  const pages = new LRUCache<string, PageEntry, RenderContext>({
    max: 500,
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (entry) => Math.max(1, entry.size),
    fetchMethod: (_key, _stale, { context }) => renderEntry(context, STORED_GZIP_LEVEL),
  });

  async function render({ request, url, language }: RenderContext): Promise<Response> {
    // Only the language cookie reaches the loaders, so the key (path, query, language) is complete.
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers))
      if (typeof value === "string" && name !== "cookie" && name !== "host") headers.set(name, value);
    headers.set("cookie", `${LANGUAGE_COOKIE}=${language}`);
    // A fixed origin: the Host header is the visitor's and must not end up in a stored page.
    return options.handler(
      new Request(origin + url, { method: "GET", headers }),
      // A nonce of its own per render: the stored page and its policy header go out together.
      routerContextOf({ db: options.db, actor: null, csrfToken: "", cspNonce: randomBytes(16).toString("base64"), clientAddress: "" }),
    );
  }

  async function renderEntry(context: RenderContext, level: number): Promise<PageEntry> {
    const answer = await render(context);
    const body = Buffer.from(await answer.arrayBuffer());
    if (!storable(answer, context.url)) return transientEntry(answer, body);
    return makeEntry(answer, body, level);
  }

  // The key each page was last stored under, whatever the version: when the database is out of
  // reach, the last good copy is served (stale is better than nothing) until it is back.
  const lastStored = new LRUCache<string, string>({ max: 2000 });

  async function serve(request: ExpressRequest, response: ExpressResponse, context: RenderContext) {
    const version = keep ? dataVersionOf(options.db) : null;
    const page = `${context.language} ${context.url}`;
    // Not keeping, or the data version is not known (notifications lost): render for this request only.
    if (version === null) {
      const entry = await renderEntry(context, ONE_OFF_GZIP_LEVEL).catch(() => null);
      if (entry && entry.status < 500) return send(entry, request, response, "miss");
      return sendStale(page, entry, request, response);
    }
    const key = `${version} ${page}`;
    const stored = pages.get(key);
    if (stored) return send(stored, request, response, "hit");
    const entry = await pages.fetch(key, { context }).catch(() => null);
    if (!entry || entry.transient) pages.delete(key);
    if (entry && !entry.transient) lastStored.set(page, key);
    if (entry && entry.status < 500) return send(entry, request, response, "miss");
    sendStale(page, entry ?? null, request, response);
  }

  function sendStale(page: string, failed: PageEntry | null, request: ExpressRequest, response: ExpressResponse) {
    const previous = lastStored.get(page);
    const stale = previous === undefined ? undefined : pages.get(previous);
    if (stale) return send(stale, request, response, "stale");
    if (failed) return send(failed, request, response, "miss");
    throw new Error(`the page ${page} could not be rendered`);
  }

  function middleware(request: ExpressRequest, response: ExpressResponse, next: NextFunction) {
    if (request.method !== "GET" && request.method !== "HEAD") return next();
    const url = request.url;
    const query = url.indexOf("?");
    if (!isPublicPagePath(query < 0 ? url : url.slice(0, query))) return next();
    const cookie = request.headers.cookie ?? "";
    if (SESSION_COOKIE.test(cookie)) {
      // A signed-in visitor's page names them: no shared cache may keep it.
      response.setHeader("Cache-Control", "private, no-cache");
      response.setHeader("Vary", "Cookie");
      return next();
    }
    // The page's language as the loaders will choose it (?lang= first, then the cookie): part of
    // the key, so that a stored Swedish page is never served for ?lang=en, nor the other way round.
    const language = chooseLanguage(new URLSearchParams(query < 0 ? "" : url.slice(query + 1)), cookie);
    serve(request, response, { request, url, language }).catch(next);
  }

  return middleware;
}

interface RenderContext {
  request: IncomingMessage;
  url: string;
  language: Language;
}

function storable(answer: Response, url: string): boolean {
  if (answer.status !== 200 && answer.status !== 404) return false;
  if (answer.headers.has("set-cookie") || /no-store|private/.test(answer.headers.get("cache-control") ?? "")) return false;
  const path = url.split("?", 1)[0]!;
  return path.endsWith(".data") || (answer.headers.get("content-type") ?? "").startsWith("text/html");
}

async function makeEntry(answer: Response, body: Buffer, level: number): Promise<PageEntry> {
  const base: OutgoingHttpHeaders = {};
  answer.headers.forEach((value, name) => {
    if (!DROPPED_HEADERS.has(name)) base[name] = value;
  });
  base["cache-control"] = CACHE_CONTROL;
  base.vary = VARY;
  const hash = createHash("sha1").update(body).digest("base64url").slice(0, 22);
  const identity = { headers: { ...base, etag: `"${hash}"`, "content-length": body.length }, body };
  if (body.length < COMPRESS_FROM_BYTES) return { status: answer.status, size: body.length, etags: [`"${hash}"`], identity };
  const zipped = await gzip(body, { level });
  const gzipped = { headers: { ...base, etag: `"${hash}-gz"`, "content-encoding": "gzip", "content-length": zipped.length }, body: zipped };
  return { status: answer.status, size: body.length + zipped.length, etags: [`"${hash}"`, `"${hash}-gz"`], identity, gzip: gzipped };
}

function send(entry: PageEntry, request: IncomingMessage, response: ServerResponse, state: "hit" | "miss" | "stale") {
  if (entry.transient) {
    response.writeHead(entry.transient.status, entry.transient.headers);
    return void response.end(request.method === "HEAD" ? undefined : entry.transient.body);
  }
  const variant = entry.gzip && /\bgzip\b/.test(request.headers["accept-encoding"] ?? "") ? entry.gzip : entry.identity;
  response.setHeader("X-Cache", state);
  const conditional = request.headers["if-none-match"];
  if (conditional && matches(conditional, entry.etags)) {
    response.writeHead(304, { etag: variant.headers.etag, "cache-control": CACHE_CONTROL, vary: VARY });
    return void response.end();
  }
  response.writeHead(entry.status, variant.headers);
  response.end(request.method === "HEAD" ? undefined : variant.body);
}

/** If-None-Match compares weakly: either encoding's tag, with or without W/, or "*". */
function matches(header: string, etags: string[]): boolean {
  return header.split(",").some((part) => {
    const tag = part.trim().replace(/^W\//, "");
    return tag === "*" || etags.includes(tag);
  });
}

/**
 * An answer that is not kept (a redirect, an error) goes out as it came, to every visitor who
 * waited for the same render, but without cookies: one visitor's cookie must never reach another
 * (an anonymous render has nothing personal to set anyway).
 */
function transientEntry(answer: Response, body: Buffer): PageEntry {
  const headers: OutgoingHttpHeaders = {};
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie" && name !== "content-length" && name !== "transfer-encoding") headers[name] = value;
  });
  headers["content-length"] = body.length;
  const empty = { headers: {}, body: Buffer.alloc(0) };
  return { status: answer.status, size: body.length, etags: [], identity: empty, transient: { status: answer.status, headers, body } };
}

import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { sql } from "drizzle-orm";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import type { Db } from "../db/client.ts";
import { parseLanguage } from "../i18n/index.ts";
import { logger } from "../logger.ts";
import { onPublicDataChanged } from "../services/publicData.ts";
import { SESSION_COOKIE_PREFIX } from "../auth/auth.ts";
import { LANGUAGE_COOKIE } from "../../app/i18n.ts";
import type { KompassContext } from "./context.ts";

const gzip = promisify(gzipCallback);

/** Renders a page: React Router's request handler. */
export type PageHandler = (request: Request, context: KompassContext) => Promise<Response>;

export interface PublicCacheOptions {
  db: Db;
  handler: PageHandler;
  /** false: anonymous pages are rendered for every request and nothing is kept (for measuring). */
  store?: boolean;
  maxEntries?: number;
  maxBytes?: number;
  /** How often the data stamp is read, for publications by other processes. */
  stampIntervalMs?: number;
}

export interface PublicCache {
  middleware: (request: ExpressRequest, response: ExpressResponse, next: NextFunction) => void;
  /** Drops every page (also done on publicDataChanged() and when the data stamp moves). */
  clear(): void;
  /** Stops listening for publications (the server closed). */
  close(): void;
  readonly entries: number;
  readonly bytes: number;
}

/** One stored page: both encodings with their headers ready for writeHead. */
export interface PageEntry {
  status: number;
  size: number;
  etags: string[];
  identity: { headers: OutgoingHttpHeaders; body: Buffer };
  gzip?: { headers: OutgoingHttpHeaders; body: Buffer };
}

const CACHE_CONTROL = "public, no-cache";
const VARY = "Cookie, Accept-Encoding";
const COMPRESS_FROM_BYTES = 1024;

// Workspace, administration, sign-in and the API (own cache) are never cached, nor their .data.
const PRIVATE_PATH = /^\/(?:arbetsyta|admin|logga-in|logga-ut|losenord|sprak|api|assets)(?:[/.]|$)/;
// Report files (/rapport/:id/<file>) have their own cache; other dotted paths are static files.
const FILE_PATH = /^\/rapport\/[^/]+\/|\.(?!data$)[^/]*$/;
// better-auth's cookies are "<prefix>.session_token" (with "__Secure-" over https).
const SESSION_COOKIE = new RegExp(`(?:^|;\\s*)(?:__Secure-)?${SESSION_COOKIE_PREFIX}\\.session_`);
const LANGUAGE = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=(\\w+)`);
// Response headers the cache sets itself, or that must not be replayed to another visitor.
const DROPPED_HEADERS = new Set(["set-cookie", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "etag", "cache-control", "vary"]);

export function isPublicPagePath(path: string): boolean {
  return !PRIVATE_PATH.test(path) && !FILE_PATH.test(path);
}

/**
 * Public pages change only when something is published, so anonymous GET/HEAD requests for them
 * are answered from memory: gzip and identity bodies, a strong ETag (If-None-Match → 304) and
 * "public, no-cache" so that browsers revalidate and a publication shows at once. Such requests
 * are rendered without a CSRF token, session or cookie of the visitor, so a stored page carries
 * nothing personal; a request with a session cookie never touches the cache.
 */
export function createPublicCache(options: PublicCacheOptions): PublicCache {
  const keep = options.store ?? true;
  const pages = new PageStore(options.maxEntries ?? 500, options.maxBytes ?? 64 * 1024 * 1024);
  const inflight = new Map<string, Promise<PageEntry | null>>();
  const stamp = new DataStamp(options.db, options.stampIntervalMs ?? 1000);
  const origin = process.env.KOMPASS_URL || `http://localhost:${process.env.PORT ?? 3000}`;
  // A render that began before a change must not be stored after it.
  let generation = 0;
  const clear = () => {
    generation += 1;
    pages.clear();
    inflight.clear();
  };
  const unsubscribe = onPublicDataChanged(clear);

  async function render(request: IncomingMessage, url: string, language: string | undefined): Promise<Response> {
    // Only the language cookie reaches the loaders, so the key (path, query, language) is complete.
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers))
      if (typeof value === "string" && name !== "cookie" && name !== "host") headers.set(name, value);
    if (language) headers.set("cookie", `${LANGUAGE_COOKIE}=${language}`);
    // A fixed origin: the Host header is the visitor's and must not end up in a stored page.
    return options.handler(new Request(origin + url, { method: "GET", headers }), { db: options.db, actor: null, csrfToken: "" });
  }

  /** Renders and (if it may be) stores the page; null when the answer is not one to keep. */
  async function fill(key: string, request: IncomingMessage, url: string, language: string | undefined, response: ServerResponse) {
    const started = generation;
    const answer = await render(request, url, language);
    const body = Buffer.from(await answer.arrayBuffer());
    if (!storable(answer, url)) {
      passThrough(answer, body, request, response);
      return null;
    }
    const entry = await makeEntry(answer, body);
    if (keep && started === generation) pages.set(key, entry);
    return entry;
  }

  async function miss(key: string, request: IncomingMessage, response: ServerResponse, url: string, language: string | undefined) {
    // Concurrent misses share one render; an answer that was not kept is rendered anew by each.
    const shared = keep ? inflight.get(key) : undefined;
    const entry = shared ? await shared : null;
    if (entry) return send(entry, request, response, "hit");
    const filling = fill(key, request, url, language, response);
    if (keep && !shared) {
      inflight.set(key, filling);
      void filling.finally(() => inflight.get(key) === filling && inflight.delete(key)).catch(() => {});
    }
    const own = await filling;
    if (own) send(own, request, response, "miss");
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
    const raw = cookie ? LANGUAGE.exec(cookie)?.[1] : undefined;
    const language = raw === undefined ? undefined : parseLanguage(raw);
    const key = `${language ?? ""} ${url}`;
    const serve = () => {
      const entry = keep ? pages.get(key) : undefined;
      if (entry) return send(entry, request, response, "hit");
      miss(key, request, response, url, language).catch(next);
    };
    if (stamp.fresh()) serve();
    else
      stamp.check().then((changed) => {
        if (changed) clear();
        serve();
      }, next);
  }

  return {
    middleware,
    clear,
    close: unsubscribe,
    get entries() {
      return pages.size;
    },
    get bytes() {
      return pages.bytes;
    },
  };
}

function storable(answer: Response, url: string): boolean {
  if (answer.status !== 200 && answer.status !== 404) return false;
  if (answer.headers.has("set-cookie") || /no-store|private/.test(answer.headers.get("cache-control") ?? "")) return false;
  const path = url.split("?", 1)[0]!;
  return path.endsWith(".data") || (answer.headers.get("content-type") ?? "").startsWith("text/html");
}

async function makeEntry(answer: Response, body: Buffer): Promise<PageEntry> {
  const base: OutgoingHttpHeaders = {};
  answer.headers.forEach((value, name) => {
    if (!DROPPED_HEADERS.has(name)) base[name] = value;
  });
  base["cache-control"] = CACHE_CONTROL;
  base.vary = VARY;
  const hash = createHash("sha1").update(body).digest("base64url").slice(0, 22);
  const identity = { headers: { ...base, etag: `"${hash}"`, "content-length": body.length }, body };
  if (body.length < COMPRESS_FROM_BYTES) return { status: answer.status, size: body.length, etags: [`"${hash}"`], identity };
  const zipped = await gzip(body);
  const gzipped = { headers: { ...base, etag: `"${hash}-gz"`, "content-encoding": "gzip", "content-length": zipped.length }, body: zipped };
  return { status: answer.status, size: body.length + zipped.length, etags: [`"${hash}"`, `"${hash}-gz"`], identity, gzip: gzipped };
}

function send(entry: PageEntry, request: IncomingMessage, response: ServerResponse, state: "hit" | "miss") {
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

/** An answer that is not kept (a redirect, an error, one that sets a cookie) goes out as it came. */
function passThrough(answer: Response, body: Buffer, request: IncomingMessage, response: ServerResponse) {
  const headers: OutgoingHttpHeaders = {};
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie" && name !== "content-length" && name !== "transfer-encoding") headers[name] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  headers["content-length"] = body.length;
  response.writeHead(answer.status, headers);
  response.end(request.method === "HEAD" ? undefined : body);
}

/** Least recently used pages go first, by count and by bytes. */
export class PageStore {
  private readonly pages = new Map<string, PageEntry>();
  bytes = 0;
  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.pages.size;
  }

  get(key: string): PageEntry | undefined {
    const entry = this.pages.get(key);
    if (entry) {
      this.pages.delete(key);
      this.pages.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: PageEntry): void {
    this.delete(key);
    if (entry.size > this.maxBytes) return;
    this.pages.set(key, entry);
    this.bytes += entry.size;
    while (this.pages.size > this.maxEntries || this.bytes > this.maxBytes) this.delete(this.pages.keys().next().value!);
  }

  clear(): void {
    this.pages.clear();
    this.bytes = 0;
  }

  private delete(key: string): void {
    const entry = this.pages.get(key);
    if (!entry) return;
    this.pages.delete(key);
    this.bytes -= entry.size;
  }
}

/**
 * Another process on the same PostgreSQL (the CLI, a second server) publishes without our
 * signal: one cheap query, at most once per interval, tells whether published data moved.
 */
class DataStamp {
  private value: string | undefined;
  private checkedAt = 0;
  private running: Promise<boolean> | undefined;
  constructor(
    private readonly db: Db,
    private readonly intervalMs: number,
  ) {}

  fresh(): boolean {
    return Date.now() - this.checkedAt < this.intervalMs;
  }

  /** True when the stamp differs from the one read before. */
  check(): Promise<boolean> {
    this.running ??= this.read().finally(() => (this.running = undefined));
    return this.running;
  }

  private async read(): Promise<boolean> {
    let now: string;
    try {
      const { rows } = (await this.db.execute(sql`select concat_ws('/',
        (select count(*) from results), coalesce((select max(updated_at) from results)::text, '-'),
        coalesce((select max(published_at) from evaluations)::text, '-'), (select count(*) from evaluation_revisions),
        (select count(*) from instrument_versions), (select count(*) from municipality_groups)) as stamp`)) as unknown as { rows: { stamp: string }[] };
      now = rows[0]!.stamp;
    } catch (error) {
      // Without a stamp nothing can be trusted: drop the pages and ask again next time.
      logger.warn({ err: error }, "page cache: data stamp not read");
      this.checkedAt = Date.now();
      this.value = undefined;
      return true;
    }
    this.checkedAt = Date.now();
    const changed = this.value !== undefined && this.value !== now;
    this.value = now;
    return changed;
  }
}

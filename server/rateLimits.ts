import type { Request, RequestHandler, Response } from "express";
import { rateLimit, type Options, type Store } from "express-rate-limit";
import type { Database, Db } from "../src/db/client.server.ts";
import { clearHits, countHit, takeBackHit } from "../src/db/rateCounters.server.ts";
import { refuse } from "./refuse.ts";

/**
 * Rate limits per client address (req.ip: see KOMPASS_TRUST_PROXY) on what is costly or
 * guessable: the API, the search, report files (a PDF is rendered by Chromium) and sign-in.
 * Answers carry the RateLimit headers (IETF draft 8); a refused request gets 429 with
 * Retry-After and a page in the visitor's language. With the embedded database there is one
 * server process, so counting in memory is exact; on PostgreSQL several servers may share the
 * database, so they count together in its rate_counters table.
 */
export interface RateLimitSettings {
  api: number;
  search: number;
  reportFiles: number;
  signIn: number;
}

/** Requests per client address and minute. */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = { api: 300, search: 60, reportFiles: 30, signIn: 20 };

const WINDOW_MS = 60_000;

export function rateLimits(database: Database, settings: RateLimitSettings = DEFAULT_RATE_LIMITS) {
  const make = (name: keyof RateLimitSettings, extra: Partial<Options> = {}): RequestHandler =>
    rateLimit({
      windowMs: WINDOW_MS,
      limit: settings[name],
      standardHeaders: "draft-8",
      legacyHeaders: false,
      identifier: name,
      // Behind a proxy req.ip is only right when KOMPASS_TRUST_PROXY says so (docs/security.md);
      // the library's warning about a forwarded header would fire on every forged one.
      validate: { xForwardedForHeader: false, trustProxy: false },
      store: database.kind === "postgres" ? new DatabaseStore(database.db, `http:${name}:`) : undefined,
      handler: tooMany,
      // The database out of reach: the pages answer 503 anyway; the limit must not turn that into a 500.
      passOnStoreError: true,
      ...extra,
    });
  return {
    api: make("api"),
    search: make("search"),
    reportFiles: make("reportFiles"),
    // Only posts count: looking at the sign-in page costs nothing.
    signIn: make("signIn", { skip: (request) => request.method !== "POST" }),
  };
}

function tooMany(request: Request, response: Response) {
  const reset = (request as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const seconds = Math.max(1, Math.ceil(((reset?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000));
  response.setHeader("Retry-After", String(seconds));
  refuse(request, response, 429, "rateLimited", { values: { seconds }, detail: `Try again in ${seconds} s.` });
}

/** express-rate-limit's store on the shared database: one atomic upsert per hit. */
class DatabaseStore implements Store {
  localKeys = false;
  private windowMs = WINDOW_MS;
  constructor(
    private readonly db: Db,
    readonly prefix: string,
  ) {}
  init(options: Options) {
    this.windowMs = options.windowMs;
  }
  async increment(key: string) {
    const hit = await countHit(this.db, this.prefix + key, this.windowMs);
    return { totalHits: hit.hits, resetTime: hit.resetAt };
  }
  async decrement(key: string) {
    await takeBackHit(this.db, this.prefix + key);
  }
  async resetKey(key: string) {
    await clearHits(this.db, [this.prefix + key]);
  }
}

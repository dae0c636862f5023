import "../src/i18n/catalogs.server.ts";
import cluster from "node:cluster";
import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import { join } from "node:path";
import compression from "compression";
import express from "express";
import { createRequestHandler as createPageHandler, type ServerBuild } from "react-router";
import type { ViteDevServer } from "vite";
import * as builtApp from "virtual:react-router/server-build";
import { demoEnabled, remindersEnabled } from "../src/config.server.ts";
import { openDatabase, openPostgres, settingsFromEnv, type Database, type DatabaseSettings } from "../src/db/client.server.ts";
import { watchDataVersion } from "../src/db/dataVersion.server.ts";
import { DataFolderLockedError } from "../src/db/lock.server.ts";
import { whileStartLocked } from "../src/db/startLock.server.ts";
import { databaseIsDown, describeConnectionFailure, noteDatabaseError } from "../src/db/health.server.ts";
import { SESSION_COOKIE_PREFIX } from "../src/auth/auth.server.ts";
import { logger } from "../src/logger.server.ts";
import { projectRoot } from "../src/projectRoot.server.ts";
import { actorFromHeaders, installationSecret } from "../src/services/auth/authentication.server.ts";
import { prepareDatabase } from "../src/services/bootstrap.server.ts";
import { type ReminderScheduler, startReminderScheduler } from "../src/services/reminders/scheduler.server.ts";
import { type ReportJobs, startReportJobs } from "../src/services/reports/reportJobs.server.ts";
import { apiMiddleware } from "./api.ts";
import { poolSizeFor, superviseWorkers, workerCount, WorkerSettingError, type WorkerSupervisor } from "./cluster.ts";
import { routerContextOf } from "../app/context.ts";
import { csrfCookie, csrfTokenFor } from "./csrf.ts";
import { nodeHeaders } from "./nodeHeaders.ts";
import { rememberLanguage } from "./language.ts";
import { createPublicCache } from "./publicCache.ts";
import { pageHandler } from "./pageHandler.ts";
import { rateLimits } from "./rateLimits.ts";
import { refuse } from "./refuse.ts";
import { boundedBody, methodGuard, originGuard, ownOrigin, urlHygiene } from "./requestGuard.ts";
import { securityHeaders } from "./securityHeaders.ts";
import { sql } from "drizzle-orm";

// better-auth's session cookie ("<prefix>.session_token", "__Secure-" first over https).
const SESSION_COOKIE = new RegExp(`(?:^|;\\s*)(?:__Secure-)?${SESSION_COOKIE_PREFIX}\\.session_token=`);

/**
 * The web server, built by Vite together with the routes (this module is the server build's
 * entry), so that the server and the routes share one copy of every module: one instrument
 * catalog, one set of caches, one better-auth. server/index.js starts it.
 */
const build = builtApp as unknown as ServerBuild;

export interface StartOptions {
  database: Database;
  port: number;
  host?: string;
  /**
   * Keep anonymous public pages in memory (default; KOMPASS_PAGE_CACHE=off turns it off).
   * Off, they are still rendered without cookies, but anew for every request.
   */
  pageCache?: boolean;
  /** `npm run dev`: Vite's dev server serves the browser's modules and reloads the routes. */
  vite?: ViteDevServer;
  /** Rate limits per client address (default; KOMPASS_RATE_LIMITS=off turns them off, as tests that hammer the server do). */
  rateLimits?: boolean;
}

/** Serves the app with the database in every loader's context; resolves once it listens. */
export async function startServer(options: StartOptions): Promise<Server> {
  const { database, vite } = options;
  const db = database.db;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(process.env.KOMPASS_TRUST_PROXY));
  const https = (process.env.KOMPASS_URL ?? "").startsWith("https://");
  const watch = await watchDataVersion(database);
  // Cheap per request (a cached page costs little more): details only when debug is on.
  const debug = logger.isLevelEnabled("debug");
  app.use((request, response, next) => {
    const started = performance.now();
    response.on("finish", () => {
      if (response.statusCode < 500 && !debug) return;
      const fields = { method: request.method, url: request.originalUrl, status: response.statusCode, ms: performance.now() - started };
      // 503 is a known, named condition (the database or Chromium out of reach), not a failure of the app.
      if (response.statusCode === 503) logger.warn(fields, "service unavailable");
      else if (response.statusCode >= 500) logger.error(fields, "request failed");
      else logger.debug(fields, "request");
    });
    next();
  });
  // Before anything reads a request: headers on every answer, then cheap refusals (docs/security.md).
  app.use(securityHeaders({ https, development: Boolean(vite) }));
  app.use(urlHygiene);
  app.use(methodGuard);
  const limits = (options.rateLimits ?? process.env.KOMPASS_RATE_LIMITS !== "off") ? rateLimits(database) : null;
  // The open data API answers before static files and page rendering: it needs neither.
  if (limits) app.use("/api/", limits.api);
  app.use("/api/v1", apiMiddleware(db));
  if (limits) {
    // People's downloads of the API's tables run the API's handlers and write a file: they count with the API.
    app.use("/ladda-ned/", limits.api);
    app.use("/sok", limits.search);
    app.use(/^\/rapport\/[^/]+\/[^/]+$/, limits.reportFiles);
    app.use("/logga-in", limits.signIn);
  }
  app.use(rememberLanguage(https));
  if (!vite) {
    // Before compression and cookies: stored pages carry their own gzip and set no cookie.
    app.use(
      createPublicCache({
        db,
        handler: createPageHandler(build, "production"),
        store: options.pageCache ?? process.env.KOMPASS_PAGE_CACHE !== "off",
      }),
    );
  }
  // A form from another site is refused before its body is read; a body is read only up to its bound.
  app.use(originGuard);
  app.use(boundedBody);
  // The database out of reach: what the cache could not answer waits for it (503), rather than failing.
  app.use((request, response, next) => {
    if (!databaseIsDown(db) || request.path.startsWith("/assets/")) return next();
    unavailable(request, response);
  });
  // Pages rendered per request (signed in, or not kept) are compressed fast: level 3 costs a third of the
  // default 6 in CPU for a few per cent more bytes; stored public pages keep their own, better gzip.
  app.use(compression({ level: 3 }));
  const secret = await installationSecret(db);
  app.use(csrfCookie(https));
  const getLoadContext = async (request: express.Request) => {
    const headers = nodeHeaders(request);
    const actor = await actorFromHeaders(db, headers);
    // A session that could not be read because the database is gone is not a signed-out user.
    if (!actor && SESSION_COOKIE.test(request.headers.cookie ?? "")) await db.execute(sql`select 1`);
    return routerContextOf({
      db,
      actor,
      csrfToken: csrfTokenFor(secret, (request as express.Request & { csrfCookie: string }).csrfCookie),
      cspNonce: randomBytes(16).toString("base64"),
      clientAddress: request.ip ?? "",
    });
  };

  if (vite) {
    app.use(vite.middlewares);
    app.use(
      pageHandler({
        build: () => vite.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>,
        mode: "development",
        origin: ownOrigin,
        getLoadContext,
      }),
    );
  } else {
    const client = join(projectRoot, "build/client");
    app.use("/assets", express.static(join(client, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(client, { maxAge: "1h" }));
    app.use(pageHandler({ build, mode: "production", origin: ownOrigin, getLoadContext }));
  }

  // Last resort: an unexpected failure is logged and answered without internals.
  app.use((error: unknown, request: express.Request, response: express.Response, _next: express.NextFunction) => {
    if (noteDatabaseError(db, error) || databaseIsDown(db)) {
      if (response.headersSent) return void response.end();
      return unavailable(request, response);
    }
    logger.error({ err: error, method: request.method, url: request.originalUrl }, "unexpected error");
    if (response.headersSent) return void response.end();
    refuse(request, response, 500, "error");
  });

  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host ?? "0.0.0.0", () => resolve(server));
    server.once("error", (error) => {
      void watch.stop();
      reject(error);
    });
    server.once("close", () => void watch.stop());
  });
}

/** 503 with Retry-After: the database is out of reach; the visitor's session and work are kept. */
function unavailable(request: express.Request, response: express.Response) {
  response.setHeader("Retry-After", "5");
  refuse(request, response, 503, "unavailable", { detail: "The database is out of reach." });
}

/**
 * KOMPASS_TRUST_PROXY: off (default) uses the connection's peer as the client's address; "true"
 * or a number of hops, or addresses/subnets ("loopback", "10.0.0.0/8"), trusts X-Forwarded-For
 * from those proxies only (Express's trust proxy setting).
 */
export function trustProxySetting(value: string | undefined): boolean | number | string {
  if (!value || value === "off" || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * `npm start` (and `npm run dev`): opens the database (PGlite in KOMPASS_DATA_DIR, or
 * DATABASE_URL), applies migrations, loads reference data (and the demo) into an empty one,
 * and serves on PORT until SIGINT or SIGTERM. On PostgreSQL with more than one worker
 * (KOMPASS_WORKERS, one per core by default) this process prepares the database and runs the
 * reminder schedule, then forks the workers that serve (server/cluster.ts); each of them comes
 * back here and only opens the database and serves.
 */
export async function main(options: { vite?: ViteDevServer } = {}): Promise<void> {
  const settings = settingsFromEnv();
  const port = Number(process.env.PORT ?? 3000);
  if (cluster.isWorker) return serveAsWorker(settings, port);
  const demo = demoEnabled();
  const kind = settings.databaseUrl ? "postgres" : "pglite";
  let workers = 1;
  try {
    workers = options.vite ? 1 : workerCount(process.env, kind);
  } catch (error) {
    if (!(error instanceof WorkerSettingError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  if (kind === "pglite" && Number(process.env.KOMPASS_WORKERS) > 1)
    logger.warn("KOMPASS_WORKERS: one process holds the embedded database, so one serves; use PostgreSQL (DATABASE_URL) for more.");
  let database: Database | undefined;
  let server: Server | null = null;
  let seeded: boolean;
  try {
    // The primary of several workers only prepares the database and runs the schedule: a small pool.
    database = workers > 1 ? await openPostgres(settings.databaseUrl!, 4) : await openDatabase(settings);
    const opened = database;
    ({ seeded } = await whileStartLocked(settings, () => prepareDatabase(opened, { demo })));
    if (workers === 1) server = await startServer({ database, port, vite: options.vite });
  } catch (error) {
    return startFailed(error, settings, database);
  }
  const serving = () =>
    logger.info(
      { database: database.kind, location: database.location, seeded, demo, port, ...(workers > 1 ? { workers } : {}) },
      `Kommunkompassen serves http://localhost:${port}`,
    );
  let reminders: ReminderScheduler | null = null;
  let reportJobs: ReportJobs | null = null;
  let stopping = false;
  const stop = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    server?.close();
    server?.closeAllConnections();
    await supervisor?.stop();
    await options.vite?.close();
    await reminders?.stop().catch((error) => logger.warn({ err: error }, "reminders: stopping failed"));
    await reportJobs?.stop().catch((error) => logger.warn({ err: error }, "report files: stopping failed"));
    await database.close();
    process.exit(code);
  };
  const supervisor: WorkerSupervisor | null =
    workers > 1
      ? superviseWorkers({
          count: workers,
          ready: serving,
          failed: (reason) => {
            logger.error(`Kommunkompassen stops: ${reason}`);
            void stop("failed", 1);
          },
        })
      : null;
  if (!supervisor) serving();
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  if (demo && process.env.KOMPASS_DEMO !== "true")
    logger.warn(
      "The demo is on (the default with the embedded database): its accounts can sign in with the password in README.md. Set KOMPASS_DEMO=false for real use.",
    );
  // The reminder e-mails' schedule, in this process only, not in each worker (KOMPASS_REMINDERS=off: none); it never stops the server.
  if (remindersEnabled()) reminders = await startReminderScheduler(database, { databaseUrl: settings.databaseUrl });
  // Published reports' files are made by a job after publication (and at start for any missing), in this process only.
  reportJobs = await startReportJobs(database, { databaseUrl: settings.databaseUrl });
}

/** A worker of the cluster: the primary has prepared the database; this one opens it and serves. */
async function serveAsWorker(settings: DatabaseSettings, port: number): Promise<void> {
  let database: Database | undefined;
  let server: Server;
  try {
    database = await openPostgres(settings.databaseUrl!, poolSizeFor(workerCount(process.env, "postgres")));
    server = await startServer({ database, port });
  } catch (error) {
    return startFailed(error, settings, database);
  }
  // A publication served by this worker queues its report files; the primary makes them.
  const reportJobs = await startReportJobs(database, { databaseUrl: settings.databaseUrl, backlog: false, work: false });
  const stop = async () => {
    server.close();
    server.closeAllConnections();
    await reportJobs.stop().catch(() => {});
    await database.close();
    process.exit(0);
  };
  // The primary stops the workers (SIGTERM); Ctrl-C in a terminal reaches every process, and the primary's word counts.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => void stop());
}

/** What an operator can fix gets one line saying what to check, not a stack trace. */
async function startFailed(error: unknown, settings: DatabaseSettings, database: Database | undefined): Promise<never> {
  const line = error instanceof DataFolderLockedError ? error.message : describeConnectionFailure(error, settings.databaseUrl);
  if (line === null) throw error;
  console.error(line);
  await database?.close().catch(() => {});
  process.exit(1);
}

import "../src/i18n/catalogs.server.ts";
import type { Server } from "node:http";
import { join } from "node:path";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";
import { createRequestHandler as createPageHandler, type ServerBuild } from "react-router";
import type { ViteDevServer } from "vite";
import * as builtApp from "virtual:react-router/server-build";
import { demoEnabled } from "../src/config.server.ts";
import { openDatabase, settingsFromEnv, type Database } from "../src/db/client.server.ts";
import { watchDataVersion } from "../src/db/dataVersion.server.ts";
import { DataFolderLockedError } from "../src/db/lock.server.ts";
import { MAX_UPLOAD_BYTES } from "../src/domain/evidence.ts";
import { logger } from "../src/logger.server.ts";
import { projectRoot } from "../src/projectRoot.server.ts";
import { actorFromHeaders, installationSecret } from "../src/services/auth/authentication.server.ts";
import { prepareDatabase } from "../src/services/bootstrap.server.ts";
import { apiMiddleware } from "./api.ts";
import { routerContextOf } from "../app/context.ts";
import { csrfCookie, csrfTokenFor } from "./csrf.ts";
import { nodeHeaders } from "./nodeHeaders.ts";
import { createPublicCache } from "./publicCache.ts";

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
}

/** Serves the app with the database in every loader's context; resolves once it listens. */
export async function startServer(options: StartOptions): Promise<Server> {
  const { database, vite } = options;
  const db = database.db;
  const app = express();
  app.disable("x-powered-by");
  const watch = await watchDataVersion(database);
  // Cheap per request (a cached page costs little more): details only when debug is on.
  const debug = logger.isLevelEnabled("debug");
  app.use((request, response, next) => {
    const started = performance.now();
    response.on("finish", () => {
      if (response.statusCode < 500 && !debug) return;
      const fields = { method: request.method, url: request.originalUrl, status: response.statusCode, ms: performance.now() - started };
      // 503 is a known, named condition (such as Chromium missing for PDFs), not a failure of the app.
      if (response.statusCode === 503) logger.warn(fields, "service unavailable");
      else if (response.statusCode >= 500) logger.error(fields, "request failed");
      else logger.debug(fields, "request");
    });
    next();
  });
  // The open data API answers before static files and page rendering: it needs neither.
  app.use("/api/v1", apiMiddleware(db));
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
  app.use(compression());
  const secret = await installationSecret(db);
  app.use(csrfCookie((process.env.KOMPASS_URL ?? "").startsWith("https://")));
  app.use(uploadLimit);
  const getLoadContext = async (request: express.Request) =>
    routerContextOf({
      db,
      actor: await actorFromHeaders(db, nodeHeaders(request)),
      csrfToken: csrfTokenFor(secret, (request as express.Request & { csrfCookie: string }).csrfCookie),
    });

  if (vite) {
    app.use(vite.middlewares);
    app.use(
      createRequestHandler({
        build: () => vite.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>,
        getLoadContext,
        mode: "development",
      }),
    );
  } else {
    const client = join(projectRoot, "build/client");
    app.use("/assets", express.static(join(client, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(client, { maxAge: "1h" }));
    app.use(createRequestHandler({ build, getLoadContext, mode: "production" }));
  }

  // Last resort: an unexpected failure is logged and answered without internals.
  app.use((error: unknown, request: express.Request, response: express.Response, _next: express.NextFunction) => {
    logger.error({ err: error, method: request.method, url: request.originalUrl }, "unexpected error");
    if (response.headersSent) return void response.end();
    response.status(500);
    if (request.originalUrl.startsWith("/api/")) {
      response
        .type("application/problem+json")
        .send(JSON.stringify({ type: "about:blank", title: "Internal Server Error", status: 500, instance: request.originalUrl }));
    } else {
      response
        .type("text/plain; charset=utf-8")
        .send("Ett oväntat fel inträffade. Försök igen om en stund.\nAn unexpected error occurred. Please try again later.");
    }
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

/**
 * `npm start` (and `npm run dev`): opens the database (PGlite in KOMPASS_DATA_DIR, or
 * DATABASE_URL), applies migrations, loads reference data (and the demo) into an empty one,
 * and serves on PORT until SIGINT or SIGTERM.
 */
export async function main(options: { vite?: ViteDevServer } = {}): Promise<void> {
  const settings = settingsFromEnv();
  const port = Number(process.env.PORT ?? 3000);
  let database: Database;
  try {
    database = await openDatabase(settings);
  } catch (error) {
    if (error instanceof DataFolderLockedError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const demo = demoEnabled();
  const { seeded } = await prepareDatabase(database, { demo });
  const server = await startServer({ database, port, vite: options.vite });
  logger.info(
    { database: database.kind, location: database.location, seeded, demo, port },
    `Kommunkompassen serves http://localhost:${port}`,
  );
  if (demo && process.env.KOMPASS_DEMO !== "true")
    logger.warn(
      "The demo is on (the default with the embedded database): its accounts can sign in with the password in README.md. Set KOMPASS_DEMO=false for real use.",
    );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    server.close();
    server.closeAllConnections();
    await options.vite?.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

/**
 * A request body larger than an upload may be is refused before it is read, with a page that
 * says why; nothing is stored. (Forms are small; only uploads come near the limit.)
 */
function uploadLimit(request: express.Request, response: express.Response, next: express.NextFunction) {
  const length = Number(request.headers["content-length"] ?? 0);
  if (request.method === "POST" && length > MAX_UPLOAD_BYTES + 1024 * 1024) {
    const mb = Math.round(MAX_UPLOAD_BYTES / 1024 / 1024);
    response
      .status(413)
      .type("text/html; charset=utf-8")
      .set("Connection", "close")
      .send(
        `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Filen är för stor – Kommunkompassen</title></head>` +
          `<body><main><h1>Filen är för stor</h1><p>En fil får vara högst ${mb} MB. Ingenting sparades.</p>` +
          `<p><a href="${request.headers.referer && new URL(request.headers.referer, "http://x").pathname.startsWith("/") ? new URL(request.headers.referer, "http://x").pathname : "/"}">Tillbaka</a></p></main></body></html>`,
      );
    request.resume();
    return;
  }
  next();
}

import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";
import { createRequestHandler as createPageHandler, type ServerBuild } from "react-router";
import type { Database } from "../db/client.ts";
import { logger } from "../logger.ts";
import type { KompassContext } from "./context.ts";
import { apiMiddleware } from "./apiMiddleware.ts";
import { csrfCookie, csrfTokenFor } from "./csrf.ts";
import { nodeHeaders } from "./nodeHeaders.ts";
import { createPublicCache } from "./publicCache.ts";
import { actorFromHeaders, installationSecret } from "../services/auth/authentication.ts";
import { MAX_UPLOAD_BYTES } from "../services/evidence/limits.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

export interface StartOptions {
  database: Database;
  port: number;
  host?: string;
  development?: boolean;
  /**
   * Keep anonymous public pages in memory (default; KOMPASS_PAGE_CACHE=off turns it off).
   * Off, they are still rendered without cookies, but anew for every request.
   */
  pageCache?: boolean;
}

/** Serves the built app (or Vite's dev server) with the database in every loader's context. */
export async function startWebServer(options: StartOptions): Promise<Server> {
  const app = express();
  app.disable("x-powered-by");
  const closers: (() => void)[] = [];
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
  app.use("/api/v1", apiMiddleware(options.database.db));
  const db = options.database.db;
  const build = options.development ? undefined : await loadBuild();
  if (build) {
    // Before compression and cookies: stored pages carry their own gzip and set no cookie.
    const cache = createPublicCache({
      db,
      handler: createPageHandler(build, process.env.NODE_ENV),
      store: options.pageCache ?? process.env.KOMPASS_PAGE_CACHE !== "off",
    });
    app.use(cache.middleware);
    closers.push(() => cache.close());
  }
  app.use(compression());
  const secret = await installationSecret(db);
  app.use(csrfCookie((process.env.KOMPASS_URL ?? "").startsWith("https://")));
  app.use(uploadLimit);
  const getLoadContext = async (request: express.Request): Promise<KompassContext> => ({
    db,
    actor: await actorFromHeaders(db, nodeHeaders(request)),
    csrfToken: csrfTokenFor(secret, (request as express.Request & { csrfCookie: string }).csrfCookie),
  });

  if (options.development) {
    const vite = await import("vite");
    const devServer = await vite.createServer({ root, server: { middlewareMode: true } });
    app.use(devServer.middlewares);
    app.use(
      createRequestHandler({
        build: () => devServer.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>,
        getLoadContext,
      }),
    );
  } else {
    app.use("/assets", express.static(`${root}build/client/assets`, { immutable: true, maxAge: "1y" }));
    app.use(express.static(`${root}build/client`, { maxAge: "1h" }));
    app.use(createRequestHandler({ build: build!, getLoadContext }));
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
    server.once("error", reject);
    server.once("close", () => closers.forEach((close) => close()));
  });
}

async function loadBuild(): Promise<ServerBuild> {
  const serverBuild = `${root}build/server/index.js`;
  if (!existsSync(serverBuild)) throw new Error(`No build at ${serverBuild}: run "npm run build" first (npm start does it).`);
  return (await import(pathToFileURL(serverBuild).href)) as ServerBuild;
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

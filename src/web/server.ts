import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express from "express";
import type { ServerBuild } from "react-router";
import type { Database } from "../db/client.ts";
import { logger } from "../logger.ts";
import type { KompassContext } from "./context.ts";
import { apiMiddleware } from "./apiMiddleware.ts";
import { csrfCookie, csrfTokenFor } from "./csrf.ts";
import { nodeHeaders } from "./nodeHeaders.ts";
import { actorFromHeaders, installationSecret } from "../services/auth/authentication.ts";
import { MAX_UPLOAD_BYTES } from "../services/evidence/limits.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

export interface StartOptions {
  database: Database;
  port: number;
  host?: string;
  development?: boolean;
}

/** Serves the built app (or Vite's dev server) with the database in every loader's context. */
export async function startWebServer(options: StartOptions): Promise<Server> {
  const app = express();
  app.disable("x-powered-by");
  app.use((request, response, next) => {
    const started = process.hrtime.bigint();
    response.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (response.statusCode >= 500)
        logger.error({ method: request.method, url: request.originalUrl, status: response.statusCode, ms }, "request failed");
      else logger.debug({ method: request.method, url: request.originalUrl, status: response.statusCode, ms }, "request");
    });
    next();
  });
  // The open data API answers before static files and page rendering: it needs neither.
  app.use("/api/v1", apiMiddleware(options.database.db));
  app.use(compression());
  const db = options.database.db;
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
    const serverBuild = `${root}build/server/index.js`;
    if (!existsSync(serverBuild)) throw new Error(`No build at ${serverBuild}: run "npm run build" first (npm start does it).`);
    const build = (await import(pathToFileURL(serverBuild).href)) as ServerBuild;
    app.use("/assets", express.static(`${root}build/client/assets`, { immutable: true, maxAge: "1y" }));
    app.use(express.static(`${root}build/client`, { maxAge: "1h" }));
    app.use(createRequestHandler({ build, getLoadContext }));
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
  });
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

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
import { handleApiRequest } from "../api/router.ts";

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
  app.use(compression());
  app.use((request, response, next) => {
    const started = process.hrtime.bigint();
    response.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (response.statusCode >= 500) logger.error({ method: request.method, url: request.originalUrl, status: response.statusCode, ms }, "request failed");
      else logger.debug({ method: request.method, url: request.originalUrl, status: response.statusCode, ms }, "request");
    });
    next();
  });
  const getLoadContext = (): KompassContext => ({ db: options.database.db });
  // The open data API answers before static files and page rendering: it needs neither.
  app.use("/api/v1", (request, response, next) => {
    handleApiRequest(options.database.db, toFetchRequest(request))
      .then((reply) => sendFetchResponse(reply, response))
      .catch(next);
  });

  if (options.development) {
    const vite = await import("vite");
    const devServer = await vite.createServer({ root, server: { middlewareMode: true } });
    app.use(devServer.middlewares);
    app.use(createRequestHandler({ build: () => devServer.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>, getLoadContext }));
  } else {
    const serverBuild = `${root}build/server/index.js`;
    if (!existsSync(serverBuild)) throw new Error(`No build at ${serverBuild}: run "npm run build" first (npm start does it).`);
    const build = (await import(pathToFileURL(serverBuild).href)) as ServerBuild;
    app.use("/assets", express.static(`${root}build/client/assets`, { immutable: true, maxAge: "1y" }));
    app.use(express.static(`${root}build/client`, { maxAge: "1h" }));
    app.use(createRequestHandler({ build, getLoadContext }));
  }

  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host ?? "0.0.0.0", () => resolve(server));
    server.once("error", reject);
  });
}

/** The API reads only method, URL and headers (it is read-only), so the body is not passed on. */
function toFetchRequest(request: express.Request): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return new Request(`http://${request.headers.host ?? "localhost"}${request.originalUrl}`, { method: request.method, headers });
}

async function sendFetchResponse(reply: Response, response: express.Response): Promise<void> {
  response.status(reply.status);
  reply.headers.forEach((value, name) => response.setHeader(name, value));
  response.end(response.req.method === "HEAD" ? undefined : Buffer.from(await reply.arrayBuffer()));
}

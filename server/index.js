#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: the production server. Builds when build/ is missing or stale, then runs the
 * built app (server/app.ts bundled with the routes), always with React's production build. On
 * PostgreSQL its main() forks worker processes (server/cluster.ts), which start here again: they
 * use the build the primary made.
 * `npm run dev` (--dev): Vite's dev server with hot reload, the same app loaded through Vite.
 */
import cluster from "node:cluster";
import { ensureBuild, root } from "./build.js";

const development = process.argv.includes("--dev");

if (development) {
  process.env.NODE_ENV = "development";
  const { createServer } = await import("vite");
  const vite = await createServer({ root, server: { middlewareMode: true }, appType: "custom" });
  const app = await vite.ssrLoadModule("/server/app.ts");
  await app.main({ vite });
} else {
  // Before React is loaded: it chooses its build by NODE_ENV once, when first imported.
  process.env.NODE_ENV = "production";
  if (cluster.isPrimary) await ensureBuild();
  const app = await import("../build/server/index.js");
  await app.main();
}

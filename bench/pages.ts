// Public pages (issue 5), part of npm run bench; alone: node --import tsx bench/pages.ts
// On a fresh PostgreSQL database with 10,000 synthetic results, load-tests the rankings and a
// municipality page of the real server three ways: (a) the page's exact HTML as a static file
// (express.static + compression, same process), (b) from the page cache, (c) with the cache off.
// Targets: (b) at least half the throughput of (a); (c) p99 under 100 ms. See docs/performance.md.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import compression from "compression";
import express from "express";
import pg from "pg";
import { openPostgres } from "../src/db/client.server.ts";
import { prepareDatabase } from "../src/services/bootstrap.server.ts";
import { loadInstrumentDefinition } from "../src/services/instruments/loadInstrumentDefinition.server.ts";
import { importResults } from "../src/services/results/importResults.server.ts";
import { startTestServer } from "../tests/support/server.ts";
import { municipalityPath } from "../src/domain/paths.ts";
import {
  addBenchMunicipalities,
  benchInstrumentDefinitions,
  benchMunicipalities,
  generateResults,
  municipalityCodes,
  RESULT_COUNT,
} from "./data.ts";
import { runLoad, type LoadResult } from "./load.ts";
import { createBenchDatabase } from "./postgres.ts";
import { machineFacts, textTable } from "./report.ts";
import { inProductionMode, runMain } from "./lifecycle.ts";

inProductionMode();

const root = fileURLToPath(new URL("../", import.meta.url));
const env = process.env;
const ADMIN_URL = env.BENCH_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const LOAD = {
  concurrency: Number(env.BENCH_PAGE_CONCURRENCY ?? 64),
  warmupMs: Number(env.BENCH_WARMUP_MS ?? 2_000),
  durationMs: Number(env.BENCH_DURATION_MS ?? 8_000),
  maxRequests: Number(env.BENCH_PAGE_MAX_REQUESTS ?? 200_000),
};
// The first candidate that answers 200 is measured (pages being built may not exist yet).
const FIRST_TOWN = benchMunicipalities()[0]!;
const PAGES = [
  { name: "rankings", candidates: ["/rankning?instrument=2010", "/"] },
  // The first fictional municipality of the benchmark's, with about 34 synthetic results.
  { name: "municipality", candidates: [municipalityPath(FIRST_TOWN.code, FIRST_TOWN.name)] },
  // A real municipality's page (no results in this database: the synthetic ones are on fictional municipalities).
  { name: "orebro", candidates: ["/kommun/1880-orebro"] },
];
const CACHED_SHARE_TARGET = 0.5;
const UNCACHED_P99_TARGET_MS = 100;

const log = (message: string) => console.error(`[bench pages ${new Date().toISOString().slice(11, 19)}] ${message}`);
const cleanups: (() => Promise<void> | void)[] = [];
async function runCleanups() {
  while (cleanups.length > 0) await Promise.resolve(cleanups.pop()!()).catch((error: Error) => log(`cleanup failed: ${error.message}`));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void runCleanups().finally(() => process.exit(130)));

const listen = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

async function freshDatabase() {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  const { name, url, version } = await createBenchDatabase(admin, ADMIN_URL, "kompass_bench_pages", cleanups, log);
  const database = await openPostgres(url);
  cleanups.push(() => database.close());
  return { database, detail: `PostgreSQL ${version}, fresh database ${name} (dropped afterwards), pool of 16 connections` };
}

/** The static baseline: the same HTML from a file, through the same compression middleware. */
async function staticServer(folder: string): Promise<Server> {
  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.use(express.static(folder));
  return new Promise((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => resolve(server));
  });
}

async function pickPath(origin: string, candidates: string[]): Promise<{ path: string; html: string }> {
  for (const path of candidates) {
    const response = await fetch(origin + path, { redirect: "manual" });
    if (response.status === 200) return { path, html: await response.text() };
    log(`${path} answered ${response.status}; trying the next candidate`);
  }
  throw new Error(`none of ${candidates.join(", ")} answered 200`);
}

interface Row {
  page: string;
  path: string;
  mode: "static" | "cached" | "uncached" | "uncached, 1 connection";
  kib: number;
  load: LoadResult;
}

async function measure(rows: Row[], row: Omit<Row, "load">, origin: string, path: string, concurrency = LOAD.concurrency) {
  log(`${row.page} ${row.mode}: ${path} (${concurrency} connections)`);
  const load = await runLoad({ origin, paths: [path], ...LOAD, concurrency });
  log(
    `  ${load.requests} requests, ${load.throughput.toFixed(0)} req/s, p50 ${load.median.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms, ${load.errors} errors`,
  );
  rows.push({ ...row, load });
}

async function main() {
  const loadAtStart = os.loadavg()[0]!;
  if (!existsSync(`${root}build/server/index.js`) || process.argv.includes("--build")) {
    log("building the app…");
    const built = spawnSync("npx", ["react-router", "build"], { cwd: root, stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
    if (built.status !== 0) throw new Error("react-router build failed");
  }
  const { database, detail } = await freshDatabase();
  await prepareDatabase(database, { demo: false });
  await addBenchMunicipalities(database.db);
  for (const { key, definition } of benchInstrumentDefinitions())
    await loadInstrumentDefinition(database.db, { name: `${key}.json`, definition });
  const summary = await importResults(database.db, { name: "bench.ndjson", text: generateResults(municipalityCodes()).text });
  if (summary.created !== RESULT_COUNT) throw new Error(`expected ${RESULT_COUNT} results, got ${JSON.stringify(summary)}`);
  log(`imported ${summary.created} results`);

  const folder = mkdtempSync(join(os.tmpdir(), "kompass-bench-pages-"));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const rows: Row[] = [];
  const servers = {
    cached: await startTestServer({ database, port: 0, host: "127.0.0.1", pageCache: true, rateLimits: false }),
    uncached: await startTestServer({ database, port: 0, host: "127.0.0.1", pageCache: false, rateLimits: false }),
    static: await staticServer(folder),
  };
  for (const server of Object.values(servers)) cleanups.push(() => closeServer(server));

  for (const page of PAGES) {
    const { path, html } = await pickPath(listen(servers.cached), page.candidates);
    const file = `${page.name}.html`;
    writeFileSync(join(folder, file), html);
    const hit = await fetch(listen(servers.cached) + path);
    if (hit.headers.get("x-cache") !== "hit") throw new Error(`${path} was not served from the cache`);
    const base = { page: page.name, path, kib: Buffer.byteLength(html) / 1024 };
    await measure(rows, { ...base, mode: "static" }, listen(servers.static), `/${file}`);
    await measure(rows, { ...base, mode: "cached" }, listen(servers.cached), path);
    await measure(rows, { ...base, mode: "uncached" }, listen(servers.uncached), path);
    // One render at a time: its latency, without 63 others queued for the same CPU.
    await measure(rows, { ...base, mode: "uncached, 1 connection" }, listen(servers.uncached), path, 1);
  }
  report(rows, machineFacts(loadAtStart), detail);
}

function report(rows: Row[], machine: ReturnType<typeof machineFacts>, detail: string) {
  const out = ["", "Public pages (issue 5)", "======================", ""];
  out.push(`Date:    ${machine.date}`, `CPU:     ${machine.cpuModel} × ${machine.cpuCount}`, `Node:    ${machine.node}`);
  out.push(`Load:    1-minute load average ${machine.loadAverage.start.toFixed(2)} at start, ${machine.loadAverage.end.toFixed(2)} at end`);
  out.push(`Data:    ${detail}; ${RESULT_COUNT} results`);
  out.push(
    `Clients: ${LOAD.concurrency} keep-alive connections from a worker thread, Accept-Encoding gzip; ${LOAD.warmupMs / 1000} s warm-up, then ${LOAD.durationMs / 1000} s`,
    "",
  );
  out.push(
    textTable(
      ["page", "path", "mode", "HTML KiB", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "errors"],
      rows.map((r) => [
        r.page,
        r.path,
        r.mode,
        r.kib.toFixed(1),
        String(r.load.requests),
        r.load.throughput.toFixed(0),
        r.load.median.toFixed(1),
        r.load.p99.toFixed(1),
        r.load.max.toFixed(1),
        String(r.load.errors),
      ]),
    ),
    "",
  );
  for (const page of PAGES) {
    const of = (mode: Row["mode"]) => rows.find((r) => r.page === page.name && r.mode === mode)!.load;
    const share = of("cached").throughput / of("static").throughput;
    const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
    const p99 = of("uncached").p99;
    const single = of("uncached, 1 connection").p99;
    out.push(
      `${page.name}: cached/static ${share.toFixed(2)} (target ≥ ${CACHED_SHARE_TARGET}: ${verdict(share >= CACHED_SHARE_TARGET)}); ` +
        `uncached p99 ${p99.toFixed(1)} ms at ${LOAD.concurrency} connections, ${single.toFixed(1)} ms at 1 ` +
        `(target < ${UNCACHED_P99_TARGET_MS} ms: ${verdict(p99 < UNCACHED_P99_TARGET_MS)} / ${verdict(single < UNCACHED_P99_TARGET_MS)})`,
    );
  }
  console.log(out.join("\n"));
}

await runMain(main, runCleanups);

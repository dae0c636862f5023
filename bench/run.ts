// npm run bench: imports 10,000 synthetic results (of fictional municipalities) into PGlite and PostgreSQL and load-tests
// two API endpoints of the real web server on a loopback port. See docs/performance.md.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { openPglite, openPostgres, redactUrl, type Database } from "../src/db/client.server.ts";
import { prepareDatabase } from "../src/services/bootstrap.server.ts";
import { loadInstrumentDefinition } from "../src/services/instruments/loadInstrumentDefinition.server.ts";
import { importResults } from "../src/services/results/importResults.server.ts";
import { startTestServer } from "../tests/support/server.ts";
import { addBenchMunicipalities, benchInstrumentDefinitions, generateResults, municipalityCodes, RESULT_COUNT } from "./data.ts";
import { runLoad, type LoadOptions } from "./load.ts";
import { machineFacts, printReport, type EndpointReport, type KindReport } from "./report.ts";
import { createBenchDatabase } from "./postgres.ts";
import { memoryServer } from "./memoryServer.ts";

const root = fileURLToPath(new URL("../", import.meta.url));
const env = process.env;
const ADMIN_URL = env.BENCH_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const KINDS = (env.BENCH_ONLY ? env.BENCH_ONLY.split(",") : ["pglite", "postgres"]) as ("pglite" | "postgres")[];
const LOAD = {
  concurrency: Number(env.BENCH_CONCURRENCY ?? 32),
  warmupMs: Number(env.BENCH_WARMUP_MS ?? 3_000),
  durationMs: Number(env.BENCH_DURATION_MS ?? 10_000),
  maxRequests: Number(env.BENCH_MAX_REQUESTS ?? 5_000),
};
const jsonOut = process.argv.includes("--json") ? process.argv[process.argv.indexOf("--json") + 1] : undefined;

const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const seconds = (since: number) => (performance.now() - since) / 1000;

/** Cleanups still to run (also on Ctrl-C), newest first. */
const cleanups: (() => Promise<void> | void)[] = [];
async function runCleanups() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      log(`cleanup failed: ${(error as Error).message}`);
    }
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void runCleanups().finally(() => process.exit(130));
  });
}

function build() {
  log("building the app (npm run build)…");
  const started = performance.now();
  const result = spawnSync(process.execPath, ["server/build.js"], { cwd: root, encoding: "utf8", env: { ...env, NODE_ENV: "production" } });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`react-router build failed with status ${result.status}`);
  }
  log(`built in ${seconds(started).toFixed(1)} s`);
}

/** Opens a fresh database of the kind, registering its removal; a string says why it was skipped. */
async function openFresh(kind: "pglite" | "postgres"): Promise<{ database: Database; detail: string } | string> {
  if (kind === "pglite") {
    const folder = mkdtempSync(join(os.tmpdir(), "kompass-bench-"));
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
    const database = await openPglite(folder);
    return { database, detail: `PGlite in a fresh temporary folder (${folder}, removed afterwards)` };
  }
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => {});
    return `PostgreSQL unreachable at ${redactUrl(ADMIN_URL)} (${(error as Error).message || String(error)})`;
  }
  const { name, url, version } = await createBenchDatabase(admin, ADMIN_URL, "kompass_bench", cleanups, log);
  const database = await openPostgres(url);
  return { database, detail: `PostgreSQL ${version}, fresh database ${name} (dropped afterwards), pool of 16 connections` };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

async function measure(kind: "pglite" | "postgres", codes: string[], text: string): Promise<KindReport> {
  const depth = cleanups.length;
  try {
    log(`${kind}: opening a fresh database`);
    const opened = await openFresh(kind);
    if (typeof opened === "string") {
      log(`${kind}: SKIPPED: ${opened}`);
      return { kind, skipped: opened };
    }
    const { database, detail } = opened;
    cleanups.push(async () => {
      await database.close();
      log(`${kind}: database closed`);
    });

    let started = performance.now();
    await prepareDatabase(database, { demo: false });
    await addBenchMunicipalities(database.db);
    for (const { key, definition } of benchInstrumentDefinitions())
      await loadInstrumentDefinition(database.db, { name: `${key}.json`, definition });
    const prepareSeconds = seconds(started);
    log(`${kind}: migrations, reference data, fictional municipalities and bench instruments in ${prepareSeconds.toFixed(2)} s`);

    started = performance.now();
    const summary = await importResults(database.db, { name: "bench.ndjson", text });
    const importSeconds = seconds(started);
    if (summary.created !== RESULT_COUNT) throw new Error(`expected ${RESULT_COUNT} created results, got ${JSON.stringify(summary)}`);
    log(`${kind}: imported ${summary.created} results in ${importSeconds.toFixed(2)} s`);

    const server = await startTestServer({ database, port: 0, host: "127.0.0.1", rateLimits: false });
    cleanups.push(async () => {
      await closeServer(server);
      log(`${kind}: web server closed`);
    });
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const check = await fetch(`${origin}/api/v1/rankings?instrument=2010`);
    const ranked = (await check.json()) as unknown[];
    if (check.status !== 200 || ranked.length !== codes.length)
      throw new Error(`rankings sanity check failed: status ${check.status}, ${ranked.length} entries`);

    const endpoints: { name: string; path: string; paths: string[] }[] = [
      { name: "rankings", path: "/api/v1/rankings?instrument=2010", paths: ["/api/v1/rankings?instrument=2010"] },
      {
        name: "municipality results",
        path: "/api/v1/municipalities/{code}/results",
        paths: codes.map((code) => `/api/v1/municipalities/${code}/results`),
      },
    ];
    const reports: EndpointReport[] = [];
    // The baseline of issue 10: the rankings' very bytes (and headers, and gzip form) answered
    // from memory by a bare Node server in this process, measured just before the real one.
    const baseline = await memoryServer(`${origin}/api/v1/rankings?instrument=2010`);
    cleanups.push(() => closeServer(baseline.server));
    log(`${kind}: load on the rankings' bytes from memory (baseline)`);
    const fromMemory = await runLoad({ origin: baseline.origin, paths: ["/api/v1/rankings?instrument=2010"], ...LOAD });
    log(
      `${kind}: from memory: ${fromMemory.throughput.toFixed(0)} req/s, median ${fromMemory.median.toFixed(1)} ms, p99 ${fromMemory.p99.toFixed(1)} ms`,
    );
    reports.push({ name: "rankings, same bytes from memory (baseline)", path: "/api/v1/rankings?instrument=2010", load: fromMemory });
    for (const endpoint of endpoints) {
      log(
        `${kind}: load on ${endpoint.path} (${LOAD.concurrency} workers, ${LOAD.warmupMs / 1000} s warm-up, then ${LOAD.durationMs / 1000} s or ${LOAD.maxRequests} requests)`,
      );
      const options: LoadOptions = { origin, paths: endpoint.paths, ...LOAD };
      const load = await runLoad(options);
      log(
        `${kind}: ${endpoint.name}: ${load.requests} requests, ${load.throughput.toFixed(0)} req/s, median ${load.median.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms, ${load.errors} errors`,
      );
      reports.push({ name: endpoint.name, path: endpoint.path, load });
    }
    return { kind, detail, prepareSeconds, importSeconds, imported: summary.created, endpoints: reports };
  } finally {
    while (cleanups.length > depth) {
      try {
        await cleanups.pop()!();
      } catch (error) {
        log(`cleanup failed: ${(error as Error).message}`);
      }
    }
  }
}

async function main() {
  const total = performance.now();
  const loadAtStart = os.loadavg()[0]!;
  build();
  const codes = municipalityCodes();
  const started = performance.now();
  const data = generateResults(codes);
  log(
    `generated ${RESULT_COUNT} results (${(data.text.length / 1e6).toFixed(1)} MB NDJSON) in ${seconds(started).toFixed(2)} s: ` +
      `levels ${JSON.stringify(data.counts)}, instruments ${JSON.stringify(data.byInstrument)}`,
  );
  const reports: KindReport[] = [];
  for (const kind of KINDS) reports.push(await measure(kind, codes, data.text));
  const machine = machineFacts(loadAtStart);
  const settings = `${LOAD.concurrency} concurrent keep-alive connections from a worker thread; ${LOAD.warmupMs / 1000} s warm-up excluded; then ${LOAD.durationMs / 1000} s or ${LOAD.maxRequests} requests per endpoint`;
  printReport(machine, reports, settings);
  // Issue 10's target: the rankings API at least half as fast as its bytes from memory.
  for (const report of reports) {
    if (!("endpoints" in report) || !report.endpoints) continue;
    const memory = report.endpoints.find((e) => e.name.startsWith("rankings, same bytes"));
    const real = report.endpoints.find((e) => e.name === "rankings");
    if (memory && real) {
      const share = real.load.throughput / memory.load.throughput;
      console.log(
        `${report.kind}: rankings API ${real.load.throughput.toFixed(0)} req/s vs the same bytes from memory ${memory.load.throughput.toFixed(0)} req/s = ${share.toFixed(2)} × (target ≥ 0.50: ${share >= 0.5 ? "met" : "missed"})`,
      );
    }
  }
  if (jsonOut)
    writeFileSync(
      jsonOut,
      `${JSON.stringify({ machine, load: LOAD, data: { counts: data.counts, byInstrument: data.byInstrument }, reports }, null, 2)}\n`,
    );
  log(`done in ${seconds(total).toFixed(0)} s`);
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error(error);
  await runCleanups();
  process.exit(1);
}

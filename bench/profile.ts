// Where does the time go? A diagnostic companion of bench/run.ts (not part of npm run bench):
//   npm run build && node --import tsx bench/profile.ts [pglite|postgres]
// Splits the import into validation and storage, times the rankings and municipality queries
// in-process without HTTP, measures rankings over one connection and over 32, takes CPU profiles
// of the server's thread under load, and measures the municipality endpoint before and after
// ANALYZE. Uses a fresh database like run.ts and removes it afterwards.
import { Session } from "node:inspector/promises";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import pg from "pg";
import { handleApiRequest } from "../src/api/router.server.ts";
import { openPglite, openPostgres, type Database, type Db } from "../src/db/client.server.ts";
import { findAllTotals, findResults } from "../src/db/repositories/results.server.ts";
import { prepareDatabase } from "../src/services/bootstrap.server.ts";
import { getInstruments } from "../src/services/instruments/catalog.server.ts";
import { loadInstrumentDefinition } from "../src/services/instruments/loadInstrumentDefinition.server.ts";
import { importResults } from "../src/services/results/importResults.server.ts";
import { getMunicipalityResults } from "../src/services/results/queries.server.ts";
import { getRankings } from "../src/services/results/rankings.server.ts";
import { startTestServer } from "../tests/support/server.ts";
import { addBenchMunicipalities, benchInstrumentDefinitions, generateResults, municipalityCodes } from "./data.ts";
import { runLoad } from "./load.ts";

const kind = (process.argv[2] ?? "postgres") as "pglite" | "postgres";
const ADMIN_URL = process.env.BENCH_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";

async function timeEach(label: string, n: number, run: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(20, n); i++) await run();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(44)} mean ${(times.reduce((a, b) => a + b, 0) / n).toFixed(2)} ms, median ${times[n >> 1]!.toFixed(2)} ms`);
}

let database: Database;
let cleanup: () => Promise<void>;
if (kind === "pglite") {
  const folder = mkdtempSync(join(os.tmpdir(), "kompass-profile-"));
  database = await openPglite(folder);
  cleanup = async () => rmSync(folder, { recursive: true, force: true });
} else {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const name = `kompass_bench_profile_${randomBytes(4).toString("hex")}`;
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  database = await openPostgres(url.toString());
  cleanup = async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`drop database if exists ${name}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt >= 30) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await admin.end();
  };
}

try {
  await prepareDatabase(database, { demo: false });
  await addBenchMunicipalities(database.db);
  for (const { key, definition } of benchInstrumentDefinitions()) await loadInstrumentDefinition(database.db, { name: key, definition });
  const codes = municipalityCodes();
  const { text } = generateResults(codes);

  // The import: time before the transaction (parse, validate) and inside it (storeResults).
  let transactionStarted = 0;
  let transactionSeconds = 0;
  const db = new Proxy(database.db, {
    get(target, property, receiver) {
      if (property !== "transaction") return Reflect.get(target, property, receiver);
      return async (callback: (tx: unknown) => Promise<unknown>) => {
        transactionStarted = performance.now();
        const result = await (target.transaction as (cb: typeof callback) => Promise<unknown>)(callback);
        transactionSeconds = (performance.now() - transactionStarted) / 1000;
        return result;
      };
    },
  }) as Db;
  const importProfile = await startProfile();
  const t0 = performance.now();
  await importResults(db, { name: "bench.ndjson", text });
  const total = (performance.now() - t0) / 1000;
  console.log(
    `import: ${total.toFixed(2)} s = parse+validate ${((transactionStarted - t0) / 1000).toFixed(2)} s + store (transaction) ${transactionSeconds.toFixed(2)} s`,
  );
  summarise(await importProfile.stop());
  console.log("");

  // In-process, one at a time: no HTTP, no concurrency.
  const main = database.db;
  await timeEach("getInstruments (stamp query, cached)", 200, () => getInstruments(main));
  await timeEach("findAllTotals()", 200, () => findAllTotals(main));
  await timeEach("getRankings(2010)", 200, () => getRankings(main, { instrument: "2010" }));
  await timeEach("handleApiRequest(rankings)", 200, () =>
    handleApiRequest(main, new Request("http://127.0.0.1/api/v1/rankings?instrument=2010")).then((r) => r.text()),
  );
  let i = 0;
  await timeEach("findResults(municipality)", 200, () => findResults(main, { municipalityCode: codes[i++ % codes.length]! }));
  await timeEach("getMunicipalityResults", 200, () => getMunicipalityResults(main, codes[i++ % codes.length]!));
  await timeEach("handleApiRequest(municipality results)", 200, () =>
    handleApiRequest(main, new Request(`http://127.0.0.1/api/v1/municipalities/${codes[i++ % codes.length]}/results`)).then((r) =>
      r.text(),
    ),
  );

  // HTTP on the real server: one connection, then 32 with a CPU profile of this (the server's)
  // thread; the municipality endpoint again after ANALYZE (a fresh import has no statistics).
  const server = await startTestServer({ database, port: 0, host: "127.0.0.1", rateLimits: false });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rankings = ["/api/v1/rankings?instrument=2010"];
  const municipalities = codes.map((code) => `/api/v1/municipalities/${code}/results`);
  const runs: [string, string[], number, boolean, boolean][] = [
    ["rankings, 1 connection", rankings, 1, false, false],
    ["rankings, 32 connections", rankings, 32, true, false],
    ["municipality results, 32 connections, before ANALYZE", municipalities, 32, true, false],
    ["municipality results, 32 connections, after ANALYZE", municipalities, 32, false, true],
  ];
  for (const [label, paths, concurrency, profiled, analyze] of runs) {
    if (analyze) await main.execute(sql`analyze results, result_area_points, result_subarea_points`);
    const profiler = profiled ? await startProfile() : undefined;
    const load = await runLoad({ origin, paths, concurrency, warmupMs: 2000, durationMs: 8000, maxRequests: 5000 });
    console.log(
      `\n${label}: ${load.throughput.toFixed(0)} req/s, median ${load.median.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms, ` +
        `${load.errors} errors, ${(load.meanBytes / 1024).toFixed(1)} KiB/response (gzip), load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    if (profiler) summarise(await profiler.stop());
  }
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
} finally {
  await database.close();
  await cleanup();
}

/** A sampling CPU profile of this thread (the server's; the load client runs in a worker). */
async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  return {
    async stop() {
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      return profile as { nodes: ProfileNode[] };
    },
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Self time by function and by package (node_modules/<name>, src, node internals). */
function summarise(profile: { nodes: ProfileNode[]; samples?: number[] }) {
  const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url
      .replace(/^file:\/\//, "")
      .replace(/^.*\/node_modules\//, "nm:")
      .replace(/^.*\/work\/main\//, "");
    const key = `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    const pkg = !url
      ? `(${functionName || "native"})`
      : url.includes("/node_modules/")
        ? url.replace(/^.*\/node_modules\/((@[^/]+\/)?[^/]+).*$/, "$1")
        : url.startsWith("node:")
          ? "node internals"
          : where.split("/").slice(0, 2).join("/");
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, hits]) => `  ${((hits / total) * 100).toFixed(1).padStart(5)}%  ${key}`)
      .join("\n");
  console.log(`self time by package:\n${top(byPackage, 12)}`);
  console.log(`self time by function:\n${top(byFunction, 20)}`);
}

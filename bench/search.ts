// Search (issue 5), part of npm run bench; alone: node --import tsx bench/search.ts
// 10,000 synthetic published evaluations with about 20 text passages each, inserted in bulk,
// on PostgreSQL (fresh database, dropped) and PGlite (temporary folder, removed); then 500
// searches after a warm-up, one at a time, through searchPassages. Target: p95 < 50 ms.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { openPglite, openPostgres, type Database } from "../src/db/client.server.ts";
import { prepareDatabase } from "../src/services/bootstrap.server.ts";
import { searchMunicipalities } from "../src/services/search/searchMunicipalities.server.ts";
import { searchPassages } from "../src/services/search/searchPassages.server.ts";
import { prng, SEED } from "./data.ts";
import { machineFacts, textTable } from "./report.ts";
import { fill, QUERY_FILTERS, QUERY_TEXTS } from "./search-data.ts";
import { dropDatabase } from "./postgres.ts";

const env = process.env;
const ADMIN_URL = env.BENCH_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const KINDS = (env.BENCH_ONLY ? env.BENCH_ONLY.split(",") : ["postgres", "pglite"]) as ("pglite" | "postgres")[];
const EVALUATIONS = Number(env.BENCH_SEARCH_EVALUATIONS ?? 10_000);
const WARMUP = 50;
const QUERIES = Number(env.BENCH_SEARCH_QUERIES ?? 500);
const TARGET_P95_MS = 50;
const log = (message: string) => console.error(`[bench search ${new Date().toISOString().slice(11, 19)}] ${message}`);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function measure(database: Database) {
  const random = prng(SEED + 1);
  const query = () => ({
    text: QUERY_TEXTS[Math.floor(random() * QUERY_TEXTS.length)]!,
    ...QUERY_FILTERS[Math.floor(random() * QUERY_FILTERS.length)]!,
  });
  for (let i = 0; i < WARMUP; i++) await searchPassages(database.db, query());
  const times: { ms: number; q: ReturnType<typeof query>; total: number }[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const q = query();
    const started = performance.now();
    const { total } = await searchPassages(database.db, q);
    times.push({ ms: performance.now() - started, q, total });
  }
  const names: number[] = [];
  for (const text of ["örebo", "stock", "upplands", "göteborg", "sala"].flatMap((t) => Array(20).fill(t) as string[])) {
    const started = performance.now();
    await searchMunicipalities(database.db, text);
    names.push(performance.now() - started);
  }
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  const slowest = [...times].sort((a, b) => b.ms - a.ms).slice(0, 5);
  names.sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1)!,
    meanHits: times.reduce((s, t) => s + t.total, 0) / times.length,
    maxHits: Math.max(...times.map((t) => t.total)),
    names: { median: percentile(names, 50), p95: percentile(names, 95) },
    slowest,
  };
}

async function open(kind: "pglite" | "postgres"): Promise<{ database: Database; detail: string; cleanup: () => Promise<void> } | null> {
  if (kind === "pglite") {
    const folder = mkdtempSync(join(os.tmpdir(), "kompass-bench-search-"));
    const database = await openPglite(folder);
    return { database, detail: "PGlite, temporary folder", cleanup: async () => void rmSync(folder, { recursive: true, force: true }) };
  }
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (error) {
    log(`PostgreSQL unreachable, skipped: ${(error as Error).message}`);
    return null;
  }
  const name = `kompass_bench_search_${randomBytes(5).toString("hex")}`;
  const version = (await admin.query<{ server_version: string }>("show server_version")).rows[0]?.server_version ?? "?";
  await admin.query(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 4);
  const cleanup = async () => {
    await dropDatabase(admin, name);
    await admin.end();
    log(`dropped ${name}`);
  };
  return { database, detail: `PostgreSQL ${version}, fresh database`, cleanup };
}

const ms = (value: number) => value.toFixed(1);
const loadAtStart = os.loadavg()[0]!;
const rows: string[][] = [];
let failed = false;
for (const kind of KINDS) {
  const opened = await open(kind);
  if (!opened) continue;
  const { database, detail, cleanup } = opened;
  try {
    log(`${kind}: preparing (${detail})`);
    await prepareDatabase(database, { demo: false });
    const filled = await fill(database, EVALUATIONS);
    log(`${kind}: ${filled.evaluations} evaluations, ${filled.passages} passages in ${filled.seconds.toFixed(1)} s`);
    const figures = await measure(database);
    log(`${kind}: slowest: ${figures.slowest.map((s) => `${ms(s.ms)} ms ${JSON.stringify(s.q)} (${s.total} hits)`).join("; ")}`);
    rows.push([
      kind,
      String(filled.passages),
      filled.seconds.toFixed(1),
      ms(figures.median),
      ms(figures.p95),
      ms(figures.p99),
      ms(figures.max),
      `${Math.round(figures.meanHits)} / ${figures.maxHits}`,
      `${ms(figures.names.median)} / ${ms(figures.names.p95)}`,
    ]);
    if (figures.p95 >= TARGET_P95_MS) failed = true;
  } finally {
    await database.close();
    await cleanup();
  }
}
const machine = machineFacts(loadAtStart);
console.log(`\nSearch (issue 5): ${EVALUATIONS} evaluations, ${WARMUP} warm-up + ${QUERIES} searches one at a time through searchPassages`);
console.log(
  `Machine: ${machine.cpuModel} × ${machine.cpuCount}, ${machine.totalMemoryGiB} GiB, ${machine.os}, Node ${machine.node}, PGlite ${machine.pglite}; ${machine.date}`,
);
console.log(
  textTable(
    ["database", "passages", "fill s", "median ms", "p95 ms", "p99 ms", "max ms", "hits mean / max", "names median / p95 ms"],
    rows,
  ),
);
console.log(`Target: p95 < ${TARGET_P95_MS} ms: ${failed ? "MISSED" : "met"}`);
if (failed) process.exitCode = 1;

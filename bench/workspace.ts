// Signed-in pages (issue 14), part of npm run bench; alone: node --import tsx bench/workspace.ts
// On a fresh PostgreSQL database with 200 evaluations of fictional municipalities in every status
// (bench/workspace-data.ts), signed in as an evaluator of all of them and as a contact of one
// municipality, load-tests every workspace page of the real server (cache off: a signed-in page
// is never cached) beside a static file served from memory in the same run.
// Target: every page p95 < 150 ms. BENCH_WORKSPACE_CONCURRENCY (4: people at work in the same
// moment on one server process; the mixed benchmark puts them under a spike), BENCH_WARMUP_MS,
// BENCH_DURATION_MS; BENCH_WORKSPACE_PAGES=poang,samsyn measures only those (for profiling);
// BENCH_WORKSPACE_KEEP=1 keeps the database (its name is printed) and BENCH_WORKSPACE_DATABASE=<name>
// measures such a kept one again without making the data anew (it is then kept too).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { fileURLToPath } from "node:url";
import express from "express";
import compression from "compression";
import pg from "pg";
import { openPostgres } from "../src/db/client.server.ts";
import { signIn } from "../src/services/auth/authentication.server.ts";
import { prepareDatabase } from "../src/services/bootstrap.server.ts";
import { startTestServer } from "../tests/support/server.ts";
import { runLoad, type LoadResult } from "./load.ts";
import { dropDatabase } from "./postgres.ts";
import { machineFacts, textTable } from "./report.ts";
import { type BenchEvaluation, makeWorkspaceData, PASSWORD, readWorkspaceData } from "./workspace-data.ts";
import { inProductionMode, runMain } from "./lifecycle.ts";

inProductionMode({ LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" });

const root = fileURLToPath(new URL("../", import.meta.url));
const env = process.env;
const ADMIN_URL = env.BENCH_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const LOAD = {
  concurrency: Number(env.BENCH_WORKSPACE_CONCURRENCY ?? 4),
  warmupMs: Number(env.BENCH_WARMUP_MS ?? 1_000),
  durationMs: Number(env.BENCH_DURATION_MS ?? 4_000),
  maxRequests: Number(env.BENCH_PAGE_MAX_REQUESTS ?? 200_000),
};
const P95_TARGET_MS = 150;
/** Each page of app/routes.ts under arbetsyta/:id, by its address ("" is the overview). */
const PAGES = [
  "",
  "sjalvvardering",
  "sjalvvardering/jamforelse",
  "underlag",
  "poang",
  "samsyn",
  "uppfoljning",
  "texter",
  "logg",
  "versioner",
  "rapport",
  "handlingsplan",
];
const only = env.BENCH_WORKSPACE_PAGES?.split(",");

const log = (message: string) => console.error(`[bench workspace ${new Date().toISOString().slice(11, 19)}] ${message}`);
const cleanups: (() => Promise<void> | void)[] = [];
async function runCleanups() {
  while (cleanups.length > 0) await Promise.resolve(cleanups.pop()!()).catch((error: Error) => log(`cleanup failed: ${error.message}`));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void runCleanups().finally(() => process.exit(130)));
const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
const origin = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function freshDatabase() {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  const kept = env.BENCH_WORKSPACE_DATABASE;
  if (kept && !/^kompass_bench_workspace_[0-9a-f]{10}$/.test(kept)) throw new Error(`${kept} is not a database this benchmark made`);
  const name = kept || `kompass_bench_workspace_${randomBytes(5).toString("hex")}`;
  const version = (await admin.query<{ server_version: string }>("show server_version")).rows[0]?.server_version ?? "?";
  if (!kept) await admin.query(`create database ${name}`);
  const keep = !!kept || env.BENCH_WORKSPACE_KEEP === "1";
  cleanups.push(async () => {
    if (keep) log(`kept database ${name}: BENCH_WORKSPACE_DATABASE=${name} measures it again`);
    else await dropDatabase(admin, name);
    await admin.end();
    if (!keep) log(`dropped database ${name}`);
  });
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  cleanups.push(() => database.close());
  return {
    database,
    fresh: !kept,
    detail: `PostgreSQL ${version}, ${kept ? "kept" : "fresh"} database ${name}${keep ? "" : " (dropped afterwards)"}`,
  };
}

/** The static baseline: one page's HTML from memory, through the same compression middleware. */
function staticServer(html: string): Promise<Server> {
  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.get("/page.html", (_request, response) => void response.type("html").send(html));
  return new Promise((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => resolve(server));
  });
}

/** A session cookie, as the sign-in page would set it. */
async function sessionCookie(database: Awaited<ReturnType<typeof openPostgres>>, email: string): Promise<string> {
  const outcome = await signIn(database.db, { email, password: PASSWORD, address: "192.0.2.10", headers: new Headers() });
  if (!outcome.ok) throw new Error(`sign-in as ${email} failed: ${outcome.reason}`);
  return outcome.setCookies.map((cookie) => cookie.split(";")[0]).join("; ");
}

interface Row {
  who: string;
  page: string;
  paths: number;
  kib: number;
  load: LoadResult;
  /** This process's CPU time (server and load client) per request: steadier than latency on a busy machine. */
  cpuMs: number;
}

/** runLoad, with the process's CPU time per measured request (warm-up included in neither). */
async function measured(options: Parameters<typeof runLoad>[0]): Promise<{ load: LoadResult; cpuMs: number }> {
  const before = process.cpuUsage();
  const load = await runLoad(options);
  const used = process.cpuUsage(before);
  // The warm-up's requests are in the CPU time too: count them at the measured rate.
  const requests = load.requests + load.throughput * load.warmupSeconds;
  return { load, cpuMs: (used.user + used.system) / 1000 / requests };
}

/** The page's addresses, of evaluations in as many statuses as answer 200 (at most one per status). */
async function pathsOf(base: string, cookie: string, page: string, evaluations: BenchEvaluation[]) {
  const found: { path: string; bytes: number }[] = [];
  const statuses = new Set<string>();
  for (const evaluation of evaluations) {
    if (statuses.has(evaluation.status)) continue;
    const path = `/arbetsyta/${evaluation.id}${page ? `/${page}` : ""}`;
    const response = await fetch(base + path, { headers: { cookie }, redirect: "manual" });
    const text = await response.text();
    if (response.status !== 200) continue;
    statuses.add(evaluation.status);
    found.push({ path, bytes: Buffer.byteLength(text) });
  }
  return found;
}

async function main() {
  const loadAtStart = os.loadavg()[0]!;
  if (!existsSync(`${root}build/server/index.js`) || process.argv.includes("--build")) {
    log("building the app…");
    const built = spawnSync("npx", ["react-router", "build"], { cwd: root, stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
    if (built.status !== 0) throw new Error("react-router build failed");
  }
  const { database, fresh, detail } = await freshDatabase();
  if (fresh) await prepareDatabase(database, { demo: false });
  const started = performance.now();
  const data = fresh ? await makeWorkspaceData(database.db, log) : await readWorkspaceData(database.db);
  log(`made ${data.evaluations.length} evaluations in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const server = await startTestServer({ database, port: 0, host: "127.0.0.1", pageCache: false, rateLimits: false });
  cleanups.push(() => closeServer(server));
  const base = origin(server);
  const rows: Row[] = [];
  const people = [
    { who: "evaluator", email: data.evaluator.email, evaluations: data.evaluations },
    { who: "contact", email: data.contact.email, evaluations: data.evaluations.filter((e) => e.municipality.code === "9001") },
  ];
  let baselineHtml = "";
  for (const person of people) {
    const cookie = await sessionCookie(database, person.email);
    const list = await fetch(`${base}/arbetsyta`, { headers: { cookie }, redirect: "manual" });
    if (list.status !== 200) throw new Error(`/arbetsyta answered ${list.status} for the ${person.who}: not signed in`);
    const targets = [{ page: "(list)", paths: [{ path: "/arbetsyta", bytes: Buffer.byteLength(await list.text()) }] }];
    for (const page of PAGES) targets.push({ page: page || "(overview)", paths: await pathsOf(base, cookie, page, person.evaluations) });
    for (const { page, paths } of targets) {
      if (paths.length === 0 || (only && !only.includes(page))) continue;
      log(`${person.who} ${page}: ${paths.length} addresses`);
      const { load, cpuMs } = await measured({ origin: base, paths: paths.map((p) => p.path), ...LOAD, headers: { cookie } });
      log(
        `  ${load.throughput.toFixed(0)} req/s, p50 ${load.median.toFixed(1)} ms, p95 ${load.p95.toFixed(1)} ms, ${cpuMs.toFixed(1)} ms CPU, ${load.errors} errors`,
      );
      const kib = paths.reduce((sum, p) => sum + p.bytes, 0) / paths.length / 1024;
      rows.push({ who: person.who, page, paths: paths.length, kib, load, cpuMs });
      if (page === "poang" && !baselineHtml) baselineHtml = await (await fetch(base + paths[0]!.path, { headers: { cookie } })).text();
    }
  }
  const statics = await staticServer(baselineHtml || "<!doctype html><title>x</title>");
  cleanups.push(() => closeServer(statics));
  const { load, cpuMs } = await measured({ origin: origin(statics), paths: ["/page.html"], ...LOAD });
  rows.push({ who: "static", page: "poang's HTML from memory", paths: 1, kib: Buffer.byteLength(baselineHtml) / 1024, load, cpuMs });
  report(rows, machineFacts(loadAtStart), `${detail}; ${data.evaluations.length} evaluations`);
}

function report(rows: Row[], machine: ReturnType<typeof machineFacts>, detail: string) {
  const out = ["", "Signed-in workspace pages (issue 14)", "====================================", ""];
  out.push(`Date:    ${machine.date}`, `CPU:     ${machine.cpuModel} × ${machine.cpuCount}`, `Node:    ${machine.node}`);
  out.push(`Load:    1-minute load average ${machine.loadAverage.start.toFixed(2)} at start, ${machine.loadAverage.end.toFixed(2)} at end`);
  out.push(`Data:    ${detail}`);
  out.push(`Clients: ${LOAD.concurrency} keep-alive connections, ${LOAD.warmupMs / 1000} s warm-up, then ${LOAD.durationMs / 1000} s`);
  out.push("CPU:     this process's (server and load client; not PostgreSQL's) per request", "");
  out.push(
    textTable(
      ["who", "page", "addresses", "HTML KiB", "req/s", "p50 ms", "p95 ms", "p99 ms", "CPU ms/req", "errors"],
      rows.map((r) => [
        r.who,
        r.page,
        String(r.paths),
        r.kib.toFixed(1),
        r.load.throughput.toFixed(0),
        r.load.median.toFixed(1),
        r.load.p95.toFixed(1),
        r.load.p99.toFixed(1),
        r.cpuMs.toFixed(1),
        String(r.load.errors),
      ]),
    ),
    "",
  );
  const pages = rows.filter((r) => r.who !== "static");
  const slowest = pages.reduce((a, b) => (b.load.p95 > a.load.p95 ? b : a), pages[0]!);
  const met = pages.every((r) => r.load.p95 < P95_TARGET_MS && r.load.errors === 0);
  out.push(
    `Every workspace page p95 < ${P95_TARGET_MS} ms: ${met ? "met" : "MISSED"} (slowest: ${slowest?.who} ${slowest?.page}, p95 ${slowest?.load.p95.toFixed(1)} ms)`,
  );
  console.log(out.join("\n"));
}

await runMain(main, runCleanups);

import { writeFileSync } from "node:fs";
import os from "node:os";
import { openPostgres, redactUrl } from "../src/db/client.server.ts";
import { logger } from "../src/logger.server.ts";
import { prepareDatabase } from "../src/services/bootstrap.server.ts";
import { loadInstrumentDefinition } from "../src/services/instruments/loadInstrumentDefinition.server.ts";
import { importResults } from "../src/services/results/importResults.server.ts";
import { TestClient } from "../tests/support/http.ts";
import { startRoundRobinProxy } from "../tests/support/roundRobinProxy.ts";
import pg from "pg";
import { addBenchMunicipalities, benchInstrumentDefinitions, generateResults, municipalityCodes, RESULT_COUNT, SEED } from "./data.ts";
import { BENCH_PASSWORD, type BenchEvaluation, benchEmail, seedBenchEvaluations } from "./evaluations.ts";
import { runLoad, runMixedLoad, type LoadResult, type RequestClass } from "./load.ts";
import { memoryServer } from "./memoryServer.ts";
import { cachedCandidates, CLASS_NAMES, classSequence, uniqueRankings, uniqueSearches, weightedList, workspaceCandidates } from "./mix.ts";
import { type ConfigurationResult, configurationTable, header, TARGETS, targetLines } from "./mixed-report.ts";
import { createBenchDatabase } from "./postgres.ts";
import { machineFacts } from "./report.ts";
import { ensureFreshBuild, type ServerProcess, startProductionServer } from "./servers.ts";
import { runMain } from "./lifecycle.ts";
import { measureRenderScaling, type RenderScaling, renderScalingTable, renderScalingTargets } from "./render-scaling.ts";

const env = process.env;
const ADMIN_URL = env.BENCH_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const LOAD = {
  concurrency: Number(env.BENCH_MIXED_CONCURRENCY ?? 64),
  warmupMs: Number(env.BENCH_WARMUP_MS ?? 5_000),
  durationMs: Number(env.BENCH_DURATION_MS ?? 20_000),
  maxRequests: 10_000_000,
};
const PORT = Number(env.BENCH_MIXED_PORT ?? 4600);
const EVALUATIONS = Number(env.BENCH_MIXED_EVALUATIONS ?? 35);
const CONFIGURATIONS = [
  { key: "1", name: "1 worker", workers: [1] },
  { key: "2", name: "2 workers", workers: [2] },
  { key: "servers", name: "two servers (1 worker each) behind the round-robin proxy", workers: [1, 1] },
].filter((c) => (env.BENCH_MIXED_CONFIGS ?? "renders,1,2,servers").split(",").includes(c.key));
const RENDERS = (env.BENCH_MIXED_CONFIGS ?? "renders,1,2,servers").split(",").includes("renders");
/** The issue's two uncached pages, and a synthetic municipality with 34 results. */
const RENDER_PATHS = ["/rankning?instrument=2010", "/kommun/1880-orebro", "/kommun/9001-syntetisk-kommun-001"];
const jsonOut = process.argv.includes("--json") ? process.argv[process.argv.indexOf("--json") + 1] : undefined;

// The seeding's mails (log transport) and other info lines would bury the tables.
logger.level = env.LOG_LEVEL ?? "warn";
const log = (message: string) => console.error(`[bench mixed ${new Date().toISOString().slice(11, 19)}] ${message}`);
const cleanups: (() => Promise<void> | void)[] = [];
async function runCleanups() {
  while (cleanups.length > 0) await Promise.resolve(cleanups.pop()!()).catch((error: Error) => log(`cleanup failed: ${error.message}`));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void runCleanups().finally(() => process.exit(130)));

/** A fresh database with everything the workload asks for; its URL for the servers. */
async function seededDatabase(): Promise<{ url: string; detail: string; evaluations: BenchEvaluation[] }> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  const { name, url, version } = await createBenchDatabase(admin, ADMIN_URL, "bench_mixed", cleanups, log);
  const database = await openPostgres(url);
  try {
    await prepareDatabase(database, { demo: false });
    await addBenchMunicipalities(database.db);
    for (const { key, definition } of benchInstrumentDefinitions())
      await loadInstrumentDefinition(database.db, { name: `${key}.json`, definition });
    const summary = await importResults(database.db, { name: "bench.ndjson", text: generateResults(municipalityCodes()).text });
    if (summary.created !== RESULT_COUNT) throw new Error(`expected ${RESULT_COUNT} results, got ${JSON.stringify(summary)}`);
    log(`imported ${summary.created} results; seeding ${EVALUATIONS} evaluations…`);
    const { evaluations } = await seedBenchEvaluations(database.db, { count: EVALUATIONS });
    const published = evaluations.filter((e) => e.status === "published").length;
    log(`${evaluations.length} evaluations, ${published} published`);
    const detail = `PostgreSQL ${version} (${redactUrl(ADMIN_URL)}), fresh database ${name} (dropped afterwards): reference data, ${RESULT_COUNT} synthetic results of 290 fictional municipalities, ${evaluations.length} evaluations of ${evaluations.length} more (${published} published)`;
    return { url, detail, evaluations };
  } finally {
    await database.close();
  }
}

/** GETs each path (a few at a time); the status of each. */
async function statuses(origin: string, paths: string[], headers: Record<string, string> = {}): Promise<Map<string, number>> {
  const answers = new Map<string, number>();
  const queue = [...paths];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const response = await fetch(origin + path, { headers, redirect: "manual" }).catch(() => null);
      await response?.arrayBuffer();
      answers.set(path, response?.status ?? 0);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return answers;
}

const answering = async (origin: string, paths: string[], what: string, headers?: Record<string, string>) => {
  const answers = await statuses(origin, paths, headers);
  const dropped = [...answers].filter(([, status]) => status !== 200);
  if (dropped.length > 0)
    log(
      `${what}: left out ${dropped.length} of ${paths.length} (${dropped
        .slice(0, 6)
        .map(([p, s]) => `${p} ${s}`)
        .join(", ")}${dropped.length > 6 ? ", …" : ""})`,
    );
  return paths.filter((path) => answers.get(path) === 200);
};

interface Workload {
  cached: string[];
  workspace: { path: string; headers: Record<string, string> }[];
  pdfs: string[];
}

/** Signs the evaluators in and settles which pages answer, on the first configuration's servers. */
async function workload(origin: string, evaluations: BenchEvaluation[]): Promise<Workload> {
  const published = evaluations.filter((e) => e.status === "published");
  const candidates = cachedCandidates(published);
  const cachedOk = new Set(await answering(origin, [...new Set(candidates.map((c) => c.path))], "cached pages"));
  const cached = weightedList(
    candidates.filter((c) => cachedOk.has(c.path)),
    SEED,
  );
  // Sessions live in the database: a sign-in through one server holds on every other.
  const cookies: Record<string, string>[] = [];
  for (const key of ["eva", "per"] as const) {
    const client = new TestClient(origin);
    await client.signIn(benchEmail(key), BENCH_PASSWORD);
    cookies.push({ cookie: client.cookieHeader() });
  }
  const tabs = await answering(origin, workspaceCandidates(evaluations), "workspace pages", cookies[0]);
  const workspace = cookies.flatMap((headers) => tabs.map((path) => ({ path, headers })));
  // Each report's PDF under its proper name: a made-up name is redirected to it.
  const pdfs: string[] = [];
  for (const e of published) {
    const response = await fetch(`${origin}/rapport/${e.id}/rapport.pdf`, { redirect: "manual" });
    const location = response.headers.get("location");
    if (location) pdfs.push(new URL(location, origin).pathname);
  }
  log(`workload: ${new Set(cached).size} cached pages, ${tabs.length} workspace pages × ${cookies.length} evaluators, ${pdfs.length} PDFs`);
  return { cached, workspace, pdfs: await answering(origin, pdfs, "PDFs") };
}

async function runConfiguration(
  index: number,
  databaseUrl: string,
  evaluations: BenchEvaluation[],
  shared: { workload?: Workload; baseline?: LoadResult },
): Promise<ConfigurationResult> {
  const configuration = CONFIGURATIONS[index]!;
  const depth = cleanups.length;
  try {
    log(`${configuration.name}: starting`);
    const servers: ServerProcess[] = [];
    for (const [i, workers] of configuration.workers.entries()) {
      const server = await startProductionServer({ databaseUrl, port: PORT + 10 + 2 * index + i * 10, workers, log });
      cleanups.push(() => server.stop());
      servers.push(server);
    }
    let origin = servers[0]!.origin;
    if (servers.length > 1) {
      const proxy = await startRoundRobinProxy(
        servers.map((s) => s.origin),
        { port: PORT + 1 + index },
      );
      cleanups.push(() => proxy.close());
      origin = proxy.url;
    }
    // Settling the workload asks for every page once: that warms the first configuration's process.
    const warmed = shared.workload ? 0 : 1;
    shared.workload ??= await workload(origin, evaluations);
    const { cached, workspace, pdfs } = shared.workload;
    // Every serving process renders each popular page and PDF once before the clock starts.
    const processes = servers.reduce((n, s) => n + s.processes, 0);
    for (let pass = warmed; pass < processes; pass++) await statuses(origin, [...new Set(cached), ...pdfs]);
    if (!shared.baseline) {
      const memory = await memoryServer(`${origin}/`, { accept: "text/html", port: PORT });
      log(`baseline: the start page's HTML from memory, ${LOAD.concurrency} connections`);
      shared.baseline = await runLoad({ origin: memory.origin, paths: ["/"], ...LOAD });
      await new Promise<void>((resolve) => {
        memory.server.close(() => resolve());
        memory.server.closeAllConnections();
      });
    }
    const seed = SEED + 1000 * (index + 1);
    const classes: RequestClass[] = CLASS_NAMES.map((name) => {
      if (name === "cached") return { name, once: false, requests: cached.map((path) => ({ path })) };
      if (name === "rankings") return { name, once: true, requests: uniqueRankings(60_000, seed + 1).map((path) => ({ path })) };
      if (name === "search") return { name, once: true, requests: uniqueSearches(40_000, seed + 2).map((path) => ({ path })) };
      if (name === "workspace") return { name, once: false, requests: workspace };
      return { name, once: false, requests: pdfs.map((path) => ({ path })) };
    });
    log(`${configuration.name}: ${LOAD.warmupMs / 1000} s warm-up, then ${LOAD.durationMs / 1000} s at ${LOAD.concurrency} connections`);
    const mixed = await runMixedLoad({
      origin,
      ...LOAD,
      classes,
      sequence: classSequence(seed),
      groups: [{ name: "uncached", classes: [CLASS_NAMES.indexOf("rankings"), CLASS_NAMES.indexOf("search")] }],
    });
    log(
      `${configuration.name}: ${mixed.total.requests} requests, ${mixed.total.throughput.toFixed(0)} req/s, ${mixed.total.errors} errors`,
    );
    return { name: configuration.name, processes, mixed };
  } finally {
    while (cleanups.length > depth)
      await Promise.resolve(cleanups.pop()!()).catch((error: Error) => log(`cleanup failed: ${error.message}`));
  }
}

async function main() {
  const loadAtStart = os.loadavg()[0]!;
  ensureFreshBuild();
  const { url, detail, evaluations } = await seededDatabase();
  const shared: { workload?: Workload; baseline?: LoadResult } = {};
  const renders: RenderScaling | undefined = RENDERS
    ? await measureRenderScaling({ databaseUrl: url, port: PORT + 40, paths: RENDER_PATHS, load: LOAD, log, cleanups })
    : undefined;
  const results: ConfigurationResult[] = [];
  for (const index of CONFIGURATIONS.keys()) results.push(await runConfiguration(index, url, evaluations, shared));
  const out = header(machineFacts(loadAtStart), [
    `Data:    ${detail}`,
    `Servers: node server/index.js (production build), KOMPASS_WORKERS=N, DATABASE_URL, KOMPASS_DEMO=false, KOMPASS_REMINDERS=off, KOMPASS_RATE_LIMITS=off`,
    `Clients: ${LOAD.concurrency} keep-alive connections from one worker thread of this process (which also runs the proxy), Accept-Encoding gzip; ${LOAD.warmupMs / 1000} s warm-up not counted, then ${LOAD.durationMs / 1000} s`,
    `Mix:     every request's class drawn with a seeded PRNG; uncached URLs never repeat (cache hit % shows it); workspace pages with the session of one of two evaluators`,
  ]);
  if (renders) out.push(...renderScalingTable(renders, LOAD.concurrency), "");
  for (const result of results) out.push(configurationTable(result, shared.baseline!), "");
  const targets = [
    ...(renders ? renderScalingTargets(renders, TARGETS) : []),
    ...(shared.baseline ? targetLines(results, shared.baseline) : []),
  ];
  out.push("Targets", ...targets.map((line) => `  ${line}`), "");
  console.log(out.join("\n"));
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ load: LOAD, detail, baseline: shared.baseline, renders, results }, null, 2)}\n`);
}

await runMain(main, runCleanups);

// Uncached renders alone, 1 and 2 workers (issue 14's "every core"): the production server with
// its page cache off (KOMPASS_PAGE_CACHE=off), so that every request to the two pages is
// rendered, at 64 connections, beside a static file served from memory in the same run. The
// mixed workload (bench/mixed.ts) measures the same servers with everything else going on; this
// phase isolates what a second worker adds to rendering.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { type LoadResult, runLoad } from "./load.ts";
import { memoryServer } from "./memoryServer.ts";
import { textTable } from "./report.ts";
import { type ServerProcess, startProductionServer } from "./servers.ts";

export interface RenderScalingRow {
  workers: number;
  processes: number;
  load: LoadResult;
  /** CPU the server's processes (primary and workers, every thread) used over the load, in cores. */
  serverCores: number;
  /** CPU the whole machine was busy over the load, in cores (all processes: load generator, PostgreSQL…). */
  machineCores: number;
}

/** The process and its child processes (a cluster's workers). */
function processTree(pid: number): number[] {
  const ps = spawnSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" });
  return [
    pid,
    ...ps.stdout
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map(Number),
  ];
}

/** User and system CPU seconds of the processes, from /proc (every thread counted). */
function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone: nothing to count.
    }
  }
  return ticks / 100;
}

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineBusySeconds(): number {
  const [, ...values] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = values.map(Number);
  return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
}

export interface RenderScaling {
  paths: string[];
  baseline: LoadResult;
  rows: RenderScalingRow[];
}

type Load = { concurrency: number; warmupMs: number; durationMs: number; maxRequests: number };

async function get(origin: string, path: string): Promise<number> {
  const response = await fetch(origin + path, { headers: { "accept-encoding": "gzip" } });
  await response.arrayBuffer();
  return response.status;
}

export async function measureRenderScaling(options: {
  databaseUrl: string;
  port: number;
  paths: string[];
  load: Load;
  log: (line: string) => void;
  cleanups: (() => Promise<void> | void)[];
}): Promise<RenderScaling> {
  const { databaseUrl, port, paths, load, log, cleanups } = options;
  const rows: RenderScalingRow[] = [];
  let baseline: LoadResult | undefined;
  for (const workers of [1, 2]) {
    const depth = cleanups.length;
    try {
      const server: ServerProcess = await startProductionServer({
        databaseUrl,
        port: port + workers,
        workers,
        log,
        env: { KOMPASS_PAGE_CACHE: "off" },
      });
      cleanups.push(() => server.stop());
      for (const path of paths) {
        const status = await get(server.origin, path);
        if (status !== 200) throw new Error(`${path} answered ${status}`);
      }
      // Each worker renders every page a few times (the JIT, the page data made once per data version).
      for (let pass = 0; pass < 10 * server.processes; pass++) await Promise.all(paths.map((path) => get(server.origin, path)));
      if (!baseline) {
        const memory = await memoryServer(`${server.origin}${paths[0]}`, { accept: "text/html", port: port + 9 });
        log(`renders: baseline, ${paths[0]}'s HTML from memory, ${load.concurrency} connections`);
        baseline = await runLoad({ origin: memory.origin, paths: ["/"], ...load });
        await new Promise<void>((resolve) => {
          memory.server.close(() => resolve());
          memory.server.closeAllConnections();
        });
      }
      log(`renders: ${workers} worker(s), ${load.concurrency} connections, page cache off`);
      const pids = processTree(server.pid);
      const started = { at: performance.now(), server: cpuSeconds(pids), machine: machineBusySeconds() };
      const result = await runLoad({ origin: server.origin, paths, ...load });
      // Over the warm-up and the measured phase alike: both run the same closed loop.
      const seconds = (performance.now() - started.at) / 1000;
      const serverCores = (cpuSeconds(pids) - started.server) / seconds;
      const machineCores = (machineBusySeconds() - started.machine) / seconds;
      if (result.errors > 0) log(`renders: ${result.errors} answers were not 200: ${JSON.stringify(result.statuses)}`);
      if ((result.cache.hit ?? 0) > 0) throw new Error("the page cache answered with it turned off");
      rows.push({ workers, processes: server.processes, load: result, serverCores, machineCores });
    } finally {
      while (cleanups.length > depth)
        await Promise.resolve(cleanups.pop()!()).catch((error: Error) => log(`cleanup failed: ${error.message}`));
    }
  }
  return { paths, baseline: baseline!, rows };
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "–");

export function renderScalingTable(result: RenderScaling, concurrency: number): string[] {
  const row = (label: string, processes: string, load: LoadResult, cores?: { server: number; machine: number }) => [
    label,
    processes,
    cores ? fixed(cores.server, 2) : "–",
    cores ? fixed(cores.machine, 2) : "–",
    String(load.requests),
    fixed(load.throughput, 0),
    fixed(load.median, 1),
    fixed(load.p95, 1),
    fixed(load.p99, 1),
    String(load.errors),
    fixed(load.throughput / result.baseline.throughput, 3),
  ];
  return [
    `Uncached renders alone (page cache off), ${concurrency} connections, requests cycling over ${result.paths.join(", ")}`,
    textTable(
      [
        "configuration",
        "processes",
        "server cores",
        "machine cores",
        "requests",
        "req/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "errors",
        "÷ static",
      ],
      [
        ...result.rows.map((r) =>
          row(`${r.workers} worker${r.workers > 1 ? "s" : ""}`, String(r.processes), r.load, {
            server: r.serverCores,
            machine: r.machineCores,
          }),
        ),
        row("static file from memory (baseline)", "–", result.baseline),
      ],
    ),
  ];
}

/** The scaling and p99 targets read off the renders-alone phase. */
export function renderScalingTargets(result: RenderScaling, targets: { scaling: number; uncachedP99Ms: number }): string[] {
  const [one, two] = [result.rows.find((r) => r.workers === 1), result.rows.find((r) => r.workers === 2)];
  if (!one || !two) return [];
  const ratio = two.load.throughput / one.load.throughput;
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  // What a second worker can add at most: the machine's cores over what one worker's server used.
  const cores = os.cpus().length;
  const ceiling = Math.min(2, cores / one.serverCores);
  return [
    `uncached renders alone, 1 → 2 workers: ${fixed(one.load.throughput, 0)} → ${fixed(two.load.throughput, 0)} req/s ` +
      `(${fixed(ratio, 2)} ×, target ≥ ${targets.scaling}: ${verdict(ratio >= targets.scaling)}; ${one.processes} → ${two.processes} serving processes observed)`,
    `  one worker's server used ${fixed(one.serverCores, 2)} cores (its main thread, garbage collection and compression threads), so on ${cores} cores ` +
      `2 workers can reach at most ${fixed(ceiling, 2)} × before the load generator and PostgreSQL take their share; ` +
      `per server core: ${fixed(one.load.throughput / one.serverCores, 0)} → ${fixed(two.load.throughput / two.serverCores, 0)} req/s`,
    ...result.rows.map(
      (r) =>
        `uncached renders alone, ${r.workers} worker(s): p99 ${fixed(r.load.p99, 1)} ms (target < ${targets.uncachedP99Ms} ms: ` +
        `${verdict(r.load.p99 < targets.uncachedP99Ms)}); throughput ÷ the static file's ${fixed(r.load.throughput / result.baseline.throughput, 3)}`,
    ),
  ];
}

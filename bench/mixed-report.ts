// The mixed benchmark's tables and targets (bench/mixed.ts).
import type { LoadResult, MixedLoadResult } from "./load.ts";
import { MIX, type ClassName } from "./mix.ts";
import type { MachineFacts } from "./report.ts";
import { textTable } from "./report.ts";

export interface ConfigurationResult {
  name: string;
  /** Node processes serving, as observed (KOMPASS_WORKERS is ignored by a server without cluster support). */
  processes: number;
  mixed: MixedLoadResult;
}

export const TARGETS = { uncachedP99Ms: 100, scaling: 1.7, workspaceP95Ms: 150, pdfP95Ms: 50 } as const;

const LABELS: Record<ClassName | "uncached" | "all", string> = {
  cached: "cached public pages",
  rankings: "uncached: filtered rankings",
  search: "uncached: searches",
  workspace: "signed-in workspace pages",
  pdf: "published report PDFs",
  uncached: "uncached (rankings + searches)",
  all: "all",
};

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
/** A latency target: not measured when the class got no request in the measured phase. */
const within = (value: number, target: number) => (Number.isFinite(value) ? verdict(value < target) : "not measured");

function hitShare(load: LoadResult): string {
  const hits = load.cache.hit ?? 0;
  const counted = hits + (load.cache.miss ?? 0) + (load.cache.stale ?? 0);
  return counted === 0 ? "–" : fixed((100 * hits) / counted, 1);
}

function row(label: string, share: string, load: LoadResult): string[] {
  return [
    label,
    share,
    String(load.requests),
    fixed(load.throughput, 0),
    fixed(load.median, 1),
    fixed(load.p95, 1),
    fixed(load.p99, 1),
    fixed(load.max, 0),
    String(load.errors),
    hitShare(load),
    fixed(load.meanBytes / 1024, 1),
  ];
}

export const classLoad = (result: ConfigurationResult, name: ClassName | "uncached" | "all"): LoadResult =>
  name === "all"
    ? result.mixed.total
    : name === "uncached"
      ? result.mixed.groups.find((g) => g.name === "uncached")!.load
      : result.mixed.classes.find((c) => c.name === name)!.load;

export function configurationTable(result: ConfigurationResult, baseline: LoadResult): string {
  const rows = (Object.keys(MIX) as ClassName[]).map((name) => row(LABELS[name], fixed(MIX[name] / 10, 1), classLoad(result, name)));
  rows.splice(3, 0, row(LABELS.uncached, fixed((MIX.rankings + MIX.search) / 10, 1), classLoad(result, "uncached")));
  rows.push(row(LABELS.all, "100.0", result.mixed.total));
  rows.push(row("static file from memory (baseline, alone)", "–", baseline));
  const repeats = result.mixed.classes.filter((c) => c.repeats > 0).map((c) => `${c.name} repeated ${c.repeats} URLs`);
  const failures = result.mixed.classes
    .filter((c) => c.load.errors > 0)
    .map(
      (c) =>
        `${c.name}: ${Object.entries(c.load.statuses)
          .filter(([status]) => status !== "200")
          .map(([status, n]) => `${n} × ${status === "0" ? "no answer" : status}`)
          .join(", ")}`,
    );
  return [
    `${result.name}: ${result.processes} serving Node process(es)${repeats.length ? `; ${repeats.join(", ")}` : ""}`,
    textTable(["class", "share %", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "cache hit %", "KiB"], rows),
    ...(failures.length ? [`not 200: ${failures.join("; ")}`] : []),
  ].join("\n");
}

export function targetLines(results: ConfigurationResult[], baseline: LoadResult): string[] {
  const out: string[] = [];
  const one = results.find((r) => r.name.startsWith("1 worker"));
  const two = results.find((r) => r.name.startsWith("2 workers"));
  const servers = results.find((r) => r.name.startsWith("two servers"));
  if (one && two) {
    const total = classLoad(two, "all").throughput / classLoad(one, "all").throughput;
    const uncached = classLoad(two, "uncached").throughput / classLoad(one, "uncached").throughput;
    out.push(
      `1 → 2 workers: all ${fixed(classLoad(one, "all").throughput, 0)} → ${fixed(classLoad(two, "all").throughput, 0)} req/s (${fixed(total, 2)} ×); ` +
        `uncached ${fixed(classLoad(one, "uncached").throughput, 0)} → ${fixed(classLoad(two, "uncached").throughput, 0)} req/s ` +
        `(${fixed(uncached, 2)} ×, target ≥ ${TARGETS.scaling}: ${verdict(uncached >= TARGETS.scaling)}; ${one.processes} → ${two.processes} serving processes observed)`,
    );
  }
  if (one && servers) {
    const ratio = classLoad(servers, "uncached").throughput / classLoad(one, "uncached").throughput;
    out.push(
      `1 worker → two servers behind the proxy: all ${fixed(classLoad(servers, "all").throughput / classLoad(one, "all").throughput, 2)} ×, uncached ${fixed(ratio, 2)} ×`,
    );
  }
  for (const result of results) {
    const uncached = classLoad(result, "uncached");
    const workspace = classLoad(result, "workspace");
    const pdf = classLoad(result, "pdf");
    out.push(
      `${result.name}: uncached p99 ${fixed(uncached.p99, 1)} ms (target < ${TARGETS.uncachedP99Ms} ms: ${within(uncached.p99, TARGETS.uncachedP99Ms)}; ` +
        `${fixed(uncached.p99 / baseline.p99, 1)} × the static file's p99 of ${fixed(baseline.p99, 1)} ms); ` +
        `workspace p95 ${fixed(workspace.p95, 1)} ms (target < ${TARGETS.workspaceP95Ms}: ${within(workspace.p95, TARGETS.workspaceP95Ms)}); ` +
        `published PDF p95 ${fixed(pdf.p95, 1)} ms over ${pdf.requests} (target < ${TARGETS.pdfP95Ms}: ${within(pdf.p95, TARGETS.pdfP95Ms)})`,
    );
  }
  return out;
}

export function header(machine: MachineFacts, lines: string[]): string[] {
  return [
    "",
    "Mixed workload (issue 14)",
    "=========================",
    "",
    `Date:    ${machine.date}`,
    `CPU:     ${machine.cpuModel} × ${machine.cpuCount}; ${machine.totalMemoryGiB} GiB`,
    `Node:    ${machine.node}`,
    `Load:    1-minute load average ${machine.loadAverage.start.toFixed(2)} at start, ${machine.loadAverage.end.toFixed(2)} at end`,
    ...lines,
    "",
  ];
}

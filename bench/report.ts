import { readFileSync } from "node:fs";
import os from "node:os";
import type { LoadResult } from "./load.ts";

export interface EndpointReport {
  name: string;
  path: string;
  load: LoadResult;
}

export interface KindReport {
  kind: "pglite" | "postgres";
  /** Why the kind was not measured, when it was not. */
  skipped?: string;
  detail?: string;
  prepareSeconds?: number;
  importSeconds?: number;
  imported?: number;
  endpoints?: EndpointReport[];
}

export interface MachineFacts {
  cpuModel: string;
  cpuCount: number;
  totalMemoryGiB: number;
  os: string;
  node: string;
  pglite: string;
  date: string;
  /** 1-minute load averages when the run started and ended: other work on the machine skews figures. */
  loadAverage: { start: number; end: number };
}

export function machineFacts(loadAtStart: number): MachineFacts {
  const cpus = os.cpus();
  let pglite = "?";
  try {
    pglite = (
      JSON.parse(readFileSync(new URL("../node_modules/@electric-sql/pglite/package.json", import.meta.url), "utf8")) as { version: string }
    ).version;
  } catch {
    // Not fatal: the version is informative only.
  }
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cpuCount: cpus.length,
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    pglite,
    date: new Date().toISOString(),
    loadAverage: { start: loadAtStart, end: os.loadavg()[0]! },
  };
}

/** A plain text table with right-aligned numeric columns. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((row) => /^[-\d.,\s]*$|^–$/.test(row[i] ?? "")));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const fixed = (value: number | undefined, digits: number) => (value === undefined || Number.isNaN(value) ? "–" : value.toFixed(digits));

export const IMPORT_TARGET_SECONDS = 10;
export const RANKINGS_P99_TARGET_MS = 50;

export function printReport(machine: MachineFacts, reports: KindReport[], settings: string): void {
  const out: string[] = [];
  out.push("", "Kommunkompassen benchmark", "=========================", "");
  out.push(`Date:    ${machine.date}`);
  out.push(`CPU:     ${machine.cpuModel} × ${machine.cpuCount}`);
  out.push(`Memory:  ${machine.totalMemoryGiB} GiB`);
  out.push(`OS:      ${machine.os}`);
  out.push(`Node:    ${machine.node}; PGlite ${machine.pglite}`);
  out.push(
    `Load:    1-minute load average ${machine.loadAverage.start.toFixed(2)} at start, ${machine.loadAverage.end.toFixed(2)} at end (${machine.cpuCount} CPUs)`,
  );
  for (const report of reports) if (report.detail) out.push(`${report.kind}: ${report.detail}`);
  out.push(`Clients: ${settings}`, "");

  out.push("Import of 10,000 results (one NDJSON file, one transaction)");
  out.push(
    textTable(
      ["database", "prepare s", "import s", "results/s", "imported"],
      reports.map((r) =>
        r.skipped
          ? [r.kind, "–", "–", "–", `skipped: ${r.skipped}`]
          : [r.kind, fixed(r.prepareSeconds, 2), fixed(r.importSeconds, 2), fixed(r.imported! / r.importSeconds!, 0), String(r.imported)],
      ),
    ),
  );
  out.push("", "HTTP load (GET, keep-alive, measured after warm-up)");
  const rows: string[][] = [];
  for (const r of reports) {
    if (r.skipped) {
      rows.push([r.kind, "(skipped)", "–", "–", "–", "–", "–", "–", "–"]);
      continue;
    }
    for (const e of r.endpoints ?? []) {
      rows.push([
        r.kind,
        e.name,
        String(e.load.requests),
        fixed(e.load.seconds, 1),
        fixed(e.load.throughput, 0),
        fixed(e.load.median, 1),
        fixed(e.load.p99, 1),
        fixed(e.load.max, 1),
        String(e.load.errors),
      ]);
    }
  }
  out.push(textTable(["database", "endpoint", "requests", "s", "req/s", "median ms", "p99 ms", "max ms", "errors"], rows));

  out.push("", "Targets");
  for (const r of reports) {
    if (r.skipped) {
      out.push(`  ${r.kind}: not measured (${r.skipped})`);
      continue;
    }
    const met = r.importSeconds! < IMPORT_TARGET_SECONDS;
    out.push(
      `  ${met ? "MET   " : "MISSED"}  ${r.kind}: import of 10,000 results in < ${IMPORT_TARGET_SECONDS} s (${fixed(r.importSeconds, 2)} s)`,
    );
  }
  const pg = reports.find((r) => r.kind === "postgres");
  const rankings = pg?.endpoints?.find((e) => e.name === "rankings");
  if (!pg || pg.skipped || !rankings) {
    out.push(`  NOT MEASURED  postgres: rankings p99 < ${RANKINGS_P99_TARGET_MS} ms at 32 concurrent connections`);
  } else {
    const met = rankings.load.p99 < RANKINGS_P99_TARGET_MS && rankings.load.errors === 0;
    out.push(
      `  ${met ? "MET   " : "MISSED"}  postgres: rankings p99 < ${RANKINGS_P99_TARGET_MS} ms at 32 concurrent connections (${fixed(rankings.load.p99, 1)} ms, ${rankings.load.errors} errors)`,
    );
  }
  out.push("");
  console.log(out.join("\n"));
}

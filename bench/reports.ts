// npm run bench (second part): how long the analysis report takes to make, per format, for a
// full report (Örebro 2012 with text in every area and every sub-area). See docs/performance.md.
//   - in process: the model (buildReport) and each renderer, called directly, so that the
//     file cache in reportFiles.ts is not what is measured; Chromium stays warm between PDFs;
//   - over HTTP: the report page /rapport/1 from the real web server on a PGlite demo database
//     whose published texts are replaced by the full ones (service, database and render).
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openPglite } from "../src/db/client.server.ts";
import { buildReport } from "../src/domain/report/buildReport.ts";
import { reportDocument } from "../src/domain/report/wording.ts";
import { renderReportDocx } from "../src/reports/docx.server.ts";
import { renderReportHtml } from "../src/reports/html.server.ts";
import { closePdfRenderer, renderReportPdf } from "../src/reports/pdf.server.ts";
import { renderReportXlsx } from "../src/reports/xlsx.server.ts";
import { prepareDatabase } from "../src/services/bootstrap.server.ts";
import { startTestServer } from "../tests/support/server.ts";
import { orebroInput } from "../tests/support/reportInput.ts";
import { machineFacts, textTable } from "./report.ts";

const log = (message: string) => console.error(`[bench reports ${new Date().toISOString().slice(11, 19)}] ${message}`);

interface Timing {
  name: string;
  target: string;
  runs: number;
  median: number;
  p95: number;
  max: number;
  size?: number;
}

async function time(name: string, target: string, runs: number, task: () => Promise<unknown> | unknown): Promise<Timing> {
  await task(); // warm-up: first-call costs (module JIT, browser launch) are not the steady state
  const ms: number[] = [];
  let size: number | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const out = await task();
    ms.push(performance.now() - started);
    if (out instanceof Buffer || typeof out === "string") size = Buffer.byteLength(out);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)]!;
  log(`${name}: median ${at(0.5).toFixed(0)} ms`);
  return { name, target, runs, median: at(0.5), p95: at(0.95), max: ms[ms.length - 1]!, size };
}

const loadAtStart = os.loadavg()[0]!;
const input = orebroInput({ texts: "full", comparison: 27 });
const model = buildReport(input, reportDocument);
const timings: Timing[] = [];

timings.push(await time("model (buildReport)", "–", 50, () => buildReport(input, reportDocument)));
timings.push(
  await time("HTML (model + renderReportHtml)", "< 200 ms", 50, () =>
    renderReportHtml(buildReport(input, reportDocument), { headingBase: 2 }),
  ),
);
timings.push(await time("DOCX (renderReportDocx)", "< 1 s", 20, () => renderReportDocx(model)));
timings.push(await time("XLSX (renderReportXlsx)", "–", 20, () => renderReportXlsx(model)));
try {
  timings.push(await time("PDF (renderReportPdf, warm browser)", "< 2 s", 10, () => renderReportPdf(model)));
} catch (error) {
  log(`PDF skipped: ${(error as Error).message}`);
} finally {
  await closePdfRenderer();
}

// The report page over HTTP, from the real server on a PGlite demo with the full texts.
const folder = mkdtempSync(join(os.tmpdir(), "kompass-bench-reports-"));
try {
  const database = await openPglite(folder);
  await prepareDatabase(database, { demo: true });
  await database.db.execute(
    sql`update evaluation_revisions set snapshot = jsonb_set(snapshot, '{texts}', ${JSON.stringify(input.texts)}::jsonb) where evaluation_id = 1`,
  );
  // Without the page cache: what is measured is the database and the render, not a stored page.
  const server = await startTestServer({ database, port: 0, host: "127.0.0.1", pageCache: false, rateLimits: false });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  timings.push(
    await time("HTML page GET /rapport/1 (PGlite, full texts)", "< 200 ms", 50, async () => {
      const response = await fetch(`${base}/rapport/1`);
      if (!response.ok) throw new Error(`GET /rapport/1: ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    }),
  );
  await new Promise((resolve) => server.close(resolve));
  await database.close();
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const facts = machineFacts(loadAtStart);
console.log(
  `\nReport generation, ${facts.date.slice(0, 10)}: ${facts.cpuCount} × ${facts.cpuModel}, ${facts.node}, load ${facts.loadAverage.start.toFixed(1)} → ${facts.loadAverage.end.toFixed(1)}`,
);
console.log(`Full report: ${model.areas.length} areas, ${model.areas.reduce((n, a) => n + a.subareas.length, 0)} sub-area texts.\n`);
console.log(
  textTable(
    ["what", "target", "runs", "median ms", "p95 ms", "max ms", "bytes"],
    timings.map((t) => [
      t.name,
      t.target,
      String(t.runs),
      t.median.toFixed(0),
      t.p95.toFixed(0),
      t.max.toFixed(0),
      t.size === undefined ? "–" : String(t.size),
    ]),
  ),
);

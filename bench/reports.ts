// npm run bench (second part): how long the analysis report takes to make, per format, for a
// full report (Örebro 2012 with text in every area and every sub-area). See docs/performance.md.
//   - in process: the model (buildReport) and each renderer, called directly, so that the
//     file cache in reportFiles.ts is not what is measured; Chromium stays warm between PDFs;
//   - the working-copy (draft) PDF beside Chromium's bare print of the same HTML (setContent +
//     pdf on a warm page, no second pass), same browser build, same run;
//   - over HTTP: the report page /rapport/1 from the real web server on a PGlite demo database
//     whose published texts are replaced by the full ones (service, database and render), and
//     the published report's files as stored at publication (report_files), as visitors get them.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
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
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../src/reports/chromiumArgs.ts";
import { renderReportDocument } from "../src/reports/html.server.ts";
import { closePdfRenderer, renderReportPdf } from "../src/reports/pdf.server.ts";
import { storeReportFiles } from "../src/services/reports/storedFiles.server.ts";
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
  p99: number;
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
  return { name, target, runs, median: at(0.5), p95: at(0.95), p99: at(0.99), max: ms[ms.length - 1]!, size };
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
  // The working copy: the draft header, the same two-pass print; beside it Chromium's bare print
  // of the same HTML on a warm page of its own browser: the floor any PDF of this report has.
  const draft = { ...model, draft: true };
  timings.push(await time("PDF working copy (renderReportPdf, draft)", "≤ 10 × bare", 10, () => renderReportPdf(draft)));
  const bare = await chromium.launch({
    executablePath: process.env.KOMPASS_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", ...CHROMIUM_ARGS],
  });
  try {
    const page = await bare.newPage();
    const html = renderReportDocument(draft);
    timings.push(
      await time("PDF bare print of the same HTML (setContent + pdf)", "baseline", 10, async () => {
        await page.setContent(html);
        return Buffer.from(await page.pdf({ width: "210mm", height: "297mm", tagged: true, outline: true, printBackground: true }));
      }),
    );
  } finally {
    await bare.close();
  }
} catch (error) {
  log(`PDF skipped: ${(error as Error).message}`);
}

// The report page over HTTP, from the real server on a PGlite demo with the full texts.
const folder = mkdtempSync(join(os.tmpdir(), "kompass-bench-reports-"));
try {
  const database = await openPglite(folder);
  await prepareDatabase(database, { demo: true });
  await database.db.execute(
    sql`update evaluation_revisions set snapshot = jsonb_set(snapshot, '{texts}', ${JSON.stringify(input.texts)}::jsonb) where evaluation_id = 1`,
  );
  // The published report's files as made after publication (the job's work, done here directly).
  const storing = performance.now();
  const stored = await storeReportFiles(database.db, 1);
  log(`stored files of /rapport/1 in ${(performance.now() - storing).toFixed(0)} ms: ${JSON.stringify(stored)}`);
  await closePdfRenderer();
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
  // The floor on this machine in this run: the same PDF bytes from memory by a bare Node server.
  const pdfBytes = await (
    await fetch(`${base}${(await fetch(`${base}/rapport/1/x.pdf`, { redirect: "manual" })).headers.get("location")}`)
  ).arrayBuffer();
  const floor = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "application/pdf", "Content-Length": pdfBytes.byteLength });
    response.end(Buffer.from(pdfBytes));
  });
  await new Promise<void>((resolve) => floor.listen(0, "127.0.0.1", resolve));
  const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}/report.pdf`;
  timings.push(
    await time("baseline: the same PDF from memory (bare node:http)", "baseline", 200, async () =>
      Buffer.from(await (await fetch(floorUrl)).arrayBuffer()),
    ),
  );
  await new Promise((resolve) => floor.close(resolve));
  for (const format of ["pdf", "docx", "xlsx"] as const) {
    const found = await fetch(`${base}/rapport/1/x.${format}`, { redirect: "manual" });
    const path = found.headers.get("location") ?? "";
    timings.push(
      await time(`published ${format} download GET ${path} (stored)`, format === "pdf" ? "p95 < 50 ms" : "–", 200, async () => {
        const response = await fetch(`${base}${path}`);
        if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
        return Buffer.from(await response.arrayBuffer());
      }),
    );
  }
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
    ["what", "target", "runs", "median ms", "p95 ms", "p99 ms", "max ms", "bytes"],
    timings.map((t) => [
      t.name,
      t.target,
      String(t.runs),
      t.median.toFixed(t.median < 10 ? 1 : 0),
      t.p95.toFixed(t.p95 < 10 ? 1 : 0),
      t.p99.toFixed(t.p99 < 10 ? 1 : 0),
      t.max.toFixed(0),
      t.size === undefined ? "–" : String(t.size),
    ]),
  ),
);

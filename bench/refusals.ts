// npm run bench (last part): how fast a hostile body is refused (issue 11: a 200 MB chunked POST
// to /logga-in refused within a second, the process growing by less than 50 MB), beside a
// baseline from the same run: an ordinary sign-in post of a few hundred bytes (refused 403 for
// want of a token, so that no argon2 time is in it). See docs/performance.md.
import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { openPglite } from "../src/db/client.server.ts";
import { prepareDatabase } from "../src/services/bootstrap.server.ts";
import { startTestServer } from "../tests/support/server.ts";
import { machineFacts, textTable } from "./report.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";

const TOTAL = 200 * 1024 * 1024;
const RUNS = 9;

/** Streams up to `total` bytes chunked; resolves with the status and the ms until the answer came. */
function post(base: string, total: number): Promise<{ status: number; ms: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let sent = 0;
    let answered = false;
    const request = httpRequest(
      `${base}/logga-in`,
      { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" } },
      (response) => {
        answered = true;
        const ms = performance.now() - started;
        response.resume();
        response.on("end", () => {
          request.destroy();
          resolve({ status: response.statusCode!, ms, sent });
        });
      },
    );
    request.on("error", (error) => (answered ? undefined : reject(error)));
    // Both totals are whole chunks: 300 bytes, or 3,200 chunks of 64 KB.
    const chunk = Buffer.alloc(Math.min(64 * 1024, total), 0x61);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!answered) request.end();
    };
    pump();
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const loadAtStart = os.loadavg()[0]!;
const folder = mkdtempSync(join(os.tmpdir(), "kompass-bench-refusals-"));
const database = await openPglite(join(folder, "data"));
await prepareDatabase(database, { demo: false });
const server = await startTestServer({ database, port: 0, host: "127.0.0.1", rateLimits: false });
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const rows: string[][] = [];
for (const [name, total] of [
  ["baseline: a 300-byte sign-in post", 300],
  ["200 MB chunked to /logga-in", TOTAL],
] as const) {
  await post(base, total);
  const times: number[] = [];
  const sent: number[] = [];
  let status = 0;
  const rssBefore = process.memoryUsage().rss;
  for (let i = 0; i < RUNS; i++) {
    const outcome = await post(base, total);
    times.push(outcome.ms);
    sent.push(outcome.sent);
    status = outcome.status;
  }
  // Three at once, as in the attack.
  await Promise.all([1, 2, 3].map(() => post(base, total)));
  const growth = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
  rows.push([
    name,
    String(status),
    median(times).toFixed(1),
    Math.max(...times).toFixed(1),
    (median(sent) / 1024 / 1024).toFixed(2),
    growth.toFixed(1),
  ]);
}
await new Promise((resolve) => server.close(resolve));
await database.close();
rmSync(folder, { recursive: true, force: true });

const facts = machineFacts(loadAtStart);
console.log(
  `Refusing hostile bodies: ${RUNS} runs each, then 3 at once (${new Date().toISOString().slice(0, 10)}, ${JSON.stringify(facts)})`,
);
console.log(textTable(["request", "status", "median ms", "max ms", "MB sent before the answer", "RSS growth MB"], rows));

// Load generator, run in a worker thread so that its event loop does not share time with the
// server's. Plain JavaScript (no TypeScript loader needed inside the worker).
//
// workerData: { origin, paths: string[], concurrency, warmupMs, durationMs, maxRequests, headers? }
// Requests cycle over `paths`. Phase 1 (warm-up, not recorded) runs for warmupMs; phase 2
// records until durationMs has passed or maxRequests have completed, whichever comes first.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";

const { origin, paths, concurrency, warmupMs, durationMs, maxRequests, headers = {} } = workerData;
const url = new URL(origin);
if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error(`refusing to load-test a non-loopback address: ${origin}`);

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });

function get(path) {
  return new Promise((resolve) => {
    const request = http.request(
      // Accept-Encoding as fetch and browsers send it: the server compresses its responses.
      {
        host: url.hostname,
        port: url.port,
        path,
        method: "GET",
        agent,
        headers: { Accept: "application/json", "Accept-Encoding": "gzip, deflate", ...headers },
      },
      (response) => {
        let bytes = 0;
        response.on("data", (chunk) => (bytes += chunk.length));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
        response.on("error", () => resolve({ status: 0, bytes }));
      },
    );
    request.on("error", () => resolve({ status: 0, bytes: 0 }));
    request.end();
  });
}

async function phase(ms, limit, record) {
  const latencies = [];
  let errors = 0;
  let bytes = 0;
  let started = 0;
  let next = 0;
  const statuses = {};
  const t0 = performance.now();
  const deadline = t0 + ms;
  async function loop() {
    while (performance.now() < deadline && started < limit) {
      started += 1;
      const path = paths[next++ % paths.length];
      const begin = performance.now();
      const { status, bytes: size } = await get(path);
      const elapsed = performance.now() - begin;
      if (!record) continue;
      latencies.push(elapsed);
      bytes += size;
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== 200) errors += 1;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = (performance.now() - t0) / 1000;
  return { latencies, errors, bytes, seconds, statuses };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

const warm = await phase(warmupMs, Number.POSITIVE_INFINITY, false);
const measured = await phase(durationMs, maxRequests, true);
agent.destroy();
const sorted = Float64Array.from(measured.latencies).sort();
parentPort.postMessage({
  warmupSeconds: warm.seconds,
  requests: measured.latencies.length,
  seconds: measured.seconds,
  throughput: measured.latencies.length / measured.seconds,
  median: percentile(sorted, 50),
  p95: percentile(sorted, 95),
  p99: percentile(sorted, 99),
  max: sorted.length ? sorted[sorted.length - 1] : NaN,
  errors: measured.errors,
  statuses: measured.statuses,
  meanBytes: measured.latencies.length ? measured.bytes / measured.latencies.length : 0,
});

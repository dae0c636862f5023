// Load generator, run in a worker thread so that its event loop does not share time with the
// server's. Plain JavaScript (no TypeScript loader needed inside the worker).
//
// workerData: { origin, concurrency, warmupMs, durationMs, maxRequests } and either
//   - paths: string[] (with headers?, e.g. a session cookie): one class of requests cycling over the
//     paths (bench/run.ts, pages.ts, workspace.ts), or
//   - mix: { classes, sequence }: the mixed workload (bench/mixed.ts). classes[i] is
//     { name, requests: { path, headers? }[], once }; sequence (bytes) says, request by request,
//     which class goes next, in a seeded order made by the caller. A class with `once` takes each
//     request at most once (unique URLs that must miss every cache); when they run out it starts
//     over and counts the repeats. Optional mix.groups ({ name, classes: indexes }[]) are
//     summarised as one class each too (their percentiles over all their requests).
// Phase 1 (warm-up, not recorded) runs for warmupMs; phase 2 records until durationMs has passed
// or maxRequests have completed, whichever comes first. Both phases draw from the same sequence,
// so a `once` request is never repeated between warm-up and measurement.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";

const { origin, concurrency, warmupMs, durationMs, maxRequests } = workerData;
const url = new URL(origin);
if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error(`refusing to load-test a non-loopback address: ${origin}`);

const mixed = Boolean(workerData.mix);
const classes = mixed
  ? workerData.mix.classes.map((c) => ({ ...c, next: 0, repeats: 0 }))
  : [{ name: "all", requests: workerData.paths.map((path) => ({ path, headers: workerData.headers })), once: false, next: 0, repeats: 0 }];
const sequence = mixed ? workerData.mix.sequence : Uint8Array.of(0);
// API clients (run.ts) ask for JSON; the mixed workload is browsers asking for pages.
const accept = mixed ? "text/html,application/xhtml+xml,*/*;q=0.8" : "application/json";

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });

function get(path, headers) {
  return new Promise((resolve) => {
    const request = http.request(
      // Accept-Encoding as fetch and browsers send it: the server compresses its responses.
      {
        host: url.hostname,
        port: url.port,
        path,
        method: "GET",
        agent,
        headers: { Accept: accept, "Accept-Encoding": "gzip, deflate", ...headers },
      },
      (response) => {
        let bytes = 0;
        const cache = response.headers["x-cache"] ?? "none";
        response.on("data", (chunk) => (bytes += chunk.length));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes, cache }));
        response.on("error", () => resolve({ status: 0, bytes, cache }));
      },
    );
    request.on("error", () => resolve({ status: 0, bytes: 0, cache: "none" }));
    request.end();
  });
}

let position = 0;
function nextRequest() {
  const index = sequence[position++ % sequence.length];
  const kind = classes[index];
  if (kind.once && kind.next >= kind.requests.length) kind.repeats += 1;
  const request = kind.requests[kind.next++ % kind.requests.length];
  return { index, request };
}

const emptyStats = () => ({ latencies: [], errors: 0, bytes: 0, statuses: {}, cache: {} });

async function phase(ms, limit, record) {
  const stats = classes.map(emptyStats);
  let started = 0;
  const t0 = performance.now();
  const deadline = t0 + ms;
  async function loop() {
    while (performance.now() < deadline && started < limit) {
      started += 1;
      const { index, request } = nextRequest();
      const begin = performance.now();
      const { status, bytes, cache } = await get(request.path, request.headers);
      const elapsed = performance.now() - begin;
      if (!record) continue;
      const s = stats[index];
      s.latencies.push(elapsed);
      s.bytes += bytes;
      s.statuses[status] = (s.statuses[status] ?? 0) + 1;
      s.cache[cache] = (s.cache[cache] ?? 0) + 1;
      if (status !== 200) s.errors += 1;
    }
  }
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { stats, seconds: (performance.now() - t0) / 1000 };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

function summary(s, seconds, warmupSeconds) {
  const sorted = Float64Array.from(s.latencies).sort();
  return {
    warmupSeconds,
    requests: sorted.length,
    seconds,
    throughput: sorted.length / seconds,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    errors: s.errors,
    statuses: s.statuses,
    cache: s.cache,
    meanBytes: sorted.length ? s.bytes / sorted.length : 0,
  };
}

const warm = await phase(warmupMs, Number.POSITIVE_INFINITY, false);
const measured = await phase(durationMs, maxRequests, true);
agent.destroy();
if (!mixed) parentPort.postMessage(summary(measured.stats[0], measured.seconds, warm.seconds));
else {
  const merge = (indexes) => {
    const merged = emptyStats();
    for (const i of indexes) {
      const s = measured.stats[i];
      for (const latency of s.latencies) merged.latencies.push(latency);
      merged.errors += s.errors;
      merged.bytes += s.bytes;
      for (const [key, n] of Object.entries(s.statuses)) merged.statuses[key] = (merged.statuses[key] ?? 0) + n;
      for (const [key, n] of Object.entries(s.cache)) merged.cache[key] = (merged.cache[key] ?? 0) + n;
    }
    return summary(merged, measured.seconds, warm.seconds);
  };
  parentPort.postMessage({
    total: merge(classes.map((_, i) => i)),
    classes: classes.map((c, i) => ({
      name: c.name,
      repeats: c.repeats,
      load: summary(measured.stats[i], measured.seconds, warm.seconds),
    })),
    groups: (workerData.mix.groups ?? []).map((g) => ({ name: g.name, load: merge(g.classes) })),
  });
}

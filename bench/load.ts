import { Worker } from "node:worker_threads";

export interface LoadOptions {
  /** http://127.0.0.1:<port>: loopback only. */
  origin: string;
  /** Request paths, cycled over by the workers. */
  paths: string[];
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  maxRequests: number;
  /** Extra request headers, e.g. a signed-in visitor's cookie. */
  headers?: Record<string, string>;
}

export interface LoadResult {
  warmupSeconds: number;
  requests: number;
  seconds: number;
  /** Requests per second over the measured phase. */
  throughput: number;
  /** Latencies in milliseconds. */
  median: number;
  p95: number;
  p99: number;
  max: number;
  /** Responses other than 200, and failed requests. */
  errors: number;
  statuses: Record<string, number>;
  /** Responses by their X-Cache header (hit, miss, stale; "none" without one). */
  cache: Record<string, number>;
  meanBytes: number;
}

/** One class of the mixed workload: its requests, and whether each may be sent only once. */
export interface RequestClass {
  name: string;
  requests: { path: string; headers?: Record<string, string> }[];
  /** Unique URLs that must miss every cache: each is sent once (repeats are counted if they run out). */
  once: boolean;
}

export interface MixedLoadOptions extends Omit<LoadOptions, "paths"> {
  classes: RequestClass[];
  /** Class indexes in the order the requests are sent (made with a seeded PRNG by the caller). */
  sequence: Uint8Array;
  /** Classes also summarised together (e.g. "uncached": rankings and searches), by index. */
  groups?: { name: string; classes: number[] }[];
}

export interface MixedLoadResult {
  total: LoadResult;
  classes: { name: string; repeats: number; load: LoadResult }[];
  groups: { name: string; load: LoadResult }[];
}

function inWorker<T>(workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    // The worker is plain JavaScript: no TypeScript loader is needed in it.
    const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), { workerData, execArgv: [] });
    let result: T | undefined;
    worker.once("message", (message: T) => (result = message));
    worker.once("error", reject);
    worker.once("exit", (code) => (result ? resolve(result) : reject(new Error(`load worker exited with code ${code} without a result`))));
  });
}

/** Runs the load loop in a worker thread, so the client does not steal the server's event loop. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return inWorker<LoadResult>(options);
}

/** The mixed workload (bench/mixed.ts): classes of requests drawn in the given order, measured per class. */
export function runMixedLoad(options: MixedLoadOptions): Promise<MixedLoadResult> {
  const { classes, sequence, groups, ...rest } = options;
  if (classes.length > 255) throw new Error("at most 255 request classes");
  return inWorker<MixedLoadResult>({ ...rest, mix: { classes, sequence, groups } });
}

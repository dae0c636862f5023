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
  meanBytes: number;
}

/** Runs the load loop in a worker thread, so the client does not steal the server's event loop. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // The worker is plain JavaScript: no TypeScript loader is needed in it.
    const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), { workerData: options, execArgv: [] });
    let result: LoadResult | undefined;
    worker.once("message", (message: LoadResult) => (result = message));
    worker.once("error", reject);
    worker.once("exit", (code) => (result ? resolve(result) : reject(new Error(`load worker exited with code ${code} without a result`))));
  });
}

import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import { logger } from "../src/logger.server.ts";

/**
 * `npm start` on PostgreSQL: one primary process and KOMPASS_WORKERS worker processes
 * (node:cluster). The primary prepares the database, runs the reminder schedule and keeps the
 * workers going; it serves nothing. The workers share the listening socket (the primary hands
 * connections round robin) and meet only in the database, as separate servers do: sessions,
 * rate limits, throttles and the CSRF secret live there, and every cache is keyed on the data
 * version that LISTEN/NOTIFY moves. The embedded database has one process: its data folder
 * cannot be opened twice (src/db/lock.server.ts).
 */

/** KOMPASS_WORKERS: a whole number from 1; by default one per core on PostgreSQL, one on PGlite. */
export function workerCount(env: NodeJS.ProcessEnv, database: "pglite" | "postgres"): number {
  const value = env.KOMPASS_WORKERS?.trim();
  if (!value) return database === "postgres" ? availableParallelism() : 1;
  if (!/^[1-9]\d{0,3}$/.test(value)) throw new WorkerSettingError(`KOMPASS_WORKERS must be a whole number from 1, not "${value}".`);
  return database === "postgres" ? Number(value) : 1;
}

export class WorkerSettingError extends Error {}

/** Connections each worker's pool keeps at most: 16, fewer with many workers (64 in all), at least 4. */
export function poolSizeFor(workers: number): number {
  return Math.max(4, Math.min(16, Math.floor(64 / workers)));
}

/** A worker that served this long before it stopped is replaced at once; one that stops sooner, after a growing pause. */
const STEADY_MS = 30_000;
const FIRST_PAUSE_MS = 1_000;
const LONGEST_PAUSE_MS = 30_000;
/** Replacements that stop before they listen, in a row, while no worker serves: the primary gives up. */
const START_FAILURES_ALLOWED = 5;
/** How long stopping waits for the workers to finish before it ends them. */
const STOP_WAIT_MS = 15_000;

export interface WorkerSupervisor {
  /** Stops every worker (SIGTERM, then SIGKILL after a while) and resolves when all have exited. */
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  count: number;
  /** Once, when every first worker listens. */
  ready(): void;
  /** The workers cannot be kept up (a failure at start): the caller stops and exits. */
  failed(reason: string): void;
}

interface WorkerState {
  forkedAt: number;
  listening: boolean;
}

/** Forks `count` workers and replaces one that stops, until stop() is called. Only in the primary. */
export function superviseWorkers(options: SuperviseOptions): WorkerSupervisor {
  const workers = new Map<Worker, WorkerState>();
  const pauses = new Set<NodeJS.Timeout>();
  let ready = false;
  let stopping = false;
  /** Workers in a row that stopped before they had served STEADY_MS (a crash at start, or soon after). */
  let failures = 0;
  let allExited: (() => void) | null = null;

  const fork = () => {
    if (stopping) return;
    workers.set(cluster.fork(), { forkedAt: Date.now(), listening: false });
  };
  const serving = () => [...workers.values()].filter((state) => state.listening).length;

  const onListening = (worker: Worker) => {
    const state = workers.get(worker);
    if (!state) return;
    state.listening = true;
    if (!ready && serving() === options.count) {
      ready = true;
      options.ready();
    }
  };

  const onExit = (worker: Worker, code: number | null, signal: string | null) => {
    const state = workers.get(worker);
    workers.delete(worker);
    if (stopping) {
      if (workers.size === 0) allExited?.();
      return;
    }
    if (!state) return;
    // At start a worker that stops says something is wrong with this installation (the worker wrote what).
    if (!ready) return options.failed(`a worker stopped while starting (exit code ${code ?? signal})`);
    const steady = state.listening && Date.now() - state.forkedAt >= STEADY_MS;
    failures = steady ? 0 : failures + 1;
    if (!state.listening && failures >= START_FAILURES_ALLOWED && serving() === 0)
      return options.failed(`${failures} workers in a row stopped while starting (last exit code ${code ?? signal})`);
    const pause = failures === 0 ? 0 : Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (failures - 1));
    logger.warn({ worker: worker.process.pid, code, signal, restartInMs: pause }, "a worker stopped; starting another");
    const timer = setTimeout(() => {
      pauses.delete(timer);
      fork();
    }, pause);
    pauses.add(timer);
  };

  cluster.on("listening", onListening);
  cluster.on("exit", onExit);
  for (let i = 0; i < options.count; i++) fork();

  return {
    stop: async () => {
      if (stopping) return;
      stopping = true;
      for (const timer of pauses) clearTimeout(timer);
      if (workers.size === 0) return;
      const exited = new Promise<void>((resolve) => {
        allExited = resolve;
      });
      for (const worker of workers.keys()) worker.process.kill("SIGTERM");
      const late = setTimeout(() => {
        for (const worker of workers.keys()) worker.process.kill("SIGKILL");
      }, STOP_WAIT_MS);
      await exited;
      clearTimeout(late);
      cluster.off("listening", onListening);
      cluster.off("exit", onExit);
    },
  };
}

import type { Database, Db } from "../../db/client.server.ts";
import { logger } from "../../logger.server.ts";
import { type JobData, type JobQueue, startJobQueue } from "../jobs/queue.server.ts";
import { publishedEvaluationIds, storeReportFiles } from "./storedFiles.server.ts";

/**
 * The job that makes a published report's files (storedFiles.server.ts) after the publication
 * has committed, so the publication neither waits for Chromium nor fails without it; and, at
 * start, the backlog: every published evaluation whose files are missing or out of date
 * (published before files were stored, or with Chromium missing then).
 */
export const REPORT_FILES_QUEUE = "kompass-report-files";

/** The queue of each open database this process works for; the publication finds it here. */
const queues = new WeakMap<Db, JobQueue>();

export interface ReportJobs {
  kind: JobQueue["kind"];
  /** Resolves when every queued job has run (in-process queue; for tests and the benchmark). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

async function runJob(db: Db, data: JobData): Promise<void> {
  const ids = data.backlog === true ? await publishedEvaluationIds(db) : [Number(data.evaluationId)];
  for (const id of ids) {
    const run = await storeReportFiles(db, id);
    if (run.made.length > 0 || run.failed.length > 0) logger.info(run, "report files");
  }
}

/**
 * Starts the worker (pg-boss on PostgreSQL, in-process on PGlite) and queues the backlog
 * (unless `backlog: false`). A queue that cannot start is logged: downloads still work, made on
 * request.
 */
export async function startReportJobs(
  database: Database,
  options: { databaseUrl?: string; backlog?: boolean; pollingSeconds?: number; work?: boolean } = {},
): Promise<ReportJobs> {
  let queue: JobQueue;
  try {
    queue = await startJobQueue(
      database,
      { name: REPORT_FILES_QUEUE, databaseUrl: options.databaseUrl, pollingSeconds: options.pollingSeconds, work: options.work },
      (data) => runJob(database.db, data),
    );
  } catch (error) {
    logger.error({ err: error }, "report files: the job queue could not start; files are made on request");
    return { kind: database.kind === "postgres" ? "pg-boss" : "in-process", idle: async () => {}, stop: async () => {} };
  }
  queues.set(database.db, queue);
  if (options.backlog ?? true) await queue.send({ backlog: true }, "backlog");
  return {
    kind: queue.kind,
    idle: () => queue.idle(),
    stop: async () => {
      if (queues.get(database.db) === queue) queues.delete(database.db);
      await queue.stop();
    },
  };
}

/**
 * After a publication has committed: queue the making of its files. Never throws; without a
 * worker (a test, a queue that did not start) the files are made on the first request.
 */
export async function requestReportFiles(db: Db, evaluationId: number): Promise<void> {
  const queue = queues.get(db);
  if (!queue) return;
  await queue
    .send({ evaluationId }, `evaluation:${evaluationId}`)
    .catch((error: unknown) => logger.warn({ err: error, evaluationId }, "report files: not queued; made on request"));
}

import PgBoss from "pg-boss";
import type { Database } from "../../db/client.server.ts";
import { logger } from "../../logger.server.ts";

/**
 * Background work that outlives a request, one interface on both databases. On PostgreSQL a
 * pg-boss queue (in the schema "pgboss", as the reminders use it): however many servers share the
 * database, each job is taken by one of them, and a job with a key is queued at most once while
 * it waits (policy "stately"). On PGlite (one process owns the data) a first-in, first-out list
 * in this process with the same de-duplication. Jobs run one at a time per process either way:
 * they are the slow kind (Chromium), and the pages come first.
 */
export interface JobQueue {
  kind: "pg-boss" | "in-process";
  /** Queues a job; a job with the same key that is still waiting makes this one unnecessary. */
  send(data: JobData, key?: string): Promise<void>;
  /** Resolves once nothing is waiting or running here (in-process; pg-boss resolves at once). */
  idle(): Promise<void>;
  /** Stops taking jobs and waits for the one under way. */
  stop(): Promise<void>;
}

export type JobData = Record<string, string | number | boolean>;
export type JobHandler = (data: JobData) => Promise<void>;

export interface JobQueueOptions {
  /** The queue's name (pg-boss queue, log lines). */
  name: string;
  /** PostgreSQL's URL (DATABASE_URL), needed on PostgreSQL. */
  databaseUrl?: string;
  /** pg-boss: how often each server asks for jobs (default 2 s). */
  pollingSeconds?: number;
  /**
   * false: this process only sends jobs, another works them (a cluster's workers send, its
   * primary works). Only on PostgreSQL; the in-process queue always works its own jobs.
   */
  work?: boolean;
}

export async function startJobQueue(database: Database, options: JobQueueOptions, handler: JobHandler): Promise<JobQueue> {
  if (database.kind !== "postgres") return inProcessQueue(options.name, handler);
  if (!options.databaseUrl) throw new Error(`The job queue ${options.name} needs the PostgreSQL URL`);
  return pgBossQueue(options.databaseUrl, options, handler);
}

async function pgBossQueue(url: string, options: JobQueueOptions, handler: JobHandler): Promise<JobQueue> {
  const { name } = options;
  // A small pool of its own: the queue's polling never waits behind the pages' queries.
  const work = options.work ?? true;
  const boss = new PgBoss({
    connectionString: url,
    max: work ? 2 : 1,
    application_name: `kommunkompassen-${name}`,
    // A sender leaves maintenance and schedules to the processes that work the queue.
    ...(work ? {} : { supervise: false, schedule: false }),
  });
  boss.on("error", (error) => logger.warn({ err: error, queue: name }, "jobs: pg-boss"));
  await boss.start();
  try {
    // A failed render is tried again twice, a minute apart; a stuck one is given up after 10 minutes.
    await boss.createQueue(name, { name, policy: "stately", retryLimit: 2, retryDelay: 60, expireInSeconds: 600 });
    if (work)
      await boss.work<JobData>(name, { pollingIntervalSeconds: options.pollingSeconds ?? 2, batchSize: 1 }, async ([job]) => {
        if (job) await handler(job.data);
      });
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }
  return {
    kind: "pg-boss",
    send: async (data, key) => {
      await boss.send(name, data, key === undefined ? {} : { singletonKey: key });
    },
    idle: async () => {},
    stop: () => boss.stop({ graceful: true, timeout: 30_000 }),
  };
}

function inProcessQueue(name: string, handler: JobHandler): JobQueue {
  const waiting: { data: JobData; key?: string }[] = [];
  let running: Promise<void> | null = null;
  let stopped = false;
  const drain = async () => {
    for (let job = waiting.shift(); job && !stopped; job = waiting.shift()) {
      try {
        await handler(job.data);
      } catch (error) {
        logger.error({ err: error, queue: name, job: job.data }, "jobs: the job failed");
      }
    }
  };
  const start = () => {
    running ??= drain().finally(() => {
      running = null;
      // A job sent while the last one finished is not left behind.
      if (waiting.length > 0 && !stopped) start();
    });
  };
  return {
    kind: "in-process",
    send: async (data, key) => {
      if (stopped) return;
      if (key !== undefined && waiting.some((job) => job.key === key)) return;
      waiting.push({ data, key });
      start();
    },
    idle: async () => {
      while (running) await running;
    },
    stop: async () => {
      stopped = true;
      waiting.length = 0;
      await running;
    },
  };
}

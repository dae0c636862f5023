import PgBoss from "pg-boss";
import type { Database } from "../../db/client.server.ts";
import { logger } from "../../logger.server.ts";
import { type ReminderRun, sendDueReminders } from "./sendReminders.server.ts";

/**
 * Runs the reminder job (sendDueReminders) on a schedule inside the web server. On PostgreSQL a
 * pg-boss queue with a cron schedule: however many servers share the database, each hour's job
 * is created once and taken by one of them. On PGlite (one process owns the data folder) a timer
 * in this process. reminders_sent makes a message go out once either way; the schedule only
 * decides how often anyone looks. docs/decisions.md ("Reminders and mail") says why.
 */
export interface ReminderScheduler {
  kind: "pg-boss" | "timer";
  /** Stops scheduling and waits for a run under way, before the database is closed. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  /** PostgreSQL's URL (DATABASE_URL): pg-boss keeps its queue there, in the schema "pgboss". */
  databaseUrl?: string;
  /** pg-boss: when the job runs (cron, Swedish time); hourly, at seven past, by default. */
  cron?: string;
  /** pg-boss: how often each server asks the queue for the job (default 30 s; the job waits that long at most). */
  pollingSeconds?: number;
  /** Timer: the first run this long after start (default a minute: not while the server warms up), then every `intervalMs` (an hour). */
  firstRunMs?: number;
  intervalMs?: number;
  /** The clock and the job, for tests. */
  now?: () => Date;
  job?: (database: Database, now: Date) => Promise<ReminderRun>;
}

export const REMINDER_QUEUE = "kompass-reminders";

const defaultJob = (database: Database, now: Date) => sendDueReminders(database.db, now);

/**
 * Starts the schedule. A failure to start (pg-boss cannot create its schema, say) is logged and
 * leaves the server running without reminders: they are a convenience, not the service.
 */
export async function startReminderScheduler(database: Database, options: SchedulerOptions = {}): Promise<ReminderScheduler> {
  const now = options.now ?? (() => new Date());
  const job = options.job ?? defaultJob;
  const runOnce = async (): Promise<void> => {
    const run = await job(database, now());
    if (run.sent > 0 || run.failed > 0) logger.info(run, "reminders");
    else logger.debug(run, "reminders: nothing due");
  };
  if (database.kind === "postgres") {
    if (!options.databaseUrl) throw new Error("The reminder queue needs the PostgreSQL URL");
    try {
      return await startQueue(options.databaseUrl, options.cron ?? "7 * * * *", options.pollingSeconds ?? 30, runOnce);
    } catch (error) {
      logger.error({ err: error }, "reminders: the pg-boss queue could not start; no reminders are sent");
      return { kind: "pg-boss", stop: async () => {} };
    }
  }
  return startTimer(options.firstRunMs ?? 60_000, options.intervalMs ?? 3_600_000, runOnce);
}

async function startQueue(url: string, cron: string, pollingSeconds: number, runOnce: () => Promise<void>): Promise<ReminderScheduler> {
  // A small pool of its own: the queue's polling never waits behind the pages' queries.
  const boss = new PgBoss({ connectionString: url, max: 2, application_name: "kommunkompassen-reminders" });
  // pg-boss reports trouble (a lost connection) as events: logged, never thrown at the process.
  boss.on("error", (error) => logger.warn({ err: error }, "reminders: pg-boss"));
  await boss.start();
  try {
    // singleton: one run at a time across the servers; no retries, the next hour's run is one.
    await boss.createQueue(REMINDER_QUEUE, { name: REMINDER_QUEUE, policy: "singleton", retryLimit: 0, expireInSeconds: 900 });
    await boss.schedule(REMINDER_QUEUE, cron, {}, { tz: "Europe/Stockholm" });
    await boss.work(REMINDER_QUEUE, { pollingIntervalSeconds: pollingSeconds }, async () => {
      try {
        await runOnce();
      } catch (error) {
        logger.error({ err: error }, "reminders: the run failed");
        throw error;
      }
    });
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }
  return { kind: "pg-boss", stop: () => boss.stop({ graceful: true, timeout: 10_000 }) };
}

function startTimer(firstRunMs: number, intervalMs: number, runOnce: () => Promise<void>): ReminderScheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  // One run at a time: a slow mail server must not pile runs on top of each other.
  const tick = () => {
    if (running || stopped) return;
    running = runOnce()
      .catch((error) => logger.error({ err: error }, "reminders: the run failed"))
      .finally(() => {
        running = null;
      });
  };
  let interval: NodeJS.Timeout | undefined;
  // Unref'd: the timers never keep a process alive that is otherwise done.
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, intervalMs);
    interval.unref();
  }, firstRunMs);
  first.unref();
  return {
    kind: "timer",
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(interval);
      await running;
    },
  };
}

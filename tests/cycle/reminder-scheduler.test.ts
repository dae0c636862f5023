import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openPostgres } from "../../src/db/client.server.ts";
import { actions } from "../../src/db/schema.server.ts";
import { REMINDER_QUEUE, startReminderScheduler } from "../../src/services/reminders/scheduler.server.ts";
import { publishTestEvaluation } from "../support/cycle.ts";
import { createTestDatabase } from "../support/database.ts";
import { TESTKOPING } from "../support/fictional.ts";
import { createCast } from "../support/workspace.ts";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const until = async (done: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !done(); i++) await pause(50);
  if (!done()) throw new Error(`timed out waiting for ${what}`);
};

describe("the reminder schedule on PGlite: a timer in the server's process", () => {
  it("runs the job on its timer, one run at a time, and stops cleanly, waiting for a run under way", async () => {
    const database = await createTestDatabase("pglite");
    const runs: Date[] = [];
    let active = 0;
    let overlapped = false;
    let finished = 0;
    const scheduler = await startReminderScheduler(database, {
      firstRunMs: 5,
      intervalMs: 10,
      now: () => new Date("2031-04-10T08:00:00Z"),
      job: async (_database, now) => {
        runs.push(now);
        active += 1;
        if (active > 1) overlapped = true;
        await pause(40);
        active -= 1;
        finished += 1;
        return { sent: 0, failed: 0 };
      },
    });
    expect(scheduler.kind).toBe("timer");
    await until(() => runs.length >= 2, "two runs");
    await scheduler.stop();
    // Stopping waited for the run under way; none starts after.
    expect(finished).toBe(runs.length);
    const count = runs.length;
    await pause(60);
    expect(runs.length).toBe(count);
    expect(overlapped).toBe(false);
    expect(runs.every((at) => at.toISOString() === "2031-04-10T08:00:00.000Z")).toBe(true);
    await database.dispose();
  });

  it("sends the due reminders with the real job, and a failing run does not stop the schedule", async () => {
    const database = await createTestDatabase("pglite");
    const folder = mkdtempSync(join(tmpdir(), "kompass-schedule-"));
    try {
      const cast = await createCast(database.db);
      const published = await publishTestEvaluation(database.db, cast);
      // From here on: publishing sent the questionnaire when the evaluation entered preparation.
      vi.stubEnv("KOMPASS_MAIL", `dir:${folder}`);
      await database.db
        .insert(actions)
        .values({ evaluationId: published, municipalityCode: TESTKOPING.code, title: "Försenad", dueDate: "2031-01-01" });
      let calls = 0;
      const scheduler = await startReminderScheduler(database, {
        firstRunMs: 1,
        intervalMs: 10,
        now: () => {
          calls += 1;
          if (calls === 1) throw new Error("a clock that fails once");
          return new Date("2031-04-10T08:00:00Z");
        },
      });
      await until(() => readdirSync(folder).length > 0 && calls >= 4, "the reminder");
      await scheduler.stop();
      // The contact of Testköping, once, however many runs.
      expect(readdirSync(folder).filter((name) => name.endsWith(".eml"))).toHaveLength(1);
    } finally {
      vi.unstubAllEnvs();
      rmSync(folder, { recursive: true, force: true });
      await database.dispose();
    }
  });
});

const adminUrl = process.env.TEST_POSTGRES_URL;

describe.skipIf(!adminUrl)("the reminder schedule on PostgreSQL: a pg-boss queue", () => {
  const name = `kompass_boss_${process.pid}`;
  let url = "";

  afterAll(async () => {
    if (!url) return;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("schedules the job hourly, and with two servers on one database each job runs on one of them", async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(adminUrl!);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    const database = await openPostgres(url, 2);
    const runs: string[] = [];
    const server = (label: string) =>
      startReminderScheduler(database, {
        databaseUrl: url,
        pollingSeconds: 0.5,
        job: async () => {
          runs.push(label);
          return { sent: 0, failed: 0 };
        },
      });
    // One after the other, as two servers start: the first creates pg-boss's schema.
    const first = await server("first");
    const second = await server("second");
    expect([first.kind, second.kind]).toEqual(["pg-boss", "pg-boss"]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query("select name, cron, timezone from pgboss.schedule");
      expect(rows).toEqual([{ name: REMINDER_QUEUE, cron: "7 * * * *", timezone: "Europe/Stockholm" }]);
      // The hour's job, as pg-boss's clock would create it: taken by one server only.
      const boss = new PgBoss({ connectionString: url, max: 1, supervise: false, schedule: false });
      await boss.start();
      await boss.send(REMINDER_QUEUE, {});
      await until(() => runs.length >= 1, "the job");
      await pause(1500);
      expect(runs).toHaveLength(1);
      await boss.stop({ graceful: false });
      await Promise.all([first.stop(), second.stop()]);
      // Stopped: pg-boss's connections are closed (only ours is left). The server ends a closed
      // connection's backend a moment after the client has gone: asked until it has.
      const left = async () =>
        (
          await client.query(
            "select count(*)::int as n from pg_stat_activity where datname = $1 and application_name = 'kommunkompassen-reminders'",
            [name],
          )
        ).rows[0].n as number;
      let count = await left();
      for (let i = 0; i < 100 && count > 0; i++) {
        await pause(50);
        count = await left();
      }
      expect(count).toBe(0);
    } finally {
      // Closed whatever happened: the database is dropped after the test.
      await client.end();
      await database.close();
    }
  });
});

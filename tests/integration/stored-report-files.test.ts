import { existsSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.server.ts";
import { evaluations, reportFiles } from "../../src/db/schema.server.ts";
import { DEFAULT_COMPARE } from "../../src/domain/report/compare.ts";
import { closePdfRenderer } from "../../src/reports/pdf.server.ts";
import { correctEvaluation } from "../../src/services/evaluations/transitionEvaluation.server.ts";
import { type ReportJobs, startReportJobs } from "../../src/services/reports/reportJobs.server.ts";
import { storedReportFile } from "../../src/services/reports/storedFiles.server.ts";
import { moveTo, publishTestEvaluation } from "../support/cycle.ts";
import { createTestDatabase } from "../support/database.ts";
import { type Cast, createCast } from "../support/workspace.ts";

// A published report's files are made by a job after the publication and kept in report_files,
// on PGlite (in-process queue) and PostgreSQL (pg-boss, TEST_POSTGRES_URL). Fictional Testköping.
const browser = existsSync(process.env.KOMPASS_CHROMIUM ?? "/usr/bin/chromium");
/** Without Chromium the PDF is left for later; Word and Excel are made all the same. */
const FORMATS = browser ? ["docx", "pdf", "xlsx"] : ["docx", "xlsx"];

interface Subject {
  db: Db;
  jobs: ReportJobs;
  close(): Promise<void>;
}

/** PostgreSQL: pg-boss connects by the database's URL. */
async function postgresSubject(): Promise<Subject> {
  const database = await createTestDatabase("postgres");
  const jobs = await startReportJobs(database, { databaseUrl: database.url, backlog: false, pollingSeconds: 0.5 });
  return {
    db: database.db,
    jobs,
    close: async () => {
      await jobs.stop();
      await database.dispose();
    },
  };
}

async function pgliteSubject(): Promise<Subject> {
  const database = await createTestDatabase("pglite");
  const jobs = await startReportJobs(database, { backlog: false });
  return {
    db: database.db,
    jobs,
    close: async () => {
      await jobs.stop();
      await database.dispose();
    },
  };
}

const kinds = process.env.TEST_POSTGRES_URL ? (["pglite", "postgres"] as const) : (["pglite"] as const);

async function storedRows(db: Db, id: number) {
  return db
    .select({ revision: reportFiles.revision, format: reportFiles.format, language: reportFiles.language, compare: reportFiles.compare })
    .from(reportFiles)
    .where(eq(reportFiles.evaluationId, id))
    .orderBy(reportFiles.revision, reportFiles.format);
}

/** Waits (without a time assertion) until the job has stored what is expected. */
async function until(subject: Subject, id: number, revision: number): Promise<Awaited<ReturnType<typeof storedRows>>> {
  await subject.jobs.idle();
  for (let i = 0; i < 600; i++) {
    const rows = await storedRows(subject.db, id);
    if (rows.filter((r) => r.revision === revision).length >= FORMATS.length) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return storedRows(subject.db, id);
}

afterAll(() => closePdfRenderer());

describe.each(kinds)("report files stored at publication (%s)", (kind) => {
  let subject: Subject;
  let cast: Cast;
  let id: number;

  beforeAll(async () => {
    subject = kind === "postgres" ? await postgresSubject() : await pgliteSubject();
    cast = await createCast(subject.db, "storedfiles");
  });
  afterAll(() => subject?.close());

  it("makes every file of the published report once the publication has committed", async () => {
    id = await publishTestEvaluation(subject.db, cast);
    const rows = await until(subject, id, 1);
    expect(rows).toEqual(FORMATS.map((format) => ({ revision: 1, format, language: "sv", compare: DEFAULT_COMPARE })));
    const docx = await storedReportFile(subject.db, id, "docx");
    expect(docx?.fileName).toMatch(/^kommunkompassen-.*-2017\.docx$/);
    expect(docx?.body.subarray(0, 2).toString("latin1")).toBe("PK");
    if (browser) expect((await storedReportFile(subject.db, id, "pdf"))?.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("makes new files for a corrected, republished revision and drops the old ones", async () => {
    const before = await storedReportFile(subject.db, id, "xlsx");
    const [row] = await subject.db.select({ version: evaluations.version }).from(evaluations).where(eq(evaluations.id, id));
    await correctEvaluation(subject.db, cast.admin, id, { reason: "Rättelse i ett test", version: row!.version });
    // Under correction the published revision's files are still the ones served.
    expect((await storedReportFile(subject.db, id, "xlsx"))?.sha256).toBe(before?.sha256);
    await moveTo(subject.db, cast, id, "published");
    const rows = await until(subject, id, 2);
    expect(rows).toEqual(FORMATS.map((format) => ({ revision: 2, format, language: "sv", compare: DEFAULT_COMPARE })));
    const after = await subject.db
      .select({ revision: reportFiles.revision })
      .from(reportFiles)
      .where(and(eq(reportFiles.evaluationId, id), eq(reportFiles.format, "xlsx")));
    expect(after).toEqual([{ revision: 2 }]);
  });
});

describe("the backlog at start", () => {
  it("makes the files of evaluations published before (or without) the job", async () => {
    const database = await createTestDatabase("pglite");
    try {
      const cast = await createCast(database.db, "backlog");
      // Published with no worker running: nothing is stored.
      const id = await publishTestEvaluation(database.db, cast);
      expect(await storedRows(database.db, id)).toEqual([]);
      const jobs = await startReportJobs(database);
      await jobs.idle();
      await jobs.stop();
      expect((await storedRows(database.db, id)).map((r) => r.format)).toEqual(FORMATS);
    } finally {
      await database.dispose();
    }
  });
});

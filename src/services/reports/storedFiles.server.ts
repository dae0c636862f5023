import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { reportFiles } from "../../db/schema.server.ts";
import { REPORT_FILE_FORMATS } from "../../domain/paths.ts";
import { DEFAULT_COMPARE } from "../../domain/report/compare.ts";
import type { ReportModel } from "../../domain/report/model.ts";
import { logger } from "../../logger.server.ts";
import { PdfUnavailableError } from "../../reports/pdf.server.ts";
import { getReport, type Report } from "./getReport.server.ts";
import { REPORT_FORMATS, type ReportFormat, renderReportFile, reportFileName } from "./reportFiles.server.ts";

/**
 * A published report's files, made once and kept in report_files (see the schema's comment).
 * The public asks for one variant per format: the published revision, compared with
 * DEFAULT_COMPARE, in the document's language (every report is written in Swedish: the model's
 * `language`). The team's other comparisons and the working report are made on request.
 */
export const STORED_COMPARE = DEFAULT_COMPARE;

export interface StoredReportFile {
  fileName: string;
  mediaType: string;
  sha256: string;
  body: Buffer;
  /** The evaluation's status now: a signed-in team member of one under correction reads the working report. */
  status: string;
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");
const modelHash = (model: ReportModel) => sha256(JSON.stringify(model));

/**
 * Bodies recently served, by their SHA-256: reading ~0.5 MB of bytea through the driver costs far
 * more than the rest of a download (on PGlite ~0.3 ms per kB), so each process keeps the popular
 * ones. Keyed by content, an entry can never be stale: a new revision has other bytes.
 */
const bodies = new LRUCache<string, Buffer>({ maxSize: 64 * 1024 * 1024, sizeCalculation: (body) => Math.max(1, body.length) });

/**
 * The stored file of the evaluation's latest published revision, or null (none published, or
 * not made yet). One small query (the body comes from memory when it was served before): this is
 * a public download's whole cost.
 */
export async function storedReportFile(
  db: Db,
  evaluationId: number,
  format: ReportFormat,
  language: ReportModel["language"] = "sv",
): Promise<StoredReportFile | null> {
  if (!Number.isInteger(evaluationId) || evaluationId < 1 || evaluationId > 2_147_483_647) return null;
  const key = and(
    eq(reportFiles.evaluationId, evaluationId),
    eq(reportFiles.format, format),
    eq(reportFiles.language, language),
    eq(reportFiles.compare, STORED_COMPARE),
    // The latest published revision: an open correction's row has an empty snapshot.
    sql`${reportFiles.revision} = (select max(r.revision) from evaluation_revisions r
      where r.evaluation_id = ${evaluationId} and r.snapshot <> '{}'::jsonb)`,
  );
  const [row] = await db
    .select({
      fileName: reportFiles.fileName,
      mediaType: reportFiles.mediaType,
      sha256: reportFiles.sha256,
      status: sql<string>`(select e.status from evaluations e where e.id = ${reportFiles.evaluationId})`,
    })
    .from(reportFiles)
    .where(key);
  if (!row) return null;
  let body = bodies.get(row.sha256);
  if (!body) {
    const [read] = await db
      .select({ body: reportFiles.body })
      .from(reportFiles)
      .where(and(key, eq(reportFiles.sha256, row.sha256)));
    // Replaced between the two reads (a new render of the same revision): the next request finds it.
    if (!read) return null;
    body = read.body;
    bodies.set(row.sha256, body);
  }
  return { ...row, body };
}

/** Is this report the variant that is stored (published, default comparison)? */
export const isStoredVariant = (report: Report): report is Report & { revision: number } =>
  report.edition === "published" && report.revision !== null && report.compare === STORED_COMPARE;

/**
 * Keeps a file just made for a report of the stored variant (an on-demand render, or the job's),
 * and drops the files of the evaluation's earlier revisions. A later write of the same variant
 * wins: both were made from the same revision.
 */
export async function keepReportFile(db: Db, report: Report & { revision: number }, format: ReportFormat, body: Buffer): Promise<void> {
  const row = {
    evaluationId: report.evaluationId,
    revision: report.revision,
    format,
    language: report.model.language,
    compare: report.compare,
    fileName: reportFileName(report.model, format),
    mediaType: REPORT_FORMATS[format],
    sha256: sha256(body),
    modelHash: modelHash(report.model),
    body,
  };
  await db
    .insert(reportFiles)
    .values(row)
    .onConflictDoUpdate({
      target: [reportFiles.evaluationId, reportFiles.revision, reportFiles.format, reportFiles.language, reportFiles.compare],
      set: { fileName: row.fileName, mediaType: row.mediaType, sha256: row.sha256, modelHash: row.modelHash, body, createdAt: new Date() },
    });
  await db.delete(reportFiles).where(and(eq(reportFiles.evaluationId, report.evaluationId), lt(reportFiles.revision, report.revision)));
}

export interface StoreRun {
  evaluationId: number;
  revision: number | null;
  made: ReportFormat[];
  /** Already stored from the same model. */
  kept: ReportFormat[];
  /** Could not be made now (Chromium missing): made on request later. */
  failed: ReportFormat[];
}

/**
 * Makes and stores every file of the evaluation's published report that is missing or was made
 * from another model (the job after publication, and the backlog). Nothing when the evaluation
 * has no published revision. A file that cannot be made (no Chromium) is left for later.
 */
export async function storeReportFiles(db: Db, evaluationId: number): Promise<StoreRun> {
  const run: StoreRun = { evaluationId, revision: null, made: [], kept: [], failed: [] };
  // As the public sees it: no actor, the published revision, the default comparison.
  const report = await getReport(db, null, evaluationId, { edition: "published" }).catch(() => null);
  if (!report || !isStoredVariant(report)) return run;
  run.revision = report.revision;
  const hash = modelHash(report.model);
  const stored = await db
    .select({ format: reportFiles.format, modelHash: reportFiles.modelHash })
    .from(reportFiles)
    .where(
      and(
        eq(reportFiles.evaluationId, evaluationId),
        eq(reportFiles.revision, report.revision),
        eq(reportFiles.language, report.model.language),
        eq(reportFiles.compare, report.compare),
      ),
    );
  for (const format of REPORT_FILE_FORMATS) {
    if (stored.some((s) => s.format === format && s.modelHash === hash)) {
      run.kept.push(format);
      continue;
    }
    try {
      await keepReportFile(db, report, format, await renderReportFile(report.model, format));
      run.made.push(format);
    } catch (error) {
      if (!(error instanceof PdfUnavailableError)) throw error;
      logger.warn({ evaluationId, format }, "report files: PDF not made now (no Chromium); it is made on request");
      run.failed.push(format);
    }
  }
  return run;
}

/** Every evaluation with a published revision, for the backlog job. */
export async function publishedEvaluationIds(db: Db): Promise<number[]> {
  const { rows } = (await db.execute(
    sql`select distinct evaluation_id as id from evaluation_revisions where snapshot <> '{}'::jsonb order by evaluation_id`,
  )) as unknown as { rows: { id: number }[] };
  return rows.map((r) => Number(r.id));
}

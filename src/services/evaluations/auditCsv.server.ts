import { asc, desc, eq, sql } from "drizzle-orm";
import { toCsv } from "../../domain/tables/csv.ts";
import type { Db } from "../../db/client.server.ts";
import { auditLog } from "../../db/schema.server.ts";
import { evaluationPolicy } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import { ForbiddenError } from "../errors.ts";
import { loadEvaluation, type EvaluationContext } from "./evaluationContext.server.ts";

export type AuditRow = typeof auditLog.$inferSelect;

/** Loads the evaluation and checks that the actor may read its audit log (the team and administrators). */
async function evaluationForAudit(db: Db, actor: Actor, evaluationId: number): Promise<EvaluationContext> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!evaluationPolicy.viewAudit(actor, evaluation.access)) throw new ForbiddenError("read the audit log");
  return evaluation;
}

/** One page of an evaluation's audit log, newest first, with the number of entries in all. */
export async function auditPage(db: Db, actor: Actor, evaluationId: number, page: { limit: number; offset: number }) {
  const evaluation = await evaluationForAudit(db, actor, evaluationId);
  const [entries, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(eq(auditLog.evaluationId, evaluationId))
      .orderBy(desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.evaluationId, evaluationId)),
  ]);
  return { evaluation, entries, total: Number(count?.n ?? 0) };
}

export const AUDIT_CSV_COLUMNS = ["id", "at", "actor", "action", "target", "before", "after"] as const;

/**
 * The whole audit log of an evaluation as RFC 4180 CSV, oldest first: id, at (ISO 8601, UTC),
 * actor, action, target, before, after. Texts in the log are written by users: toCsv defuses
 * cells that a spreadsheet would run as formulas.
 */
export async function auditCsv(db: Db, actor: Actor, evaluationId: number): Promise<{ filename: string; csv: string }> {
  const evaluation = await evaluationForAudit(db, actor, evaluationId);
  const entries = await db.select().from(auditLog).where(eq(auditLog.evaluationId, evaluationId)).orderBy(asc(auditLog.id));
  // toCsv writes the time in ISO 8601 and the before and after values (lists, objects) as JSON.
  const rows = entries.map((e) => [e.id, e.at, e.actorName, e.action, e.target, e.before, e.after]);
  const slug = `${evaluation.municipalityName}-${evaluation.year}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return { filename: `kommunkompassen-logg-${slug}.csv`, csv: toCsv(AUDIT_CSV_COLUMNS, rows) };
}

import { asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import { auditLog } from "../../db/schema.server.ts";
import type { Actor } from "../../domain/workflow.ts";

export interface AuditEntry {
  evaluationId: number | null;
  actor: Actor | "system";
  /** "status", "score", "agreed", "text", "evidence", "team", "revision" … */
  action: string;
  /** What was changed: "1.2", "area.3.general", "status" … */
  target?: string;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log, inside the caller's transaction, so that no change goes unrecorded. */
export async function appendAudit(tx: Db | Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    evaluationId: entry.evaluationId,
    actorId: entry.actor === "system" || entry.actor === null ? null : entry.actor.id,
    actorName: entry.actor === "system" ? "system" : (entry.actor?.name ?? "anonymous"),
    action: entry.action,
    target: entry.target ?? "",
    before: entry.before === undefined ? null : entry.before,
    after: entry.after === undefined ? null : entry.after,
  });
}

export async function auditEntries(db: Db, evaluationId: number) {
  return db.select().from(auditLog).where(eq(auditLog.evaluationId, evaluationId)).orderBy(asc(auditLog.id));
}

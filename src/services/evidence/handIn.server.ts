import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { auditLog } from "../../db/schema.server.ts";
import { handInOpen } from "../../domain/evidence.ts";
import { isStatus, type EvaluationStatus } from "../../domain/workflow.ts";
import type { EvaluationContext } from "../evaluations/evaluationContext.server.ts";

/**
 * Where the municipality's hand-in stands, for the contact's evidence page: open until the team
 * moves on from the visit to scoring, with the visit's last day as the date to aim for; closed,
 * with the day it closed (from the audit log), the step the evaluation is at, and whom to ask.
 */
export interface HandInWindow {
  open: boolean;
  status: EvaluationStatus;
  visitStart: string | null;
  visitEnd: string | null;
  /** The Swedish calendar day ("2026-10-15") the team moved on past the visit; null while open or when not logged (data loaded as it stood). */
  closedOn: string | null;
  /** Whom the municipality asks about its evidence: the evaluators. */
  evaluators: { name: string; email: string }[];
}

const swedishDay = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });

/** The latest logged step from an open step to a closed one: when the hand-in closed. */
async function closedAt(db: Db, evaluationId: number): Promise<Date | null> {
  const steps = await db
    .select({ at: auditLog.at, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.evaluationId, evaluationId), eq(auditLog.action, "status")))
    .orderBy(desc(auditLog.id));
  const open = (value: unknown) => typeof value === "string" && isStatus(value) && handInOpen(value);
  return steps.find((step) => open(step.before) && !open(step.after))?.at ?? null;
}

export async function handInWindow(db: Db, evaluation: EvaluationContext): Promise<HandInWindow> {
  const open = handInOpen(evaluation.status) && evaluation.status !== "published";
  const closed = open ? null : await closedAt(db, evaluation.id);
  return {
    open,
    status: evaluation.status,
    visitStart: evaluation.visitStart,
    visitEnd: evaluation.visitEnd,
    closedOn: closed ? swedishDay.format(closed) : null,
    evaluators: evaluation.evaluators.map(({ name, email }) => ({ name, email })),
  };
}

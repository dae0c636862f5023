import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.server.ts";
import { evidence, interviews, users } from "../../db/schema.server.ts";
import type { Actor } from "../../domain/workflow.ts";
import type { EvaluationContext } from "../evaluations/evaluationContext.server.ts";
import { loadEvaluation } from "../evaluations/evaluationContext.server.ts";
import { ForbiddenError } from "../errors.ts";
import { handInWindow } from "./handIn.server.ts";
import { listInterviews, type InterviewItem } from "./interviews.server.ts";
import { evidenceColumns, evidencePermissions, mayDeleteEvidence, subareaOptions, tiesOf } from "./shared.server.ts";

export type EvidenceKind = "document" | "link" | "note";

/** A document, link or note as the pages show it (a document's bytes are fetched apart). */
export interface EvidenceItem {
  id: number;
  kind: EvidenceKind;
  title: string;
  url: string | null;
  body: string | null;
  fileName: string | null;
  mediaType: string | null;
  size: number | null;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
  subareaIds: string[];
  /** May the actor remove it? */
  canDelete: boolean;
}

async function visibleEvidence(db: Db, actor: Actor, evaluation: EvaluationContext): Promise<EvidenceItem[]> {
  const permissions = evidencePermissions(actor, evaluation.access);
  if (!permissions.viewDocuments) throw new ForbiddenError("see the evaluation's evidence");
  const kinds: EvidenceKind[] = permissions.viewNotes ? ["document", "link", "note"] : ["document", "link"];
  const rows = await db
    .select({
      ...evidenceColumns,
      createdById: evidence.createdBy,
      createdByName: users.name,
      createdAt: evidence.createdAt,
    })
    .from(evidence)
    .leftJoin(users, eq(users.id, evidence.createdBy))
    .where(and(eq(evidence.evaluationId, evaluation.id), inArray(evidence.kind, kinds)))
    .orderBy(asc(evidence.createdAt), asc(evidence.id));
  const ties = await tiesOf(db, evaluation.id, "evidence");
  return rows.map((row) => ({
    ...row,
    kind: row.kind as EvidenceKind,
    subareaIds: ties.get(row.id) ?? [],
    canDelete: mayDeleteEvidence(actor, evaluation.access, row.createdById),
  }));
}

/**
 * The evaluation's documents and links (for the team and the municipality's contact) and, for
 * the team, the evaluators' notes; oldest first.
 */
export async function listEvidence(db: Db, actor: Actor, evaluationId: number): Promise<EvidenceItem[]> {
  return visibleEvidence(db, actor, await loadEvaluation(db, actor, evaluationId));
}

export interface SubareaEvidence {
  evidence: EvidenceItem[];
  /** Empty for whoever may not see the interview plan. */
  interviews: InterviewItem[];
}

/** For every sub-area (or area, in a version without sub-areas) with ties: what bears on it. */
export async function evidenceBySubarea(db: Db, actor: Actor, evaluationId: number): Promise<Map<string, SubareaEvidence>> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  const items = await visibleEvidence(db, actor, evaluation);
  const plan = evidencePermissions(actor, evaluation.access).viewNotes ? await listInterviews(db, actor, evaluation.id) : [];
  const bySubarea = new Map<string, SubareaEvidence>();
  const entry = (id: string) => {
    let found = bySubarea.get(id);
    if (!found) {
      found = { evidence: [], interviews: [] };
      bySubarea.set(id, found);
    }
    return found;
  };
  for (const item of items) for (const id of item.subareaIds) entry(id).evidence.push(item);
  for (const interview of plan) for (const id of interview.subareaIds) entry(id).interviews.push(interview);
  return bySubarea;
}

/** The evidence and interviews tied to one sub-area ("1.2"; an area number in a version without sub-areas). */
export async function evidenceForSubarea(db: Db, actor: Actor, evaluationId: number, subareaId: string): Promise<SubareaEvidence> {
  return (await evidenceBySubarea(db, actor, evaluationId)).get(subareaId) ?? { evidence: [], interviews: [] };
}

/** How many interviews the plan holds (for the report's summary): counted for the team only. */
export async function interviewCount(db: Db, actor: Actor, evaluationId: number): Promise<{ interviews: number; participants: number }> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!evidencePermissions(actor, evaluation.access).viewNotes) throw new ForbiddenError("see the interview plan");
  const rows = await db.select({ count: interviews.participantCount }).from(interviews).where(eq(interviews.evaluationId, evaluation.id));
  return { interviews: rows.length, participants: rows.reduce((sum, row) => sum + (row.count ?? 0), 0) };
}

/**
 * Everything the evidence page shows the actor: what they may do, the evidence, the plan and the
 * sub-areas to tie to; for the municipality's contact, where its hand-in stands.
 */
export async function loadEvidencePage(db: Db, actor: Actor, evaluationId: number) {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  const can = evidencePermissions(actor, evaluation.access);
  const items = await visibleEvidence(db, actor, evaluation);
  const plan = can.viewNotes ? await listInterviews(db, actor, evaluation.id) : [];
  const handIn = can.viewNotes ? null : await handInWindow(db, evaluation);
  return { id: evaluation.id, can, items, interviews: plan, subareas: can.viewNotes ? subareaOptions(evaluation.instrument) : [], handIn };
}

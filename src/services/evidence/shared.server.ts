import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import { evidence, evidenceLinks } from "../../db/schema.server.ts";
import type { InstrumentVersion } from "../../domain/instrument.ts";
import { evidencePolicy, type EvaluationAccessFacts } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";

export type SourceKind = "evidence" | "interview";

/** Zod's issues as the problems a form shows; every message is a key in the evidence catalog. */

/** A number from a form field or a caller: anything else is not an id. */
export function idOf(value: unknown): number {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d{1,9}$/.test(value.trim()) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : -1;
}

/** What the actor may do with the evaluation's evidence, for the services and the page. */
export interface EvidencePermissions {
  viewDocuments: boolean;
  viewNotes: boolean;
  upload: boolean;
  addNote: boolean;
  editInterviews: boolean;
  tag: boolean;
}

export function evidencePermissions(actor: Actor, access: EvaluationAccessFacts): EvidencePermissions {
  return {
    viewDocuments: evidencePolicy.viewDocuments(actor, access),
    viewNotes: evidencePolicy.viewNotes(actor, access),
    upload: evidencePolicy.uploadDocument(actor, access),
    addNote: evidencePolicy.addNote(actor, access),
    editInterviews: evidencePolicy.editInterviews(actor, access),
    tag: evidencePolicy.tagSubareas(actor, access),
  };
}

/**
 * Removing evidence: before publication, the team (and the administrator) may remove anything;
 * whoever handed a document or link in may remove it while they may still hand things in.
 */
export function mayDeleteEvidence(actor: Actor, access: EvaluationAccessFacts, createdBy: string | null): boolean {
  return evidencePolicy.deleteEvidence(actor, access, createdBy);
}

/** A sub-area (or, in a version without sub-areas, an area) that evidence can be tied to. */
export interface SubareaOption {
  id: string;
  areaNumber: number;
  areaName: string;
  text: string;
}

export function subareaOptions(instrument: InstrumentVersion): SubareaOption[] {
  return instrument.areas.flatMap((area) =>
    area.subareas.length === 0
      ? [{ id: String(area.number), areaNumber: area.number, areaName: area.name, text: area.name }]
      : area.subareas.map((s) => ({ id: s.id, areaNumber: area.number, areaName: area.name, text: s.question })),
  );
}

/** The sub-areas tied to each source of one kind: source id → sub-area ids in instrument order. */
export async function tiesOf(
  db: Db | Tx,
  evaluationId: number,
  sourceKind: SourceKind,
  sourceIds?: number[],
): Promise<Map<number, string[]>> {
  if (sourceIds && sourceIds.length === 0) return new Map();
  const rows = await db
    .select({ sourceId: evidenceLinks.sourceId, subareaId: evidenceLinks.subareaId })
    .from(evidenceLinks)
    .where(
      and(
        eq(evidenceLinks.evaluationId, evaluationId),
        eq(evidenceLinks.sourceKind, sourceKind),
        ...(sourceIds ? [inArray(evidenceLinks.sourceId, sourceIds)] : []),
      ),
    );
  const ties = new Map<number, string[]>();
  for (const row of rows) ties.set(row.sourceId, [...(ties.get(row.sourceId) ?? []), row.subareaId]);
  const order = (id: string) =>
    id
      .split(".")
      .map((part) => part.padStart(4, "0"))
      .join(".");
  for (const list of ties.values()) list.sort((a, b) => order(a).localeCompare(order(b)));
  return ties;
}

/** Forgets a removed source's ties. */
export async function removeTies(tx: Db | Tx, evaluationId: number, sourceKind: SourceKind, sourceId: number): Promise<void> {
  await tx
    .delete(evidenceLinks)
    .where(
      and(eq(evidenceLinks.evaluationId, evaluationId), eq(evidenceLinks.sourceKind, sourceKind), eq(evidenceLinks.sourceId, sourceId)),
    );
}

/** What every reading of a piece of evidence selects (its bytes are read only for a download). */
export const evidenceColumns = {
  id: evidence.id,
  kind: evidence.kind,
  title: evidence.title,
  url: evidence.url,
  body: evidence.body,
  fileName: evidence.fileName,
  mediaType: evidence.mediaType,
  size: evidence.size,
};

import { INTERVIEW_GROUPS, type InterviewGroup } from "../../domain/evidence.ts";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.server.ts";
import { interviews } from "../../db/schema.server.ts";
import { evidencePolicy } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import { ConflictError, ForbiddenError, NotFoundError, problemsFromZod, ValidationError } from "../errors.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { loadEvaluation } from "../evaluations/evaluationContext.server.ts";
import { formatLocalDateTime, parseLocalDateTime } from "./localTime.server.ts";
import { idOf, removeTies, tiesOf } from "./shared.server.ts";
import { plainText } from "../../domain/text.ts";

/** The groups the evaluators interview during the visit. */

const text = (max: number, message: string) => plainText({ error: message }).trim().max(max, message).default("");

export const interviewSchema = z.object({
  groupKind: z.enum(INTERVIEW_GROUPS, { error: "evidence.problem.group_invalid" }),
  title: plainText({ error: "evidence.problem.title_required" })
    .trim()
    .min(1, "evidence.problem.title_required")
    .max(300, "evidence.problem.title_too_long"),
  /** Swedish local time as in <input type="datetime-local">, or empty. */
  startsAt: z
    .string({ error: "evidence.problem.time_invalid" })
    .trim()
    .nullish()
    .refine((value) => !value || parseLocalDateTime(value) !== null, "evidence.problem.time_invalid"),
  participants: text(5000, "evidence.problem.participants_too_long"),
  participantCount: z.preprocess(
    (value) =>
      value === undefined || value === null || (typeof value === "string" && value.trim() === "")
        ? null
        : typeof value === "string"
          ? Number(value.trim())
          : value,
    z
      .number({ error: "evidence.problem.count_invalid" })
      .int("evidence.problem.count_invalid")
      .min(0, "evidence.problem.count_invalid")
      .max(100, "evidence.problem.count_invalid")
      .nullable(),
  ),
  notes: text(50000, "evidence.problem.notes_too_long"),
});

/** As a form sends it: the service checks every field. */
export interface InterviewInput {
  groupKind: string;
  title: string;
  startsAt?: string | null;
  participants?: string;
  participantCount?: number | string | null;
  notes?: string;
}

/** An interview as the pages show it; startsAt in Swedish local time ("2024-03-12T09:30"). */
export interface InterviewItem {
  id: number;
  groupKind: InterviewGroup;
  title: string;
  startsAt: string | null;
  participants: string;
  participantCount: number | null;
  notes: string;
  version: number;
  updatedAt: Date;
  subareaIds: string[];
}

function itemOf(row: typeof interviews.$inferSelect, subareaIds: string[] = []): InterviewItem {
  return {
    id: row.id,
    groupKind: (INTERVIEW_GROUPS as readonly string[]).includes(row.groupKind) ? (row.groupKind as InterviewGroup) : "others",
    title: row.title,
    startsAt: row.startsAt ? formatLocalDateTime(row.startsAt) : null,
    participants: row.participants,
    participantCount: row.participantCount,
    notes: row.notes,
    version: row.version,
    updatedAt: row.updatedAt,
    subareaIds,
  };
}

/** What the audit log keeps of an interview. */
const described = (item: InterviewItem) => ({
  groupKind: item.groupKind,
  title: item.title,
  startsAt: item.startsAt,
  participants: item.participants,
  participantCount: item.participantCount,
  notes: item.notes,
});

function parse(input: InterviewInput) {
  const parsed = interviewSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the interview was not saved", problemsFromZod(parsed.error.issues));
  const { startsAt, ...rest } = parsed.data;
  return { ...rest, startsAt: startsAt ? parseLocalDateTime(startsAt) : null };
}

async function editable(db: Db, actor: Actor, evaluationId: number) {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!evidencePolicy.editInterviews(actor, evaluation.access)) throw new ForbiddenError("edit interviews");
  return evaluation;
}

async function currentInterview(db: Db | Tx, evaluationId: number, interviewId: unknown): Promise<InterviewItem> {
  const id = idOf(interviewId);
  const [row] =
    id > 0
      ? await db
          .select()
          .from(interviews)
          .where(and(eq(interviews.id, id), eq(interviews.evaluationId, evaluationId)))
      : [];
  if (!row) throw new NotFoundError("interview", String(interviewId));
  return itemOf(row, (await tiesOf(db, evaluationId, "interview", [row.id])).get(row.id));
}

/** The interview plan, in time order (unscheduled last); the team's working material. */
export async function listInterviews(db: Db, actor: Actor, evaluationId: number): Promise<InterviewItem[]> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!evidencePolicy.viewNotes(actor, evaluation.access)) throw new ForbiddenError("see the interview plan");
  const rows = await db
    .select()
    .from(interviews)
    .where(eq(interviews.evaluationId, evaluation.id))
    .orderBy(asc(interviews.startsAt), asc(interviews.id));
  const ties = await tiesOf(db, evaluation.id, "interview");
  return rows.map((row) => itemOf(row, ties.get(row.id)));
}

export async function addInterview(db: Db, actor: Actor, evaluationId: number, input: InterviewInput): Promise<{ id: number }> {
  const evaluation = await editable(db, actor, evaluationId);
  const values = parse(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(interviews)
      .values({ ...values, evaluationId: evaluation.id, createdBy: actor!.id })
      .returning();
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "interview",
      target: `interview ${row!.id}`,
      after: described(itemOf(row!)),
    });
    return { id: row!.id };
  });
}

/**
 * Saves an interview loaded at `version`. When someone else saved it since, nothing is written
 * and ConflictError carries the saved interview and its version.
 */
export async function updateInterview(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: InterviewInput & { interviewId: number | string; version: number | string },
): Promise<{ version: number }> {
  const evaluation = await editable(db, actor, evaluationId);
  const values = parse(input);
  const loaded = Number(input.version);
  return db.transaction(async (tx) => {
    const before = await currentInterview(tx, evaluation.id, input.interviewId);
    if (before.version !== loaded) throw new ConflictError(before, before.version);
    const [row] = await tx
      .update(interviews)
      .set({ ...values, version: loaded + 1, updatedAt: new Date() })
      .where(and(eq(interviews.id, before.id), eq(interviews.version, loaded)))
      .returning();
    if (!row) throw new ConflictError(before, before.version);
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "interview",
      target: `interview ${row.id}`,
      before: described(before),
      after: described(itemOf(row)),
    });
    return { version: row.version };
  });
}

/** Removes an interview and its ties; with a version, only if nobody changed it since. */
export async function deleteInterview(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: { interviewId: number | string; version?: number | string | null },
): Promise<void> {
  const evaluation = await editable(db, actor, evaluationId);
  await db.transaction(async (tx) => {
    const before = await currentInterview(tx, evaluation.id, input.interviewId);
    if (input.version !== undefined && input.version !== null && input.version !== "" && Number(input.version) !== before.version) {
      throw new ConflictError(before, before.version);
    }
    await removeTies(tx, evaluation.id, "interview", before.id);
    await tx.delete(interviews).where(eq(interviews.id, before.id));
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "interview",
      target: `interview ${before.id}`,
      before: described(before),
      after: null,
    });
  });
}

import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server.ts";
import { evidence, evidenceLinks, interviews } from "../../db/schema.server.ts";
import { evidencePolicy } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import { ForbiddenError, NotFoundError, problemsFromZod, ValidationError } from "../errors.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { loadEvaluation } from "../evaluations/evaluationContext.server.ts";
import { idOf, subareaOptions, tiesOf, type SourceKind } from "./shared.server.ts";

export const tagSchema = z.object({
  sourceKind: z.enum(["evidence", "interview"], { error: "evidence.problem.source_invalid" }),
  subareaIds: z
    .array(z.string({ error: "evidence.problem.subarea_unknown" }).trim(), { error: "evidence.problem.subarea_unknown" })
    .max(200, "evidence.problem.subarea_unknown"),
});

export interface TagInput {
  sourceKind: SourceKind;
  sourceId: number | string;
  subareaIds: string[];
}

/**
 * Ties a piece of evidence or an interview to the sub-areas it bears on, replacing its earlier
 * ties. The ids are the instrument version's sub-areas ("1.2"), or its area numbers ("1") where
 * the version has no sub-areas.
 */
export async function tagSubareas(db: Db, actor: Actor, evaluationId: number, input: TagInput): Promise<{ subareaIds: string[] }> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!evidencePolicy.tagSubareas(actor, evaluation.access)) throw new ForbiddenError("tie evidence to sub-areas");
  const parsed = tagSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the ties were not saved", problemsFromZod(parsed.error.issues));
  const { sourceKind } = parsed.data;
  const known = subareaOptions(evaluation.instrument).map((option) => option.id);
  const wanted = new Set(parsed.data.subareaIds.filter((id) => id !== ""));
  const unknown = [...wanted].filter((id) => !known.includes(id));
  if (unknown.length)
    throw new ValidationError("the ties were not saved", [{ field: "subareaIds", message: "evidence.problem.subarea_unknown" }]);
  const subareaIds = known.filter((id) => wanted.has(id));

  const sourceId = idOf(input.sourceId);
  const table = sourceKind === "evidence" ? evidence : interviews;
  const [source] =
    sourceId > 0
      ? await db
          .select({ id: table.id })
          .from(table)
          .where(and(eq(table.id, sourceId), eq(table.evaluationId, evaluation.id)))
      : [];
  if (!source) throw new NotFoundError(sourceKind, String(input.sourceId));

  return db.transaction(async (tx) => {
    const before = (await tiesOf(tx, evaluation.id, sourceKind, [source.id])).get(source.id) ?? [];
    if (before.length === subareaIds.length && before.every((id) => subareaIds.includes(id))) return { subareaIds };
    await tx
      .delete(evidenceLinks)
      .where(
        and(eq(evidenceLinks.evaluationId, evaluation.id), eq(evidenceLinks.sourceKind, sourceKind), eq(evidenceLinks.sourceId, source.id)),
      );
    if (subareaIds.length) {
      await tx
        .insert(evidenceLinks)
        .values(subareaIds.map((subareaId) => ({ evaluationId: evaluation.id, sourceKind, sourceId: source.id, subareaId })));
    }
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: sourceKind,
      target: `${sourceKind} ${source.id} subareas`,
      before: { subareaIds: before },
      after: { subareaIds },
    });
    return { subareaIds };
  });
}

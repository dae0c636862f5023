import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.server.ts";
import { goodExamples, municipalities } from "../../db/schema.server.ts";
import { findArea } from "../../domain/instrument.ts";
import { writingPolicy } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { loadEvaluation, type EvaluationContext } from "../evaluations/evaluationContext.server.ts";
import { ForbiddenError, problemsFromZod, ValidationError, type Problem } from "../errors.ts";
import { MAX_SENTENCE_LENGTH } from "./textKeys.shared.ts";
import { plainText } from "../../domain/text.ts";

const exampleFields = {
  municipalityCode: z
    .string()
    .trim()
    .regex(/^\d{4}$/, "unknown_municipality"),
  sentence: plainText().trim().min(1, "sentence_length").max(MAX_SENTENCE_LENGTH, "sentence_length"),
};
const exampleId = z.coerce.number().int("example_missing").positive("example_missing");

export const newGoodExampleSchema = z.object({ areaNumber: z.coerce.number().int("unknown_area"), ...exampleFields });
export const goodExampleSchema = z.object({ id: exampleId, ...exampleFields });
export const moveGoodExampleSchema = z.object({ id: exampleId, direction: z.enum(["up", "down"], { error: "direction_invalid" }) });

const NOT_SAVED = "the good example was not saved";
const AUDIT_ACTION = "goodExample";
const target = (areaNumber: number) => `area.${areaNumber}.goodExamples`;

async function editable(db: Db, actor: Actor, evaluationId: number): Promise<EvaluationContext> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!writingPolicy.edit(actor, evaluation.access)) throw new ForbiddenError("write the evaluation's good examples");
  return evaluation;
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ValidationError(NOT_SAVED, problemsFromZod(parsed.error.issues));
  return parsed.data;
}

/**
 * The municipality must be in the register, must not be the one evaluated, and must not be a
 * practice municipality (a good example is published with the report; a made-up one would mislead).
 */
async function checkMunicipality(tx: Db | Tx, evaluation: EvaluationContext, code: string): Promise<{ code: string; name: string }> {
  const problems: Problem[] = [];
  const [municipality] = await tx
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(and(eq(municipalities.code, code), eq(municipalities.practice, false)));
  if (!municipality) problems.push({ field: "municipalityCode", message: "unknown_municipality" });
  else if (code === evaluation.municipalityCode) problems.push({ field: "municipalityCode", message: "own_municipality" });
  if (problems.length) throw new ValidationError(NOT_SAVED, problems);
  return municipality!;
}

async function findExample(tx: Db | Tx, evaluationId: number, id: number) {
  const [row] = await tx
    .select()
    .from(goodExamples)
    .where(and(eq(goodExamples.evaluationId, evaluationId), eq(goodExamples.id, id)));
  return row;
}

const missing = () => new ValidationError(NOT_SAVED, [{ field: "id", message: "example_missing" }]);

/** Names another municipality as a good example in an area, last in the area's list. */
export async function addGoodExample(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: z.input<typeof newGoodExampleSchema>,
): Promise<{ id: number }> {
  const evaluation = await editable(db, actor, evaluationId);
  const data = parse(newGoodExampleSchema, input);
  if (!findArea(evaluation.instrument, data.areaNumber))
    throw new ValidationError(NOT_SAVED, [{ field: "areaNumber", message: "unknown_area" }]);
  return db.transaction(async (tx) => {
    const municipality = await checkMunicipality(tx, evaluation, data.municipalityCode);
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${goodExamples.position}), -1)::int` })
      .from(goodExamples)
      .where(and(eq(goodExamples.evaluationId, evaluation.id), eq(goodExamples.areaNumber, data.areaNumber)));
    const position = Number(last?.position ?? -1) + 1;
    const [row] = await tx
      .insert(goodExamples)
      .values({
        evaluationId: evaluation.id,
        areaNumber: data.areaNumber,
        municipalityCode: municipality.code,
        sentence: data.sentence,
        position,
      })
      .returning({ id: goodExamples.id });
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: AUDIT_ACTION,
      target: target(data.areaNumber),
      before: null,
      after: { id: row!.id, municipalityCode: municipality.code, municipality: municipality.name, sentence: data.sentence, position },
    });
    return { id: row!.id };
  });
}

/** Changes a good example's municipality or sentence. */
export async function updateGoodExample(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: z.input<typeof goodExampleSchema>,
): Promise<void> {
  const evaluation = await editable(db, actor, evaluationId);
  const data = parse(goodExampleSchema, input);
  await db.transaction(async (tx) => {
    const row = await findExample(tx, evaluation.id, data.id);
    if (!row) throw missing();
    const municipality = await checkMunicipality(tx, evaluation, data.municipalityCode);
    if (row.municipalityCode === municipality.code && row.sentence === data.sentence) return;
    await tx.update(goodExamples).set({ municipalityCode: municipality.code, sentence: data.sentence }).where(eq(goodExamples.id, row.id));
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: AUDIT_ACTION,
      target: target(row.areaNumber),
      before: { id: row.id, municipalityCode: row.municipalityCode, sentence: row.sentence },
      after: { id: row.id, municipalityCode: municipality.code, sentence: data.sentence },
    });
  });
}

/** Removes a good example. Removing one that is already gone changes nothing. */
export async function deleteGoodExample(db: Db, actor: Actor, evaluationId: number, input: { id: number | string }): Promise<void> {
  const evaluation = await editable(db, actor, evaluationId);
  const { id } = parse(z.object({ id: exampleId }), input);
  await db.transaction(async (tx) => {
    const row = await findExample(tx, evaluation.id, id);
    if (!row) return;
    await tx.delete(goodExamples).where(eq(goodExamples.id, row.id));
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: AUDIT_ACTION,
      target: target(row.areaNumber),
      before: { id: row.id, municipalityCode: row.municipalityCode, sentence: row.sentence, position: row.position },
      after: null,
    });
  });
}

/** Moves a good example one place up or down in its area's list (positions are renumbered 0, 1, 2 …). */
export async function moveGoodExample(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: z.input<typeof moveGoodExampleSchema>,
): Promise<void> {
  const evaluation = await editable(db, actor, evaluationId);
  const data = parse(moveGoodExampleSchema, input);
  await db.transaction(async (tx) => {
    const row = await findExample(tx, evaluation.id, data.id);
    if (!row) throw missing();
    const list = await tx
      .select({ id: goodExamples.id, position: goodExamples.position })
      .from(goodExamples)
      .where(and(eq(goodExamples.evaluationId, evaluation.id), eq(goodExamples.areaNumber, row.areaNumber)))
      .orderBy(asc(goodExamples.position), asc(goodExamples.id));
    const from = list.findIndex((example) => example.id === row.id);
    const to = data.direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= list.length) return;
    const order = list.map((example) => example.id);
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [position, id] of order.entries()) {
      if (list.find((example) => example.id === id)!.position !== position) {
        await tx.update(goodExamples).set({ position }).where(eq(goodExamples.id, id));
      }
    }
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: AUDIT_ACTION,
      target: target(row.areaNumber),
      before: { order: list.map((example) => example.id) },
      after: { order },
    });
  });
}

import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.server.ts";
import { evaluationMembers, evaluations, municipalities, users } from "../../db/schema.server.ts";
import { evaluationPolicy, userPolicy } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import { ConflictError, ForbiddenError, problemsFromZod, ValidationError, type Problem } from "../errors.ts";
import { getInstruments } from "../instruments/catalog.server.ts";
import { appendAudit } from "./audit.server.ts";
import { loadEvaluation } from "./evaluationContext.server.ts";
import { plainText } from "../../domain/text.ts";

// Messages are codes (with values where a person is named): the pages put them into words.
const isoDate = z.iso.date({ error: "date_invalid" });

export const evaluationSetupSchema = z
  .object({
    visitStart: isoDate.nullish(),
    visitEnd: isoDate.nullish(),
    evaluatorIds: z.array(plainText().min(1)).max(3, "too_many_evaluators"),
    contactIds: z.array(plainText().min(1)).max(5, "too_many_contacts"),
  })
  .refine((s) => !s.visitStart || !s.visitEnd || s.visitStart <= s.visitEnd, { path: ["visitEnd"], message: "visit_end_before_start" });

/** What planning an evaluation adds to its setup. */
export const newEvaluationFields = z.object({
  municipalityCode: z.string({ error: "municipality_missing" }).regex(/^\d{4}$/, "municipality_missing"),
  instrumentKey: plainText({ error: "instrument_missing" }).min(1, "instrument_missing"),
  year: z.coerce.number({ error: "year_invalid" }).int("year_invalid").min(1990, "year_invalid").max(2100, "year_invalid"),
});

export const newEvaluationSchema = evaluationSetupSchema.and(newEvaluationFields);

/** Checks that the team are evaluators (or administrators) and the contacts speak for the municipality. */
async function checkPeople(tx: Db | Tx, municipalityCode: string, evaluatorIds: string[], contactIds: string[]): Promise<Problem[]> {
  const ids = [...new Set([...evaluatorIds, ...contactIds])];
  const people = ids.length ? await tx.select().from(users).where(inArray(users.id, ids)) : [];
  const problems: Problem[] = [];
  for (const id of evaluatorIds) {
    const person = people.find((p) => p.id === id);
    if (!person || (person.role !== "evaluator" && person.role !== "administrator") || person.disabled)
      problems.push({ field: "evaluatorIds", message: "not_an_evaluator", values: { name: person?.name ?? id } });
  }
  for (const id of contactIds) {
    const person = people.find((p) => p.id === id);
    if (person?.role !== "contact" || person.municipalityCode !== municipalityCode)
      problems.push({ field: "contactIds", message: "not_a_contact", values: { name: person?.name ?? id } });
  }
  for (const id of evaluatorIds.filter((id) => contactIds.includes(id))) {
    problems.push({ field: "contactIds", message: "evaluator_and_contact", values: { name: people.find((p) => p.id === id)?.name ?? id } });
  }
  return problems;
}

async function replaceMembers(tx: Tx, evaluationId: number, evaluatorIds: string[], contactIds: string[]) {
  // Invited municipality staff are the contact's to manage, not the team's: they stay.
  await tx
    .delete(evaluationMembers)
    .where(and(eq(evaluationMembers.evaluationId, evaluationId), inArray(evaluationMembers.role, ["evaluator", "contact"])));
  const rows = [
    ...[...new Set(evaluatorIds)].map((userId) => ({ evaluationId, userId, role: "evaluator" })),
    ...[...new Set(contactIds)].map((userId) => ({ evaluationId, userId, role: "contact" })),
  ];
  if (rows.length) await tx.insert(evaluationMembers).values(rows);
}

/** An administrator plans an evaluation: municipality, instrument version, visit, team, contact. */
export async function createEvaluation(db: Db, actor: Actor, input: z.input<typeof newEvaluationSchema>): Promise<{ id: number }> {
  if (!userPolicy.createEvaluation(actor)) throw new ForbiddenError("create evaluations");
  const parsed = newEvaluationSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the evaluation was not created", problemsFromZod(parsed.error.issues));
  const data = parsed.data;
  const problems: Problem[] = [];
  if (!(await getInstruments(db)).has(data.instrumentKey))
    problems.push({ field: "instrumentKey", message: "instrument_unknown", values: { instrument: data.instrumentKey } });
  const [municipality] = await db.select().from(municipalities).where(eq(municipalities.code, data.municipalityCode));
  if (!municipality) problems.push({ field: "municipalityCode", message: "municipality_unknown", values: { code: data.municipalityCode } });
  const [existing] = await db
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(
      and(
        eq(evaluations.municipalityCode, data.municipalityCode),
        eq(evaluations.instrumentKey, data.instrumentKey),
        eq(evaluations.year, data.year),
      ),
    );
  if (existing)
    problems.push({
      field: "year",
      message: "evaluation_exists",
      values: { name: municipality?.name ?? data.municipalityCode, year: data.year, instrument: data.instrumentKey },
    });
  problems.push(...(await checkPeople(db, data.municipalityCode, data.evaluatorIds, data.contactIds)));
  if (problems.length) throw new ValidationError("the evaluation was not created", problems);

  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(evaluations)
      .values({
        municipalityCode: data.municipalityCode,
        instrumentKey: data.instrumentKey,
        year: data.year,
        visitStart: data.visitStart ?? null,
        visitEnd: data.visitEnd ?? null,
        createdBy: actor!.id,
      })
      .returning({ id: evaluations.id });
    await replaceMembers(tx, row!.id, data.evaluatorIds, data.contactIds);
    await appendAudit(tx, { evaluationId: row!.id, actor, action: "created", after: data });
    return { id: row!.id };
  });
}

/** Changes visit dates, team and contacts; refused when someone else changed them first. */
export async function updateEvaluationSetup(
  db: Db,
  actor: Actor,
  id: number,
  input: z.input<typeof evaluationSetupSchema> & { version: number },
): Promise<void> {
  const evaluation = await loadEvaluation(db, actor, id);
  if (!evaluationPolicy.editSetup(actor, evaluation.access)) throw new ForbiddenError("change the evaluation's setup");
  const parsed = evaluationSetupSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the evaluation was not changed", problemsFromZod(parsed.error.issues));
  const data = parsed.data;
  const problems = await checkPeople(db, evaluation.municipalityCode, data.evaluatorIds, data.contactIds);
  if (problems.length) throw new ValidationError("the evaluation was not changed", problems);
  const before = {
    visitStart: evaluation.visitStart,
    visitEnd: evaluation.visitEnd,
    evaluatorIds: evaluation.access.evaluatorIds,
    contactIds: evaluation.access.contactIds,
  };
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(evaluations)
      .set({ visitStart: data.visitStart ?? null, visitEnd: data.visitEnd ?? null, version: input.version + 1, updatedAt: new Date() })
      .where(and(eq(evaluations.id, id), eq(evaluations.version, input.version)))
      .returning({ id: evaluations.id });
    if (updated.length === 0) throw new ConflictError(before, evaluation.version);
    await replaceMembers(tx, id, data.evaluatorIds, data.contactIds);
    await appendAudit(tx, { evaluationId: id, actor, action: "setup", before, after: data });
  });
}

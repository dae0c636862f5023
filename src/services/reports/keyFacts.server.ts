import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.server.ts";
import { evaluationKeyFacts } from "../../db/schema.server.ts";
import { reportPolicy } from "../../domain/policies.ts";
import type { KeyFactsInput } from "../../domain/report/input.ts";
import type { Actor } from "../../domain/workflow.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { loadEvaluation } from "../evaluations/evaluationContext.server.ts";
import { ConflictError, ForbiddenError, problemsFromZod, ValidationError } from "../errors.ts";
import { plainText } from "../../domain/text.ts";

export const EMPTY_KEY_FACTS: KeyFactsInput = {
  population: null,
  populationChange: null,
  populationChangePeriod: null,
  employees: null,
  rulingParties: null,
};

/** A form field left blank is "not entered"; digits may be written with spaces ("137 121"). */
const wholeNumber = (min: number, max: number) =>
  z
    .union([z.string(), z.number(), z.null()])
    .optional()
    .transform((value) =>
      value === null || value === undefined
        ? ""
        : String(value)
            .replace(/[\s\u00a0]/g, "")
            .replace(/^\u2212/, "-"),
    )
    .pipe(
      z
        .string()
        .regex(/^([+-]?\d{1,9})?$/, "whole_number_expected")
        .transform((text) => (text === "" ? null : Number(text)))
        .refine((n) => n === null || (n >= min && n <= max), "number_out_of_range"),
    );

const optionalText = (max: number) =>
  z
    .union([z.string(), z.null()])
    .optional()
    .transform((value) => value?.trim() ?? "")
    .pipe(plainText().max(max, "text_too_long"))
    .transform((text) => (text === "" ? null : text));

export const keyFactsSchema = z.object({
  population: wholeNumber(0, 20_000_000),
  populationChange: wholeNumber(-1_000_000, 1_000_000),
  populationChangePeriod: optionalText(40),
  employees: wholeNumber(0, 1_000_000),
  rulingParties: optionalText(200),
  version: z.coerce.number().int("version_invalid").min(0, "version_invalid"),
});

export type SaveKeyFactsInput = z.input<typeof keyFactsSchema>;

export interface KeyFacts extends KeyFactsInput {
  /** 0 when nothing has been entered. */
  version: number;
}

export async function readKeyFacts(db: Db | Tx, evaluationId: number): Promise<KeyFacts> {
  const [row] = await db.select().from(evaluationKeyFacts).where(eq(evaluationKeyFacts.evaluationId, evaluationId));
  if (!row) return { ...EMPTY_KEY_FACTS, version: 0 };
  const { population, populationChange, populationChangePeriod, employees, rulingParties, version } = row;
  return { population, populationChange, populationChangePeriod, employees, rulingParties, version };
}

/**
 * Saves the key facts of report section 5. Like the texts, the version they were loaded with
 * must still be the stored one, or nothing is written and the stored facts come back.
 */
export async function saveKeyFacts(db: Db, actor: Actor, evaluationId: number, input: SaveKeyFactsInput): Promise<KeyFacts> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!reportPolicy.editKeyFacts(actor, evaluation.access)) throw new ForbiddenError("enter the key facts");
  const parsed = keyFactsSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the key facts were not saved", problemsFromZod(parsed.error.issues));
  const { version, ...facts } = parsed.data;
  return db.transaction(async (tx) => {
    const before = await readKeyFacts(tx, evaluation.id);
    if (before.version !== version) throw new ConflictError(before, before.version);
    const values = { ...facts, version: version + 1, updatedBy: actor!.id, updatedAt: new Date() };
    const written =
      version === 0
        ? await tx
            .insert(evaluationKeyFacts)
            .values({ evaluationId: evaluation.id, ...values })
            .onConflictDoNothing()
            .returning({ v: evaluationKeyFacts.version })
        : await tx
            .update(evaluationKeyFacts)
            .set(values)
            .where(and(eq(evaluationKeyFacts.evaluationId, evaluation.id), eq(evaluationKeyFacts.version, version)))
            .returning({ v: evaluationKeyFacts.version });
    if (written.length === 0) {
      // Someone saved between our read and our write.
      const current = await readKeyFacts(tx, evaluation.id);
      throw new ConflictError(current, current.version);
    }
    const { version: _v, ...previous } = before;
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "key_facts",
      target: "report.5",
      before: before.version === 0 ? null : previous,
      after: facts,
    });
    return { ...facts, version: version + 1 };
  });
}

import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "../../db/client.server.ts";
import { evaluationTexts } from "../../db/schema.server.ts";
import { writingPolicy } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { loadEvaluation } from "../evaluations/evaluationContext.server.ts";
import { ConflictError, ForbiddenError, problemsFromZod, ValidationError } from "../errors.ts";
import { allowedTextKeys, MAX_TEXT_LENGTH, normaliseText } from "./textKeys.shared.ts";
import { plainText } from "../../domain/text.ts";

export const saveTextSchema = z.object({
  key: z.string().min(1, "unknown_text_key"),
  body: plainText().transform(normaliseText).pipe(z.string().max(MAX_TEXT_LENGTH, "text_too_long")),
  /** The version the text was loaded with: 0 for a text nobody has written yet. */
  version: z.coerce.number().int("version_invalid").min(0, "version_invalid"),
});

export type SaveTextInput = z.input<typeof saveTextSchema>;

/** The text as someone else saved it: what a conflict carries. */
async function currentText(tx: Db | Tx, evaluationId: number, key: string): Promise<{ body: string; version: number }> {
  const [row] = await tx
    .select({ body: evaluationTexts.body, version: evaluationTexts.version })
    .from(evaluationTexts)
    .where(and(eq(evaluationTexts.evaluationId, evaluationId), eq(evaluationTexts.key, key)));
  return row ?? { body: "", version: 0 };
}

/**
 * Saves one of the report's texts. The version it was loaded with must still be the stored one
 * (0 when nothing is stored); otherwise someone else saved first, nothing is written, and a
 * ConflictError carries their text (as `current`) and its version.
 */
export async function saveText(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: SaveTextInput,
): Promise<{ key: string; body: string; version: number }> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!writingPolicy.edit(actor, evaluation.access)) throw new ForbiddenError("write the evaluation's texts");
  const parsed = saveTextSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the text was not saved", problemsFromZod(parsed.error.issues));
  const { key, body, version } = parsed.data;
  if (!allowedTextKeys(evaluation.instrument).includes(key)) {
    throw new ValidationError("the text was not saved", [{ field: "key", message: "unknown_text_key" }]);
  }

  return db.transaction(async (tx) => {
    const before = await currentText(tx, evaluation.id, key);
    if (before.version !== version) throw new ConflictError(before.body, before.version);
    // Saving what is already stored (an autosave with no change) writes nothing and logs nothing.
    if (before.body === body) return { key, body, version };
    const now = new Date();
    const written =
      version === 0
        ? await tx
            .insert(evaluationTexts)
            .values({ evaluationId: evaluation.id, key, body, version: 1, updatedBy: actor!.id, updatedAt: now })
            .onConflictDoNothing()
            .returning({ version: evaluationTexts.version })
        : await tx
            .update(evaluationTexts)
            .set({ body, version: version + 1, updatedBy: actor!.id, updatedAt: now })
            .where(and(eq(evaluationTexts.evaluationId, evaluation.id), eq(evaluationTexts.key, key), eq(evaluationTexts.version, version)))
            .returning({ version: evaluationTexts.version });
    if (written.length === 0) {
      // Someone saved between our read and our write.
      const current = await currentText(tx, evaluation.id, key);
      throw new ConflictError(current.body, current.version);
    }
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "text",
      target: key,
      before: version === 0 ? null : before.body,
      after: body,
    });
    return { key, body, version: written[0]!.version };
  });
}

/**
 * Synthetic points for the demo's practice case, for tests only.
 *
 * The shipped demo gives the practice case (Övningsköping 2026, a made-up municipality) no points
 * at all, so that every figure the demo shows is a published one. Many tests need a case in
 * agreement with two evaluators who disagree; they get it here: the figures below are SYNTHETIC,
 * written for the tests, and belong to the made-up Övningsköping, which the public never sees and
 * whose evaluations can never be published.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.server.ts";
import { agreedScores, evaluations, scores, scoreSubmissions, users } from "../../src/db/schema.server.ts";
import { seedWorkspaceDemo } from "../../src/services/demo/seedWorkspaceDemo.server.ts";

/** Övningsköping's code: the demo's practice municipality (reference/demo/workspace.json). */
export const PRACTICE_CODE = "9990";

/** Synthetic draft points per evaluator and area of the 2020 version (decimal strings). */
export const PRACTICE_DRAFTS = {
  "eva@kompass.example": { "1": "62", "2": "70", "3": "55", "4": "48", "5": "66", "6": "58", "7": "61", "8": "57" },
  "per@kompass.example": { "1": "58", "2": "71", "3": "68", "4": "47", "5": "52", "6": "60", "7": "61", "8": "49.5" },
} as const;

/** Synthetic justifications that differ, for the agreement page's side-by-side view. */
export const PRACTICE_JUSTIFICATIONS: Record<string, Record<string, string>> = {
  "eva@kompass.example": { "3": "Målen är många och få är mätbara.", "5": "Brukarundersökningar görs i de flesta verksamheter." },
  "per@kompass.example": {
    "3": "Uppföljningen till nämnderna är tät och tydlig.",
    "5": "Resultaten används sällan i förbättringsarbetet.",
  },
};

/** Synthetic agreed points: area 2 met in the middle, area 7 the same from both. */
export const PRACTICE_AGREED = {
  "2": { points: "70.5", reason: "Små skillnader; vi möttes på mitten." },
  "7": { points: "61", reason: "Samma bedömning." },
} as const;

/**
 * Puts the demo's practice case in agreement: both evaluators' drafts submitted and two areas
 * agreed (by Eva). All or nothing. Returns the evaluation's id.
 */
export async function addPracticePoints(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const [evaluation] = await tx
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(and(eq(evaluations.municipalityCode, PRACTICE_CODE), eq(evaluations.year, 2026)));
    if (!evaluation) throw new Error("the demo's practice case (Övningsköping 2026) is missing");
    const userIdOf = async (email: string) => {
      const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
      if (!row) throw new Error(`the demo has no account ${email}`);
      return row.id;
    };
    for (const [email, points] of Object.entries(PRACTICE_DRAFTS)) {
      const userId = await userIdOf(email);
      await tx.insert(scores).values(
        Object.entries(points).map(([itemId, value]) => ({
          evaluationId: evaluation.id,
          userId,
          itemId,
          points: value,
          justification: PRACTICE_JUSTIFICATIONS[email]?.[itemId] ?? "",
        })),
      );
      await tx.insert(scoreSubmissions).values({ evaluationId: evaluation.id, userId });
    }
    const agreedBy = await userIdOf("eva@kompass.example");
    await tx
      .insert(agreedScores)
      .values(Object.entries(PRACTICE_AGREED).map(([itemId, a]) => ({ evaluationId: evaluation.id, itemId, ...a, agreedBy })));
    await tx.update(evaluations).set({ status: "agreement" }).where(eq(evaluations.id, evaluation.id));
    return evaluation.id;
  });
}

/** The demo as shipped, then the practice case put in agreement with the synthetic points above. */
export async function seedDemoWithPracticePoints(db: Db): Promise<void> {
  await seedWorkspaceDemo(db);
  await addPracticePoints(db);
}

/**
 * The municipality's own cycle (issue 13) in tests: a published evaluation of the fictional
 * Testköping, with improvement opportunities in its texts, taken through every step by the
 * services as the team would. Its points are synthetic, so the municipality is fictional.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.server.ts";
import { evaluations } from "../../src/db/schema.server.ts";
import type { EvaluationStatus } from "../../src/domain/workflow.ts";
import { transitionEvaluation } from "../../src/services/evaluations/transitionEvaluation.server.ts";
import { addInterview } from "../../src/services/evidence/interviews.server.ts";
import { saveAgreedScore } from "../../src/services/scoring/agreement.server.ts";
import { saveMyScore, submitMyScoring } from "../../src/services/scoring/myScoring.server.ts";
import { saveText } from "../../src/services/writing/saveText.server.ts";
import { type Cast, createTestEvaluation } from "./workspace.ts";

/** The improvement opportunities the published test evaluation lists (areas 1 and 3). */
export const TEST_IMPROVEMENTS: Record<number, string[]> = {
  1: ["Handlingar till fullmäktige på webben", "Ett system för medborgarförslag"],
  3: ["Uppföljning av nämndernas mål", "En plan för internkontroll", "Tydligare delegationsordning"],
};

async function versionOf(db: Db, id: number): Promise<number> {
  const [row] = await db.select({ version: evaluations.version }).from(evaluations).where(eq(evaluations.id, id));
  return row!.version;
}

/** Moves the evaluation one step, as the actor allowed to. */
export async function moveTo(db: Db, cast: Cast, id: number, to: EvaluationStatus): Promise<void> {
  const actor = to === "preparation" || to === "published" ? cast.admin : cast.eva;
  await transitionEvaluation(db, actor, id, { to, version: await versionOf(db, id) });
}

/** Planned → preparation → visit (with one interview) → scoring: where the questionnaire is sent and closed. */
export async function moveToScoring(db: Db, cast: Cast, id: number): Promise<void> {
  await moveTo(db, cast, id, "preparation");
  await moveTo(db, cast, id, "visit");
  await addInterview(db, cast.eva, id, { groupKind: "politicians", title: "Kommunstyrelsens presidium", participantCount: 5 });
  await moveTo(db, cast, id, "scoring");
}

/**
 * A Testköping evaluation (2016 version, eight areas) taken from planning to publication: both
 * evaluators give every area `points` (synthetic), the team agrees, writes the summary and the
 * improvement opportunities of TEST_IMPROVEMENTS, and the administrator publishes.
 */
export async function publishTestEvaluation(db: Db, cast: Cast, year = 2017, points = "60"): Promise<number> {
  const id = await createTestEvaluation(db, cast, year);
  await moveToScoring(db, cast, id);
  const areas = ["1", "2", "3", "4", "5", "6", "7", "8"];
  for (const evaluator of [cast.eva, cast.per]) {
    for (const itemId of areas) await saveMyScore(db, evaluator, id, { itemId, points, justification: "Syntetiska testdata", version: 0 });
    await submitMyScoring(db, evaluator, id);
  }
  await moveTo(db, cast, id, "agreement");
  for (const itemId of areas) await saveAgreedScore(db, cast.eva, id, { itemId, points, reason: "Syntetiska testdata", version: 0 });
  await saveText(db, cast.eva, id, { key: "summary.evaluation", body: "Sammanfattning av en fiktiv utvärdering.", version: 0 });
  for (const [area, lines] of Object.entries(TEST_IMPROVEMENTS)) {
    await saveText(db, cast.eva, id, { key: `area.${area}.improvements`, body: lines.join("\n"), version: 0 });
  }
  await moveTo(db, cast, id, "review");
  await moveTo(db, cast, id, "published");
  return id;
}

/**
 * Takes a Testköping evaluation that is in scoring to review, as publishTestEvaluation does: both
 * evaluators give every area `points` (synthetic) and hand in, the team agrees and writes the
 * summary and, unless left out, the improvement opportunities of TEST_IMPROVEMENTS. Then
 * `moveTo(db, cast, id, "published")` publishes it.
 */
export async function completeTestEvaluation(
  db: Db,
  cast: Cast,
  id: number,
  options: { points?: string; improvements?: Record<number, string[]> } = {},
): Promise<void> {
  const points = options.points ?? "60";
  const areas = ["1", "2", "3", "4", "5", "6", "7", "8"];
  for (const evaluator of [cast.eva, cast.per]) {
    for (const itemId of areas) await saveMyScore(db, evaluator, id, { itemId, points, justification: "Syntetiska testdata", version: 0 });
    await submitMyScoring(db, evaluator, id);
  }
  await moveTo(db, cast, id, "agreement");
  for (const itemId of areas) await saveAgreedScore(db, cast.eva, id, { itemId, points, reason: "Syntetiska testdata", version: 0 });
  await saveText(db, cast.eva, id, { key: "summary.evaluation", body: "Sammanfattning av en fiktiv utvärdering.", version: 0 });
  for (const [area, lines] of Object.entries(options.improvements ?? TEST_IMPROVEMENTS)) {
    await saveText(db, cast.eva, id, { key: `area.${area}.improvements`, body: lines.join("\n"), version: 0 });
  }
  await moveTo(db, cast, id, "review");
}

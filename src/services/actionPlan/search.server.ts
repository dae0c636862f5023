import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import { actionPlans, actions } from "../../db/schema.server.ts";
import { actionAnchor } from "../../domain/cycle/actions.ts";
import type { Passage } from "../../domain/search.ts";

/**
 * The search passages of an evaluation's action plan: one per action, its title and description,
 * linked to the action on the evaluation page. None unless the municipality has published the
 * plan; indexEvaluation adds them after the evaluation's texts and is called again whenever a
 * published plan changes or the plan is published or made private.
 */
export async function actionPassages(tx: Db | Tx, evaluationId: number): Promise<Omit<Passage, "position">[]> {
  const rows = await tx
    .select({ id: actions.id, areaNumber: actions.areaNumber, title: actions.title, description: actions.description })
    .from(actions)
    .innerJoin(actionPlans, and(eq(actionPlans.evaluationId, actions.evaluationId), eq(actionPlans.published, true)))
    .where(eq(actions.evaluationId, evaluationId))
    .orderBy(asc(actions.id));
  return rows.map((row) => ({
    kind: "action",
    areaNumber: row.areaNumber,
    subareaId: null,
    anchor: actionAnchor(row.id),
    body: [row.title, row.description.trim()].filter((part) => part !== "").join(". "),
    exampleMunicipalityCode: null,
  }));
}

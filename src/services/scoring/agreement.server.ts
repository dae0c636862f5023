import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import { agreedScores, scores, scoreSubmissions } from "../../db/schema.server.ts";
import { points, pointsNumber, pointsText, type Points } from "../../domain/points.ts";
import { scoringPolicy } from "../../domain/policies.ts";
import { scorableItems, spread, type ScorableItem } from "../../domain/scorable.ts";
import type { Actor } from "../../domain/workflow.ts";
import { ConflictError, ForbiddenError } from "../errors.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { loadEvaluation, type EvaluationContext } from "../evaluations/evaluationContext.server.ts";
import { checkScoreInput } from "./myScoring.server.ts";
import { runningTotals, scoringEvaluation, storedPoints, type RunningTotals, type ScoringEvaluation } from "./shared.server.ts";

/** One evaluator's points on an item, as the actor may see them. */
export interface EvaluatorPoints {
  userId: string;
  name: string;
  /** Has this evaluator handed in their scoring? */
  submitted: boolean;
  /** True when the actor may not see these points yet: points and justification are then null. */
  hidden: boolean;
  points: string | null;
  justification: string | null;
}

export interface AgreedPoints {
  points: string;
  reason: string;
  version: number;
}

export interface AgreementItem {
  id: string;
  level: ScorableItem["level"];
  areaNumber: number;
  subareaId: string | null;
  text: string;
  max: number;
  /** Position in the instrument, for ties and for going back to instrument order. */
  order: number;
  evaluators: EvaluatorPoints[];
  /** Largest minus smallest of the visible points (null with fewer than two). */
  spread: string | null;
  agreed: AgreedPoints | null;
}

export interface Agreement {
  evaluation: ScoringEvaluation;
  /** Largest spread first; items without a spread last, in instrument order. */
  items: AgreementItem[];
  /** Running agreed points per area and in total. */
  totals: RunningTotals;
  /** May the actor see the other evaluators' points? (After their own submission, or from agreement on.) */
  othersVisible: boolean;
  actorSubmitted: boolean;
  mayAgree: boolean;
  agreedCount: number;
}

export interface AgreedConflict {
  points: string | null;
  reason: string;
}

export interface SaveAgreedInput {
  itemId: string;
  points: string | null | undefined;
  reason?: string | null;
  version: number | string;
}

/**
 * The evaluators' points side by side, largest differences first, with the agreed points. Nobody
 * sees another evaluator's points before handing in their own (scoringPolicy.viewOthers).
 */
export async function getAgreement(db: Db, actor: Actor, evaluationId: number): Promise<Agreement> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!scoringPolicy.open(actor, evaluation.access) || !scoringPolicy.viewAgreed(actor, evaluation.access))
    throw new ForbiddenError("open the agreement");
  const othersVisible = scoringPolicy.viewOthers(actor, evaluation.access);
  const id = evaluation.id;
  const [scoreRows, submissions, agreedRows] = [
    await db.select().from(scores).where(eq(scores.evaluationId, id)),
    await db.select({ userId: scoreSubmissions.userId }).from(scoreSubmissions).where(eq(scoreSubmissions.evaluationId, id)),
    await db.select().from(agreedScores).where(eq(agreedScores.evaluationId, id)),
  ];
  const submitted = new Set(submissions.map((s) => s.userId));
  const scoreOf = new Map(scoreRows.map((row) => [`${row.userId}\u0000${row.itemId}`, row]));
  const agreedOf = new Map(agreedRows.map((row) => [row.itemId, row]));
  const agreedValues = new Map<string, Points>();
  const items = scorableItems(evaluation.instrument).map((item, order): AgreementItem & { spreadValue: Points | null } => {
    const evaluators = evaluation.evaluators.map((person): EvaluatorPoints => {
      const visible = othersVisible || person.id === actor?.id;
      const row = visible ? scoreOf.get(`${person.id}\u0000${item.id}`) : undefined;
      return {
        userId: person.id,
        name: person.name,
        submitted: submitted.has(person.id),
        hidden: !visible,
        points: visible ? storedPoints(row?.points ?? null) : null,
        justification: visible ? (row?.justification ?? "") : null,
      };
    });
    // Only points the actor may see go into the spread, so that the order leaks nothing.
    const spreadValue = spread(evaluators.filter((e) => !e.hidden && e.points !== null).map((e) => points(e.points!)));
    const agreedRow = agreedOf.get(item.id);
    if (agreedRow) agreedValues.set(item.id, points(agreedRow.points));
    return {
      id: item.id,
      level: item.level,
      areaNumber: item.areaNumber,
      subareaId: item.subareaId,
      text: item.text,
      max: pointsNumber(item.maxPoints),
      order,
      evaluators,
      spread: spreadValue === null ? null : pointsText(spreadValue),
      spreadValue,
      agreed: agreedRow ? { points: storedPoints(agreedRow.points)!, reason: agreedRow.reason, version: agreedRow.version } : null,
    };
  });
  items.sort((a, b) => {
    if (a.spreadValue === null || b.spreadValue === null)
      return (a.spreadValue === null ? 1 : 0) - (b.spreadValue === null ? 1 : 0) || a.order - b.order;
    return b.spreadValue.comparedTo(a.spreadValue) || a.order - b.order;
  });
  return {
    evaluation: scoringEvaluation(evaluation),
    items: items.map(({ spreadValue: _s, ...item }) => item),
    totals: runningTotals(evaluation.instrument, agreedValues),
    othersVisible,
    actorSubmitted: !!evaluation.access.actorSubmitted,
    mayAgree: scoringPolicy.agree(actor, evaluation.access),
    agreedCount: agreedValues.size,
  };
}

/** The agreed points per area and in total as they stand, for pages beside the agreement (the overview). */
export async function agreedTotals(db: Db, evaluation: EvaluationContext): Promise<RunningTotals> {
  const rows = await db
    .select({ itemId: agreedScores.itemId, points: agreedScores.points })
    .from(agreedScores)
    .where(eq(agreedScores.evaluationId, evaluation.id));
  return runningTotals(evaluation.instrument, new Map(rows.map((row) => [row.itemId, points(row.points)])));
}

async function currentAgreed(tx: Db | Tx, evaluationId: number, itemId: string) {
  const [row] = await tx
    .select()
    .from(agreedScores)
    .where(and(eq(agreedScores.evaluationId, evaluationId), eq(agreedScores.itemId, itemId)));
  const value: AgreedConflict = row ? { points: storedPoints(row.points), reason: row.reason } : { points: null, reason: "" };
  return { row, value, version: row?.version ?? 0 };
}

/** Records the team's agreed points and reason for an item; an outdated version changes nothing (ConflictError). */
export async function saveAgreedScore(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: SaveAgreedInput,
): Promise<AgreedPoints & { itemId: string }> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!scoringPolicy.agree(actor, evaluation.access)) throw new ForbiddenError("agree on points");
  const { item, version, text, value } = checkScoreInput(
    evaluation,
    { itemId: input.itemId, points: input.points, text: input.reason, version: input.version },
    { required: true, textField: "reason" },
  );
  const after = { points: pointsText(value!), reason: text };
  return db.transaction(async (tx) => {
    const where = and(eq(agreedScores.evaluationId, evaluation.id), eq(agreedScores.itemId, item.id));
    const current = await currentAgreed(tx, evaluation.id, item.id);
    if (current.version !== version) throw new ConflictError(current.value, current.version);
    if (current.value.points === after.points && current.value.reason === after.reason) return { itemId: item.id, ...after, version };
    const written = current.row
      ? await tx
          .update(agreedScores)
          .set({ points: after.points, reason: after.reason, version: version + 1, agreedBy: actor!.id, updatedAt: new Date() })
          .where(and(where, eq(agreedScores.version, version)))
          .returning({ version: agreedScores.version })
      : await tx
          .insert(agreedScores)
          .values({
            evaluationId: evaluation.id,
            itemId: item.id,
            points: after.points,
            reason: after.reason,
            version: 1,
            agreedBy: actor!.id,
          })
          .onConflictDoNothing()
          .returning({ version: agreedScores.version });
    if (written.length === 0) {
      const now = await currentAgreed(tx, evaluation.id, item.id);
      throw new ConflictError(now.value, now.version);
    }
    await appendAudit(tx, { evaluationId: evaluation.id, actor, action: "agreed", target: item.id, before: current.value, after });
    return { itemId: item.id, ...after, version: written[0]!.version };
  });
}

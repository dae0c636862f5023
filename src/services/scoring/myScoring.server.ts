import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import { scores, scoreSubmissions } from "../../db/schema.server.ts";
import { points, pointsNumber, pointsText, sum, type Points } from "../../domain/points.ts";
import { scoringPolicy } from "../../domain/policies.ts";
import { scorableItems, type ScorableItem } from "../../domain/scorable.ts";
import { scoreSubarea } from "../../domain/scoring.ts";
import type { Actor } from "../../domain/workflow.ts";
import { ConflictError, ForbiddenError, ValidationError } from "../errors.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { loadEvaluation, type EvaluationContext } from "../evaluations/evaluationContext.server.ts";
import { CONTROL_CHARACTERS, hasControlCharacters } from "../../domain/text.ts";
import {
  findItem,
  MAX_TEXT,
  parsePointsInput,
  runningTotals,
  scoringEvaluation,
  storedPoints,
  versionOf,
  type RunningArea,
  type RunningTotals,
  type ScoringEvaluation,
  type ScoringProblem,
} from "./shared.server.ts";

/** One thing the evaluator puts points on, with what they have given it so far. */
export interface MyScoreItem {
  id: string;
  level: ScorableItem["level"];
  text: string;
  max: number;
  /** Exact decimal text ("12.5"), or null when not scored yet. */
  points: string | null;
  justification: string;
  /** The row's version; 0 when nothing is saved yet. */
  version: number;
}

/** A sub-area (or, in a version without sub-areas, the area) with its scorable items. */
export interface ScoringGroup {
  subareaId: string | null;
  /** What evidence is tied to: the sub-area id, else the area number. */
  evidenceKey: string;
  question: string;
  max: number;
  /** When every item of the group has points: exact sum, printed points and percent. */
  exact: string | null;
  points: number | null;
  percent: number | null;
  items: MyScoreItem[];
}

export interface ScoringArea extends RunningArea {
  rubricHeadings: string[];
  groups: ScoringGroup[];
}

export interface MyScoring {
  evaluation: ScoringEvaluation;
  areas: ScoringArea[];
  total: Omit<RunningTotals, "areas">;
  submitted: boolean;
  submittedAt: string | null;
  mayScore: boolean;
  maySubmit: boolean;
  /** Items without points yet. */
  missing: number;
}

export interface ScoreConflict {
  points: string | null;
  justification: string;
}

export interface SaveScoreInput {
  itemId: string;
  /** As typed: "12,5", "12.5", or empty for "not scored yet". */
  points: string | null | undefined;
  justification?: string | null;
  version: number | string;
}

export interface SavedScore extends ScoreConflict {
  itemId: string;
  version: number;
}

const mine = (evaluationId: number, userId: string) => and(eq(scores.evaluationId, evaluationId), eq(scores.userId, userId));

/** The actor's own points on every scorable item, grouped by area and sub-area, with running area and total points. */
export async function getMyScoring(db: Db, actor: Actor, evaluationId: number): Promise<MyScoring> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!scoringPolicy.open(actor, evaluation.access)) throw new ForbiddenError("open the scoring");
  const [rows, submission] = actor
    ? [
        await db.select().from(scores).where(mine(evaluation.id, actor.id)),
        (
          await db
            .select()
            .from(scoreSubmissions)
            .where(and(eq(scoreSubmissions.evaluationId, evaluation.id), eq(scoreSubmissions.userId, actor.id)))
        )[0],
      ]
    : [[], undefined];
  const byItem = new Map(rows.map((row) => [row.itemId, row]));
  const values = new Map<string, Points>();
  for (const row of rows) if (row.points !== null) values.set(row.itemId, points(row.points));
  const running = runningTotals(evaluation.instrument, values);
  const items = scorableItems(evaluation.instrument);
  const itemView = (item: ScorableItem): MyScoreItem => {
    const row = byItem.get(item.id);
    return {
      id: item.id,
      level: item.level,
      text: item.text,
      max: pointsNumber(item.maxPoints),
      points: storedPoints(row?.points ?? null),
      justification: row?.justification ?? "",
      version: row?.version ?? 0,
    };
  };
  const group = (subareaId: string | null, evidenceKey: string, question: string, max: Points, own: ScorableItem[]): ScoringGroup => {
    const given = own.map((item) => values.get(item.id)).filter((v): v is Points => v !== undefined);
    const complete = own.length > 0 && given.length === own.length;
    const exact = complete ? sum(given) : null;
    const printed = exact ? scoreSubarea(exact, max) : null;
    return {
      subareaId,
      evidenceKey,
      question,
      max: pointsNumber(max),
      exact: exact ? pointsText(exact) : null,
      points: printed ? pointsNumber(printed.points) : null,
      percent: printed ? pointsNumber(printed.percent) : null,
      items: own.map(itemView),
    };
  };
  const areas = evaluation.instrument.areas.map((area, index): ScoringArea => {
    const own = items.filter((item) => item.areaNumber === area.number);
    const groups =
      area.subareas.length === 0
        ? [group(null, String(area.number), area.name, area.maxPoints, own)]
        : area.subareas.map((s) =>
            group(
              s.id,
              s.id,
              s.question,
              s.maxPoints,
              own.filter((item) => item.subareaId === s.id),
            ),
          );
    return { ...running.areas[index]!, rubricHeadings: area.rubricHeadings, groups };
  });
  const { areas: _running, ...total } = running;
  return {
    evaluation: scoringEvaluation(evaluation),
    areas,
    total,
    submitted: !!submission,
    submittedAt: submission ? submission.submittedAt.toISOString() : null,
    mayScore: scoringPolicy.scoreOwn(actor, evaluation.access),
    maySubmit: scoringPolicy.submitOwn(actor, evaluation.access),
    missing: running.items - running.scored,
  };
}

/** Reads a score form's fields, or throws a ValidationError naming every problem. */
export function checkScoreInput(
  evaluation: EvaluationContext,
  input: { itemId: unknown; points: unknown; text: unknown; version: unknown },
  options: { required: boolean; textField: string },
) {
  const problems: ScoringProblem[] = [];
  const item = findItem(evaluation.instrument, input.itemId);
  if (!item) problems.push({ field: "itemId", message: "unknown_item" });
  const version = versionOf(input.version);
  if (version === null) problems.push({ field: "version", message: "expected_version" });
  const text = typeof input.text === "string" ? input.text.replace(/\r\n?/g, "\n") : input.text == null ? "" : null;
  if (text === null) problems.push({ field: options.textField, message: "expected_text" });
  else if (hasControlCharacters(text)) problems.push({ field: options.textField, message: CONTROL_CHARACTERS });
  else if (text.length > MAX_TEXT) problems.push({ field: options.textField, message: "text_too_long", values: { max: MAX_TEXT } });
  const parsed = item ? parsePointsInput(input.points, item.maxPoints, { required: options.required }) : null;
  // The item's id goes with the problem, so that the words name it ("Poängen för 1.2 …").
  if (parsed && !parsed.ok) problems.push({ ...parsed.problem, values: { ...parsed.problem.values, item: item!.id } });
  if (problems.length > 0 || !item || !parsed?.ok || version === null || text === null)
    throw new ValidationError("the points were not saved", problems);
  return { item, version, text, value: parsed.value };
}

async function currentScore(tx: Db | Tx, evaluationId: number, userId: string, itemId: string) {
  const [row] = await tx
    .select()
    .from(scores)
    .where(and(mine(evaluationId, userId), eq(scores.itemId, itemId)));
  const value: ScoreConflict = row
    ? { points: storedPoints(row.points), justification: row.justification }
    : { points: null, justification: "" };
  return { row, value, version: row?.version ?? 0 };
}

/**
 * Saves the actor's own points and justification for one item, while they score alone. A save
 * made from an outdated version changes nothing and throws a ConflictError with the saved one.
 */
export async function saveMyScore(db: Db, actor: Actor, evaluationId: number, input: SaveScoreInput): Promise<SavedScore> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!scoringPolicy.scoreOwn(actor, evaluation.access)) throw new ForbiddenError("score this evaluation");
  const userId = actor!.id;
  const { item, version, text, value } = checkScoreInput(
    evaluation,
    { itemId: input.itemId, points: input.points, text: input.justification, version: input.version },
    { required: false, textField: "justification" },
  );
  const after: ScoreConflict = { points: value === null ? null : pointsText(value), justification: text };
  return db.transaction(async (tx) => {
    const current = await currentScore(tx, evaluation.id, userId, item.id);
    if (current.version !== version) throw new ConflictError(current.value, current.version);
    if (current.value.points === after.points && current.value.justification === after.justification)
      return { itemId: item.id, ...after, version };
    const written = current.row
      ? await tx
          .update(scores)
          .set({ points: after.points, justification: after.justification, version: version + 1, updatedAt: new Date() })
          .where(and(mine(evaluation.id, userId), eq(scores.itemId, item.id), eq(scores.version, version)))
          .returning({ version: scores.version })
      : await tx
          .insert(scores)
          .values({
            evaluationId: evaluation.id,
            userId,
            itemId: item.id,
            points: after.points,
            justification: after.justification,
            version: 1,
          })
          .onConflictDoNothing()
          .returning({ version: scores.version });
    if (written.length === 0) {
      const now = await currentScore(tx, evaluation.id, userId, item.id);
      throw new ConflictError(now.value, now.version);
    }
    await appendAudit(tx, { evaluationId: evaluation.id, actor, action: "score", target: item.id, before: current.value, after });
    return { itemId: item.id, ...after, version: written[0]!.version };
  });
}

/** Hands in the actor's scoring: every item must have points. From then on they see the others' points. */
export async function submitMyScoring(db: Db, actor: Actor, evaluationId: number): Promise<void> {
  const evaluation = await loadEvaluation(db, actor, evaluationId);
  if (!scoringPolicy.submitOwn(actor, evaluation.access)) throw new ForbiddenError("hand in the scoring");
  const userId = actor!.id;
  await db.transaction(async (tx) => {
    const rows = await tx.select().from(scores).where(mine(evaluation.id, userId));
    const given = new Map(rows.filter((r) => r.points !== null).map((r) => [r.itemId, points(r.points!)]));
    const items = scorableItems(evaluation.instrument);
    const missing = items.filter((item) => !given.has(item.id));
    if (missing.length > 0) {
      const problem: ScoringProblem = {
        field: "items",
        message: "scores_missing",
        values: { count: missing.length, first: missing[0]!.id },
      };
      throw new ValidationError(`${missing.length} of ${items.length} items have no points yet`, [problem]);
    }
    const inserted = await tx
      .insert(scoreSubmissions)
      .values({ evaluationId: evaluation.id, userId })
      .onConflictDoNothing()
      .returning({ userId: scoreSubmissions.userId });
    if (inserted.length === 0) return;
    const total = sum(items.map((item) => given.get(item.id)!));
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: "submitted",
      target: "scores",
      before: null,
      after: { items: items.length, exact: pointsText(total) },
    });
  });
}

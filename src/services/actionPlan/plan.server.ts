/**
 * What every use-case of the action plan shares: loading the plan with the evaluation it answers
 * (and the rule for who sees it), reading its actions and notes, and writing so that the public
 * pages and the search follow a published plan in the same transaction.
 */
import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.server.ts";
import { changePublicData } from "../../db/dataVersion.server.ts";
import { actionNotes, actionPlans, actions } from "../../db/schema.server.ts";
import {
  type ActionStatus,
  compareActions,
  type ShownAction,
  isActionStatus,
  isOverdue,
  linksOf,
  swedishDay,
} from "../../domain/cycle/actions.ts";
import { type ImprovementRef, improvementsOf } from "../../domain/cycle/followup.ts";
import { actionPlanPolicy } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import { type EvaluationContext, readEvaluation } from "../evaluations/evaluationContext.server.ts";
import { publishedSnapshot } from "../evaluations/publishedSnapshot.server.ts";
import { NotFoundError } from "../errors.ts";
import { indexEvaluation } from "../search/indexEvaluation.server.ts";

export interface ActionNoteItem {
  id: number;
  /** The day the note is about (a Swedish calendar day). */
  notedOn: string;
  body: string;
}

export interface ActionItem extends ShownAction {
  id: number;
  areaNumber: number | null;
  improvementIndex: number | null;
  /** The improvement opportunity's wording as it stood when the action was added. */
  improvementText: string | null;
  /** As typed, one per line (the edit form's value). */
  links: string;
  version: number;
  /** Swedish calendar days: when it was added, and when last closed (done or cancelled). */
  createdOn: string;
  closedOn: string | null;
  notes: ActionNoteItem[];
}

/** An improvement opportunity of the published revision and the actions that answer it. */
export interface ImprovementWithActions extends ImprovementRef {
  areaName: string;
  actions: ActionItem[];
}

export interface PlanContent {
  improvements: ImprovementWithActions[];
  /** The municipality's own actions, and those whose improvement opportunity a later correction removed. */
  own: ActionItem[];
  /** Every action in the plan's order: overdue first. */
  all: ActionItem[];
}

export interface PlanRow {
  published: boolean;
  publishedAt: Date | null;
  /** 0: no row yet (nothing published, never changed). */
  version: number;
}

export async function planRow(db: Db | Tx, evaluationId: number): Promise<PlanRow> {
  const [row] = await db
    .select({ published: actionPlans.published, publishedAt: actionPlans.publishedAt, version: actionPlans.version })
    .from(actionPlans)
    .where(eq(actionPlans.evaluationId, evaluationId));
  return row ?? { published: false, publishedAt: null, version: 0 };
}

/**
 * The evaluation and its plan for an actor who may see the plan. The municipality's staff are
 * not members of the evaluation their plan answers, so the evaluation's own view rule does not
 * apply: the plan's does, and one the actor may not see is not found, whether or not it exists.
 */
export async function loadPlan(db: Db | Tx, actor: Actor, evaluationId: number): Promise<{ evaluation: EvaluationContext; plan: PlanRow }> {
  const evaluation = await readEvaluation(db, actor, evaluationId);
  const plan = await planRow(db, evaluationId);
  if (!actionPlanPolicy.view(actor, evaluation.access, plan.published)) throw new NotFoundError("action plan", String(evaluationId));
  return { evaluation, plan };
}

/** The published revision's improvement opportunities (what the plan answers). */
export async function publishedImprovements(db: Db | Tx, evaluationId: number): Promise<ImprovementRef[]> {
  const snapshot = await publishedSnapshot(db, evaluationId);
  return improvementsOf(snapshot?.texts ?? {});
}

/** The plan's actions with their notes, newest note first. */
export async function actionItems(db: Db | Tx, evaluationId: number, today: string): Promise<ActionItem[]> {
  const rows = await db.select().from(actions).where(eq(actions.evaluationId, evaluationId)).orderBy(asc(actions.id));
  const notes =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(actionNotes)
          .where(
            inArray(
              actionNotes.actionId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(actionNotes.notedOn), asc(actionNotes.id));
  return rows
    .map((row): ActionItem => {
      const status: ActionStatus = isActionStatus(row.status) ? row.status : "planned";
      return {
        id: row.id,
        areaNumber: row.areaNumber,
        improvementIndex: row.improvementIndex,
        improvementText: row.improvementText,
        title: row.title,
        description: row.description,
        owner: row.owner,
        startDate: row.startDate,
        dueDate: row.dueDate,
        status,
        links: row.links,
        linkList: linksOf(row.links),
        overdue: isOverdue({ status, dueDate: row.dueDate }, today),
        version: row.version,
        createdOn: swedishDay(row.createdAt),
        closedOn: row.closedAt ? swedishDay(row.closedAt) : null,
        notes: notes
          .filter((n) => n.actionId === row.id)
          .reverse()
          .map((n) => ({ id: n.id, notedOn: n.notedOn, body: n.body })),
      };
    })
    .sort(compareActions(today));
}

/** The actions grouped under the improvement opportunities they answer, the rest as the municipality's own. */
export async function planContent(db: Db | Tx, evaluation: EvaluationContext, today: string): Promise<PlanContent> {
  const all = await actionItems(db, evaluation.id, today);
  const refs = await publishedImprovements(db, evaluation.id);
  const areaName = (n: number) => evaluation.instrument.areas.find((a) => a.number === n)?.name ?? "";
  const answers = (ref: ImprovementRef) => (a: ActionItem) => a.areaNumber === ref.areaNumber && a.improvementIndex === ref.index;
  const improvements = refs.map((ref) => ({ ...ref, areaName: areaName(ref.areaNumber), actions: all.filter(answers(ref)) }));
  const own = all.filter((a) => !refs.some((ref) => answers(ref)(a)));
  return { improvements, own, all };
}

/**
 * Writes a change to the plan in one transaction. A published plan is public data: the change
 * is announced to the caches and the evaluation's search passages follow it (indexEvaluation
 * reads the plan as this transaction leaves it), so search never shows what the page does not.
 */
export async function writePlan<T>(db: Db, evaluationId: number, isPublic: boolean, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (!isPublic) return db.transaction(work);
  return changePublicData(db, async (tx) => {
    const result = await work(tx);
    await indexEvaluation(tx, evaluationId);
    return result;
  });
}

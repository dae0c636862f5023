/**
 * Making the action plan public, and what the public sees of it: the evaluation page's read-only
 * plan, the open data API's list of actions, and (through indexEvaluation) the search.
 */
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.server.ts";
import { actionPlans, actions, evaluations, municipalities } from "../../db/schema.server.ts";
import {
  type ActionFields,
  type ActionStatus,
  actionAnchor,
  compareActions,
  isActionStatus,
  isOverdue,
  linksOf,
} from "../../domain/cycle/actions.ts";
import { evaluationPath } from "../../domain/paths.ts";
import { actionPlanPolicy } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import { appendAudit } from "../evaluations/audit.server.ts";
import { readEvaluation } from "../evaluations/evaluationContext.server.ts";
import { ConflictError, ForbiddenError, problemsFromZod, ValidationError } from "../errors.ts";
import { getInstruments } from "../instruments/catalog.server.ts";
import { loadPlan, type PlanContent, planContent, planRow, writePlan } from "./plan.server.ts";

export const publishPlanSchema = z.object({
  published: z.boolean({ error: "publish_invalid" }),
  /** The plan's version as loaded (0: never changed). */
  version: z.coerce.number({ error: "version_invalid" }).int("version_invalid").min(0, "version_invalid"),
});
export type PublishPlanInput = z.input<typeof publishPlanSchema>;

/**
 * The contact makes the plan public (or private again). The public pages, the API and the search
 * follow in the same transaction. A plan changed since it was loaded is not toggled (ConflictError
 * with whether it is published now).
 */
export async function setActionPlanPublished(
  db: Db,
  actor: Actor,
  evaluationId: number,
  input: PublishPlanInput,
): Promise<{ version: number }> {
  const { evaluation, plan } = await loadPlan(db, actor, evaluationId);
  if (!actionPlanPolicy.publish(actor, evaluation.access)) throw new ForbiddenError("publish the action plan");
  const parsed = publishPlanSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("the plan was not published", problemsFromZod(parsed.error.issues));
  const { published, version } = parsed.data;
  if (plan.version !== version) throw new ConflictError({ published: plan.published }, plan.version);
  if (plan.published === published) return { version };
  // Public before or after: either way the public pages and the search change.
  return writePlan(db, evaluation.id, true, async (tx) => {
    const now = new Date();
    const values = { published, publishedAt: published ? now : null, updatedBy: actor!.id, updatedAt: now };
    const written =
      version === 0
        ? await tx
            .insert(actionPlans)
            .values({ evaluationId: evaluation.id, ...values, version: 1 })
            .onConflictDoNothing()
            .returning({ version: actionPlans.version })
        : await tx
            .update(actionPlans)
            .set({ ...values, version: version + 1 })
            .where(and(eq(actionPlans.evaluationId, evaluation.id), eq(actionPlans.version, version)))
            .returning({ version: actionPlans.version });
    if (written.length === 0) {
      const current = await planRow(tx, evaluation.id);
      throw new ConflictError({ published: current.published }, current.version);
    }
    await appendAudit(tx, {
      evaluationId: evaluation.id,
      actor,
      action: published ? "action_plan_published" : "action_plan_unpublished",
      target: "action_plan",
      before: { published: plan.published },
      after: { published },
    });
    return written[0]!;
  });
}

export interface PublishedActionPlanView extends PlanContent {
  publishedAt: Date | null;
  today: string;
}

/** The plan as the public evaluation page shows it: only when both the evaluation and the plan are published, else null. */
export async function publishedActionPlan(db: Db, evaluationId: number, today: string): Promise<PublishedActionPlanView | null> {
  const plan = await planRow(db, evaluationId);
  if (!plan.published) return null;
  const evaluation = await readEvaluation(db, null, evaluationId).catch(() => null);
  if (!evaluation || !actionPlanPolicy.view(null, evaluation.access, true)) return null;
  return { ...(await planContent(db, evaluation, today)), publishedAt: plan.publishedAt, today };
}

/** One action of a published plan, as the open data API lists it. */
export interface PublishedAction extends ActionFields {
  evaluationId: number;
  municipality: { code: string; name: string };
  year: number;
  instrument: string;
  area: { number: number; name: string } | null;
  improvement: string | null;
  overdue: boolean;
  links: string[];
  link: string;
}

/**
 * Every action of every published plan of a published evaluation, by municipality (Swedish
 * order), year, and the plan's order within it (overdue first). Narrowed to one municipality
 * and one status when asked.
 */
export async function listPublishedActions(
  db: Db,
  query: { municipality?: string; status?: ActionStatus },
  today: string,
): Promise<PublishedAction[]> {
  const filters = [eq(actionPlans.published, true), eq(evaluations.status, "published")];
  if (query.municipality) filters.push(eq(evaluations.municipalityCode, query.municipality));
  if (query.status) filters.push(eq(actions.status, query.status));
  const rows = await db
    .select({ action: actions, evaluation: evaluations, municipalityName: municipalities.name })
    .from(actions)
    .innerJoin(actionPlans, eq(actionPlans.evaluationId, actions.evaluationId))
    .innerJoin(evaluations, eq(evaluations.id, actions.evaluationId))
    .innerJoin(municipalities, eq(municipalities.code, evaluations.municipalityCode))
    .where(and(...filters))
    .orderBy(asc(actions.id));
  const instruments = await getInstruments(db);
  const collator = new Intl.Collator("sv");
  const order = compareActions(today);
  const listed = rows.map(({ action, evaluation, municipalityName }) => {
    const status: ActionStatus = isActionStatus(action.status) ? action.status : "planned";
    const area =
      action.areaNumber === null
        ? null
        : {
            number: action.areaNumber,
            name: instruments.get(evaluation.instrumentKey)?.areas.find((a) => a.number === action.areaNumber)?.name ?? "",
          };
    return {
      evaluationId: evaluation.id,
      municipality: { code: evaluation.municipalityCode, name: municipalityName },
      year: evaluation.year,
      instrument: evaluation.instrumentKey,
      area,
      improvement: action.improvementText,
      title: action.title,
      description: action.description,
      owner: action.owner,
      startDate: action.startDate,
      dueDate: action.dueDate,
      status,
      overdue: isOverdue({ status, dueDate: action.dueDate }, today),
      links: linksOf(action.links),
      link: `${evaluationPath(evaluation.municipalityCode, municipalityName, evaluation.year)}#${actionAnchor(action.id)}`,
      sortKey: { id: action.id, areaNumber: action.areaNumber, status, dueDate: action.dueDate },
    };
  });
  return listed
    .sort(
      (a, b) =>
        collator.compare(a.municipality.name, b.municipality.name) ||
        a.year - b.year ||
        a.evaluationId - b.evaluationId ||
        order(a.sortKey, b.sortKey),
    )
    .map(({ sortKey: _sortKey, ...action }) => action);
}

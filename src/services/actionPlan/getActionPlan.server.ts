import type { Db } from "../../db/client.server.ts";
import { type AreaStatusCounts, countsByArea, type MonthProgress, progressByMonth } from "../../domain/cycle/actions.ts";
import { actionPlanPolicy } from "../../domain/policies.ts";
import type { Actor } from "../../domain/workflow.ts";
import { type ActionItem, loadPlan, type PlanContent, planContent } from "./plan.server.ts";

export interface ActionPlanOverview {
  /** Actions by area and status (area null: the municipality's own), and the whole plan. */
  areas: AreaStatusCounts[];
  total: AreaStatusCounts;
  /** The open actions past their due date, the longest overdue first. */
  overdue: ActionItem[];
  progress: MonthProgress[];
}

export interface ActionPlanView extends PlanContent {
  evaluation: {
    id: number;
    municipalityCode: string;
    municipalityName: string;
    year: number;
    instrumentKey: string;
    areas: { number: number; name: string }[];
  };
  published: boolean;
  publishedAt: Date | null;
  /** The plan's version, for the publish toggle (0: never changed). */
  version: number;
  can: { edit: boolean; publish: boolean };
  overview: ActionPlanOverview;
  today: string;
}

/**
 * A published evaluation's action plan as its page shows it: the published revision's
 * improvement opportunities, each with its actions, the municipality's own actions, and the
 * overview (by area and status, overdue first, progress by month). `today` is a Swedish calendar
 * day ("2026-05-31"): what is overdue depends on it.
 */
export async function getActionPlan(db: Db, actor: Actor, evaluationId: number, today: string): Promise<ActionPlanView> {
  const { evaluation, plan } = await loadPlan(db, actor, evaluationId);
  const content = await planContent(db, evaluation, today);
  const { areas, total } = countsByArea(content.all, today);
  return {
    ...content,
    evaluation: {
      id: evaluation.id,
      municipalityCode: evaluation.municipalityCode,
      municipalityName: evaluation.municipalityName,
      year: evaluation.year,
      instrumentKey: evaluation.instrument.key,
      areas: evaluation.instrument.areas.map((a) => ({ number: a.number, name: a.name })),
    },
    published: plan.published,
    publishedAt: plan.publishedAt,
    version: plan.version,
    can: { edit: actionPlanPolicy.edit(actor, evaluation.access), publish: actionPlanPolicy.publish(actor, evaluation.access) },
    overview: { areas, total, overdue: content.all.filter((a) => a.overdue), progress: progressByMonth(content.all, today) },
    today,
  };
}
